#!/usr/bin/env bash
# Live editors and the playground in Chromium against the built site (stage 10): every
# tests/e2e/editor-*.spec.ts and playground-*.spec.ts, served by astro preview on port 4460
# (EDITOR_PREVIEW_PORT changes it). Two browser workers, one per core (BROWSER_WORKERS: tests/run-all.sh
# sets 1 while it runs two browser stages at a time): each test boots Python in its page, or shares
# one page (and its Python) with the tests of its describe block (editor-run, editor-a11y, editor-loading,
# editor-live-snippets), each waiting for its own result.
# Their unit tests run in stage 22 (editor-request-state, editor-results-format) and stage 70
# (editor-saved-work, playground-share).
set -eu
PREVIEW_PORT="${EDITOR_PREVIEW_PORT:-4460}" PW_WORKERS="${BROWSER_WORKERS:-2}" npx playwright test \
  tests/e2e/editor-*.spec.ts tests/e2e/playground-*.spec.ts --output /tmp/editor-test-results
