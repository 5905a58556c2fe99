#!/usr/bin/env bash
# Browser tests of the site frame against the built site (stage 10 built dist/;
# this stage never rebuilds): `astro preview` on 127.0.0.1, Chromium found by
# tests/e2e/helpers/chromium.ts. Screenshots and page weights go to tests/output/.
set -eu
if [ ! -f dist/index.html ] || [ ! -d dist/pagefind ]; then
  echo "dist/ is missing or has no search index: run \`npm run build\` first (stage 10 does)."
  exit 1
fi
mkdir -p tests/output
PW_WORKERS="${BROWSER_WORKERS:-2}" npx playwright test tests/e2e/site- --output /tmp/site-test-results
