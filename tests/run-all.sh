#!/usr/bin/env bash
# The one test command (`npm test`): every stage in tests/stages/, in name order.
# Each stage is a small script owned by one part of the product; a failing stage
# fails the run, and the summary line at the end counts stages passed and failed.
#   tests/run-all.sh            every stage
#   tests/run-all.sh 27 62      only the stages whose names start with 27 or 62 (on the last build)
#
# What keeps it short on 2 cores without changing any test (docs/decisions/test-pipeline.md):
# - Stages that mostly wait (real servers on loopback answering, timing out, starting: 36 used 5 s of
#   CPU in 62 s, 40 22 s in 97 s) run beside the others once the build passed.
# - After the build, two jobs at a time, each on one core: the browser stages (names with -e2e-, one
#   browser worker each, BROWSER_WORKERS=1), and the unit, type-check and CPython/Pyodide stages as one
#   job that runs them one after the other. Longest first (ORDER), so the last jobs to start are short
#   and neither core idles long at the end. Every browser stage has its own ports and output folder.
# - Stages that bound a time on the page (ALONE: main-thread long tasks, layout shift) run last, one at
#   a time, with nothing else running.
# A stage run beside others prints its output, its time and its result when it ends.
# TEST_SERIAL=1 runs every stage in order, alone, as its script says.
set -u
cd "$(dirname "$0")/.."
BESIDE="36-content-wsgiref 40-differential"
# Longest first, by the seconds of the last full run (2026-12-04 02:39, quiet machine, 17 min 16 s in
# all): hardening 559, editor 338, site 287, learning 254, runtime 122, concurrency 100, the unit and
# content job ("serial": 7+3+5+21+7+7 + type check 31 + 4+8+11 + Pyodide content 26 + fuzz 13 = 143),
# onion 63, nginx 13. A stage not named here starts before these (its length is unknown).
ORDER="70-e2e-hardening 60-e2e-editor 50-e2e-site 65-e2e-learning 62-e2e-concurrency 55-e2e-runtime serial 63-e2e-onion 72-e2e-nginx"
ALONE="71-e2e-hardening-huge 75-e2e-speed"
SLOTS=2
if [ "${TEST_SERIAL:-}" = 1 ]; then BESIDE=""; ALONE=""; SLOTS=0; fi
passed=0; failed=0; failures=(); beside=(); serial=(); alone=()
logs=$(mktemp -d)
trap 'rm -rf "$logs"' EXIT

selected() { # stage name: whether the command line asked for it (no arguments: every stage)
  [ $# -gt 1 ] || return 0
  local name=$1; shift
  for prefix in "$@"; do case "$name" in "$prefix"*) return 0 ;; esac; done
  return 1
}

record() { # name, exit status, seconds
  if [ "$2" -eq 0 ]; then
    passed=$((passed + 1)); echo "=== stage $1 passed in $3 s ==="
  else
    failed=$((failed + 1)); failures+=("$1"); echo "=== stage $1 FAILED in $3 s ==="
  fi
}

start_beside() { # name: run the stage in the background, its output kept
  ( start=$(date +%s); bash "tests/stages/$1.sh" > "$logs/$1.log" 2>&1; echo "$? $(( $(date +%s) - start ))" > "$logs/$1.rc" ) &
}

start_serial() { # the unit and content stages (serial[]), one after the other in the background
  ( for name in "${serial[@]}"; do
      start=$(date +%s); bash "tests/stages/$name.sh" > "$logs/$name.log" 2>&1
      echo "$? $(( $(date +%s) - start ))" > "$logs/$name.rc"
    done; echo 0 > "$logs/serial.rc" ) &
}

report_beside() { # name: print what the background stage wrote, then its result
  echo "=== stage $1 (ran beside others) ==="
  cat "$logs/$1.log"
  local status seconds
  read -r status seconds < "$logs/$1.rc"
  record "$1" "$status" "$seconds"
}

