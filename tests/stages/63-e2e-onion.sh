#!/usr/bin/env bash
# The Onion view in Chromium against the built site (stage 10): phase 3's OnionViews stepped by
# keyboard (highlighted lines read from the example files; first in is last out; short-circuit,
# header added through start_response, timing pitfall; Monaco lights the line too); screenshots at
# 1280 and 360 px in both themes go to tests/output/onion/. Ports 4594-4596 (loopback): one per spec
# file, each file in one worker, so the two files run side by side.
set -eu
DIST="${RUNTIME_DIST:-dist}"
if [ ! -f "$DIST/phases/server-and-middleware/index.html" ]; then
  echo "$DIST/ is missing: run \`npm run build\` first (stage 10 does)."
  exit 1
fi
mkdir -p tests/output/onion
PREVIEW_PORT="${ONION_PREVIEW_PORT:-4596}" PW_WORKERS="${BROWSER_WORKERS:-2}" npx playwright test tests/e2e/onion-*.spec.ts --output /tmp/onion-test-results
