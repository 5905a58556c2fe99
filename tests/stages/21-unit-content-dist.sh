#!/usr/bin/env bash
# The built site's content (Vitest, tests/unit/content-dist-*.test.ts, against stage 10's dist/ or
# $SITE_DIST): no broken internal link or #fragment, and every item of content/curriculum-checklist.yaml
# lands on its page (heading anchor, quiz question or exercise rendered).
set -eu
if [ ! -f "${SITE_DIST:-dist}/index.html" ]; then
  echo "${SITE_DIST:-dist}/ is missing: run \`npm run build\` first (stage 10 does)."
  exit 1
fi
npx vitest run tests/unit/content-dist-
