#!/usr/bin/env bash
# Unit tests (Vitest): every tests/unit/**/*.test.ts. Runs after the build (stage 10),
# so tests that read dist/ check what was really shipped.
set -eu
npx vitest run
