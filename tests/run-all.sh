#!/usr/bin/env bash
# The one test command (`npm test`): every stage in tests/stages/, in name order.
# Each stage is a small script owned by one part of the product; a failing stage
# fails the run, and the summary line at the end counts stages passed and failed.
#   tests/run-all.sh            every stage
#   tests/run-all.sh 27 62      only the stages whose names start with 27 or 62 (on the last build)
#
# Two things keep it short on 2 cores without changing any test:
# - Stages that mostly wait (real servers on loopback answering, timing out, starting: 36 used 5 s of
#   CPU in 62 s, 40 22 s in 97 s) run beside the others once the build passed.
# - The browser stages (names with -e2e-) run two at a time, one browser worker each
#   (BROWSER_WORKERS=1), instead of one at a time with two workers: a stage's last long test no
#   longer leaves a core idle, nor does each stage's start. Every stage has its own ports and output.
# A stage run beside others prints its output, its time and its result when it ends.
# TEST_SERIAL=1 runs every stage in order, alone, as its script says.
set -u
cd "$(dirname "$0")/.."
BESIDE="36-content-wsgiref 40-differential"
SLOTS=2
if [ "${TEST_SERIAL:-}" = 1 ]; then BESIDE=""; SLOTS=0; fi
passed=0; failed=0; failures=(); beside=()
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
  if [ "$SLOTS" -gt 0 ]; then case "$name" in *-e2e-*) browser+=("$name"); continue ;; esac; fi
  echo "=== stage $name ==="
  start=$(date +%s)
  bash "$stage"; status=$?
  record "$name" "$status" "$(( $(date +%s) - start ))"
  # Later stages depend on the system packages and the build: stop there.
  if [ "$status" -ne 0 ]; then case "$name" in 00-*|10-*) beside=(); browser=(); break ;; esac; fi
  case "$name" in 10-*) for b in $BESIDE; do selected "$b" "$@" && [ -f "tests/stages/$b.sh" ] && start_beside "$b"; done ;; esac
done

# The browser stages, SLOTS at a time.
if [ ${#browser[@]} -gt 0 ]; then
  export BROWSER_WORKERS=1
  queue=("${browser[@]}"); running=()
  while [ ${#queue[@]} -gt 0 ] || [ ${#running[@]} -gt 0 ]; do
    while [ ${#running[@]} -lt "$SLOTS" ] && [ ${#queue[@]} -gt 0 ]; do
      echo "=== stage ${queue[0]} started ==="
      start_beside "${queue[0]}"; running+=("${queue[0]}"); queue=("${queue[@]:1}")
    done
    wait -n 2>/dev/null || true
    still=()
    for name in "${running[@]}"; do
      if [ -s "$logs/$name.rc" ]; then report_beside "$name"; else still+=("$name"); fi
    done
    running=("${still[@]}")
  done
fi

for name in "${beside[@]}"; do
  while [ ! -s "$logs/$name.rc" ]; do wait -n 2>/dev/null || sleep 1; done
  report_beside "$name"
done
[ ${#failures[@]} -gt 0 ] && echo "failed stages: ${failures[*]}"
echo "stages: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
