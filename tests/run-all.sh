#!/usr/bin/env bash
# The one test command (`npm test`): every stage in tests/stages/, in name order.
# Each stage is a small script owned by one part of the product; a failing stage
# fails the run, and the summary line at the end counts stages passed and failed.
set -u
cd "$(dirname "$0")/.."
passed=0; failed=0; failures=()
for stage in tests/stages/*.sh; do
  name=$(basename "$stage" .sh)
  echo "=== stage $name ==="
  start=$(date +%s)
  if bash "$stage"; then
    passed=$((passed + 1)); echo "=== stage $name passed in $(( $(date +%s) - start )) s ==="
  else
    failed=$((failed + 1)); failures+=("$name"); echo "=== stage $name FAILED in $(( $(date +%s) - start )) s ==="
    # Later stages depend on the system packages and the build: stop there.
    case "$name" in 00-*|10-*) break ;; esac
  fi
done
[ ${#failures[@]} -gt 0 ] && echo "failed stages: ${failures[*]}"
echo "stages: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
