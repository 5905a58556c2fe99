#!/usr/bin/env bash
# Huge responses in Chromium against the built site (stage 10): apps returning 50 MB, 9.9 MB of text
# or JSON, or 100,000 headers, and a share link that inflates to 200 MB (hardening-share-bomb); the
# result says the true size, shows a prefix, and no main-thread task
# passes 200 ms from the Run click to the rendered result nor on a switch of view (longest printed).
# A bound on time: tests/run-all.sh runs this stage last and alone (ALONE), not beside another browser
# stage. astro preview on 4486 (HUGE_PREVIEW_PORT), one worker.
set -eu
PREVIEW_PORT="${HUGE_PREVIEW_PORT:-4486}" PW_WORKERS=1 npx playwright test tests/e2e/hardening-huge.spec.ts tests/e2e/hardening-share-bomb.spec.ts \
  --output /tmp/hardening-huge-test-results
