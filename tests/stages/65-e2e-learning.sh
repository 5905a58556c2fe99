#!/usr/bin/env bash
# Browser tests of the learning loop against the built site (stage 10 built dist/): quick checks by
# keyboard (kept after reload, shown on the landing page, storage refusal degrades; options shuffled per
# reader and stable across reloads, no answer or explanation readable in what the page loads), exercises
# (starter fails with expected vs actual, hints, solution diff, pasted solution passes and is
# remembered, the async exercise on the loop simulation), export/reset/import of progress, and
# screenshots of a quiz and an exercise (tests/output/screenshots/learning-*) for review.
set -eu
if [ ! -f "${SITE_DIST:-dist}/index.html" ]; then
  echo "${SITE_DIST:-dist}/ is missing: run \`npm run build\` first (stage 10 does)."
  exit 1
fi
mkdir -p tests/output/screenshots
# Its own port and output folder: tests/run-all.sh may run it beside stage 50 (port 4321).
PREVIEW_PORT="${LEARNING_PREVIEW_PORT:-4465}" PW_WORKERS="${BROWSER_WORKERS:-2}" npx playwright test tests/e2e/quiz- tests/e2e/progress- \
  --output /tmp/learning-test-results
