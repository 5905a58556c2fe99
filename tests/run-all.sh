#!/usr/bin/env bash
# The one test command (`npm test`): every stage in tests/stages/, in name order.
# Each stage is a small script owned by one part of the product; a failing stage
# fails the run, and the summary line at the end counts stages passed and failed.
#
# Stages that mostly wait (real servers on loopback answering, timing out, starting: 36 used 5 s of CPU
# in 62 s, 40 22 s in 97 s) run beside the others once the build passed: their output is kept and
# printed, with their own time, after the last foreground stage. TEST_SERIAL=1 runs every stage in order.
set -u
cd "$(dirname "$0")/.."
BESIDE="36-content-wsgiref 40-differential"
[ "${TEST_SERIAL:-}" = 1 ] && BESIDE=""
passed=0; failed=0; failures=(); beside=()
logs=$(mktemp -d)
trap 'rm -rf "$logs"' EXIT

start_beside() {
  for name in $BESIDE; do
    [ -f "tests/stages/$name.sh" ] || continue
    ( start=$(date +%s); bash "tests/stages/$name.sh" > "$logs/$name.log" 2>&1; echo "$? $(( $(date +%s) - start ))" > "$logs/$name.rc" ) &
    beside+=("$name:$!")
  done
}

record() { # name, exit status, seconds
  if [ "$2" -eq 0 ]; then
    passed=$((passed + 1)); echo "=== stage $1 passed in $3 s ==="
  else
    failed=$((failed + 1)); failures+=("$1"); echo "=== stage $1 FAILED in $3 s ==="
  fi
}

for stage in tests/stages/*.sh; do
  name=$(basename "$stage" .sh)
  case " $BESIDE " in *" $name "*) continue ;; esac
  echo "=== stage $name ==="
  start=$(date +%s)
  bash "$stage"; status=$?
  record "$name" "$status" "$(( $(date +%s) - start ))"
  # Later stages depend on the system packages and the build: stop there.
  if [ "$status" -ne 0 ]; then case "$name" in 00-*|10-*) break ;; esac; fi
  case "$name" in 10-*) start_beside ;; esac
done
for entry in "${beside[@]}"; do
  name=${entry%%:*}
  wait "${entry##*:}"
  echo "=== stage $name (ran beside the others) ==="
  cat "$logs/$name.log"
  read -r status seconds < "$logs/$name.rc"
  record "$name" "$status" "$seconds"
done
[ ${#failures[@]} -gt 0 ] && echo "failed stages: ${failures[*]}"
echo "stages: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
