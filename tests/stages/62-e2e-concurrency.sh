#!/usr/bin/env bash
# The ConcurrencyView in Chromium against the built site (stage 10): the p95 after changing the
# worker count equals the command line's for the same workload, the blocking-sleep stall shows in
# the loop lane, runs repeat exactly, nothing of Python loads before the load event; screenshots at
# 1280 and 360 px in both themes go to tests/output/concurrency/. Ports 4581-4583 (loopback): one per
# spec file, each file in one worker, so the two files run side by side.
set -eu
if [ ! -f dist/phases/why-async/index.html ]; then
  echo "dist/ is missing: run \`npm run build\` first (stage 10 does)."
  exit 1
fi
mkdir -p tests/output/concurrency
PREVIEW_PORT="${CONCURRENCY_PREVIEW_PORT:-4581}" PW_WORKERS="${BROWSER_WORKERS:-2}" \
  npx playwright test tests/e2e/concurrency-*.spec.ts --output /tmp/concurrency-test-results
