#!/usr/bin/env bash
# Size budgets (never wall-clock times): phase pages < 60 KB before load through a gzip
# server (tests/e2e/speed-budget.spec.ts, ports 4690-4699; astro preview on 4475), and the snapshot.
set -eu
PREVIEW_PORT="${SPEED_PREVIEW_PORT:-4475}" PW_WORKERS=1 npx playwright test tests/e2e/speed-budget.spec.ts --output /tmp/speed-test-results
