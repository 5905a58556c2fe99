#!/usr/bin/env bash
# The browser runtime in Chromium against the built site (stage 10), served with and without
# cross-origin isolation by tests/e2e/runtime-server.ts on ports 4411-4414, one port per spec file or
# serial group, so two workers never share one (astro preview on 4401).
set -eu
PREVIEW_PORT="${RUNTIME_PREVIEW_PORT:-4401}" PW_WORKERS="${BROWSER_WORKERS:-2}" npx playwright test tests/e2e/runtime-*.spec.ts --output /tmp/runtime-test-results
