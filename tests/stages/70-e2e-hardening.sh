#!/usr/bin/env bash
# Hardening in Chromium against the built site (stage 10): the CSP on every page, the adversarial suite
# and 1,000 fuzzed raw requests through the browser client, offline use and updates through the service
# worker (its own static servers on 8481 and 8482: a cache rewritten by hostile code is never served, a
# missing file, a deleted cache or a removed sw.js heal), storage that is full, disabled or outlives a killed worker,
# the Python sandbox against a hostile share link and a poisoned kept snapshot (its own server on 8483),
# hostile share links on /playground/ (inflation bombs, wrong shapes, hostile names, too many kept), and
# damaged saved work, hostile progress imports and the reset of editors' work, and an HTML preview that
# floods its reports, pushes history entries and reloads itself in a loop, or sets location.hash in a loop
# in the Preview and the Browser tab (stopped; the tab goes back over its entries). (Huge responses and their
# 200 ms bound on main-thread tasks: stage 71, which runs alone.)
# astro preview on 4480. First the unit tests of the two build steps (CSP check, service worker list) and of
# share links, workspace names, the zip, progress transfer, saved work and body views (no other stage runs them).
set -eu
npx vitest run tests/unit/hardening-build.test.ts tests/unit/playground-share.test.ts tests/unit/progress-storage.test.ts tests/unit/editor-saved-work.test.ts \
  tests/unit/editor-results-format.test.ts
# SITE_TEST_PAGES=1: the adversarial suite drives /runtime-test/, which the build keeps beside dist/.
SITE_TEST_PAGES=1 PREVIEW_PORT="${HARDENING_PREVIEW_PORT:-4480}" PW_WORKERS="${BROWSER_WORKERS:-2}" npx playwright test \
  tests/e2e/hardening-csp.spec.ts tests/e2e/hardening-adversarial.spec.ts \
  tests/e2e/hardening-offline.spec.ts tests/e2e/hardening-sw-heal.spec.ts tests/e2e/hardening-storage.spec.ts \
  tests/e2e/hardening-sandbox.spec.ts tests/e2e/hardening-share.spec.ts tests/e2e/hardening-saved.spec.ts \
  tests/e2e/hardening-preview.spec.ts \
  --output /tmp/hardening-test-results
