#!/usr/bin/env bash
# Tests of the repository itself (Vitest, tests/unit/meta-*.test.ts): every test file under tests/ is
# run by some stage here (the orphans are printed), and no comment in src/, tests/, bench/ or scripts/
# names a repository path that does not exist. No build needed.
set -eu
npx vitest run tests/unit/meta-