browser=()
# Without the build stage (a selection), the waiting stages start at once; else once the build passed.
selected 10-build "$@" || for b in $BESIDE; do selected "$b" "$@" && [ -f "tests/stages/$b.sh" ] && start_beside "$b"; done
for stage in tests/stages/*.sh; do
  name=$(basename "$stage" .sh)
  selected "$name" "$@" || continue
  case " $BESIDE " in *" $name "*) beside+=("$name"); continue ;; esac
  case " $ALONE " in *" $name "*) alone+=("$name"); continue ;; esac
  if [ "$SLOTS" -gt 0 ]; then case "$name" in *-e2e-*) browser+=("$name"); continue ;; 00-*|10-*) ;; *) serial+=("$name"); continue ;; esac; fi
  echo "=== stage $name ==="
  start=$(date +%s)
  bash "$stage"; status=$?
  record "$name" "$status" "$(( $(date +%s) - start ))"
  # Later stages depend on the system packages and the build: stop there.
  if [ "$status" -ne 0 ]; then case "$name" in 00-*|10-*) beside=(); browser=(); serial=(); alone=(); break ;; esac; fi
  case "$name" in 10-*) for b in $BESIDE; do selected "$b" "$@" && [ -f "tests/stages/$b.sh" ] && start_beside "$b"; done ;; esac
done

# The browser stages and the serial job, SLOTS at a time, longest first.
jobs_=("${browser[@]}")
[ ${#serial[@]} -gt 0 ] && jobs_+=(serial)
if [ ${#jobs_[@]} -gt 0 ]; then
  export BROWSER_WORKERS=1
  queue=()
  for name in "${jobs_[@]}"; do case " $ORDER " in *" $name "*) ;; *) queue+=("$name") ;; esac; done
  for name in $ORDER; do case " ${jobs_[*]} " in *" $name "*) queue+=("$name") ;; esac; done
  running=()
  while [ ${#queue[@]} -gt 0 ] || [ ${#running[@]} -gt 0 ]; do
    while [ ${#running[@]} -lt "$SLOTS" ] && [ ${#queue[@]} -gt 0 ]; do
      if [ "${queue[0]}" = serial ]; then
        echo "=== stages ${serial[*]} started, one after the other ==="; start_serial
      else
        echo "=== stage ${queue[0]} started ==="; start_beside "${queue[0]}"
      fi
      running+=("${queue[0]}"); queue=("${queue[@]:1}")
    done
    wait -n 2>/dev/null || true
    still=()
    for name in "${running[@]}"; do
      if [ ! -s "$logs/$name.rc" ]; then still+=("$name")
      elif [ "$name" = serial ]; then for s in "${serial[@]}"; do report_beside "$s"; done
      else report_beside "$name"; fi
    done
    running=("${still[@]}")
  done
fi

for name in "${beside[@]}"; do
  while [ ! -s "$logs/$name.rc" ]; do wait -n 2>/dev/null || sleep 1; done
  report_beside "$name"
done

# Stages that bound a time on the page: last, one at a time, nothing else running.
for name in "${alone[@]}"; do
  echo "=== stage $name (alone) ==="
  start=$(date +%s)
  bash "tests/stages/$name.sh" 2>&1 | tee "$logs/$name.log"; status=${PIPESTATUS[0]}
  record "$name" "$status" "$(( $(date +%s) - start ))"
done

# CI shows only the end of this output: repeat why each failed stage failed, and which browser
# tests passed only on their retry, where it will be read.
why() { # log file: the lines that say what failed, at most 60
  grep -E '✘|^ +[0-9]+\) |^ +> +[0-9]+ \||Error|error:|FAIL|Expected|Received|expected|flaky|failed|timed out|Timeout|^ +at .*\.(spec|test)\.ts:' "$1" \
    | grep -vE 'attachment #|show-trace|Error Context:' | head -60
}
for name in "${failures[@]}"; do
  [ -f "$logs/$name.log" ] && { echo "--- why stage $name failed ---"; why "$logs/$name.log"; }
done
for log in "$logs"/*.log; do
  [ -f "$log" ] && grep -qE '^ +[0-9]+ flaky' "$log" && { echo "--- passed only on a retry ($(basename "$log" .log)) ---"; grep -A20 -E '^ +[0-9]+ flaky' "$log" | grep -E '›' | head -20; }
done
[ ${#failures[@]} -gt 0 ] && echo "failed stages: ${failures[*]}"
echo "stages: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
