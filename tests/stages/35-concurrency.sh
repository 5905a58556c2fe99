#!/usr/bin/env bash
# Concurrency simulations: unit tests on CPython, then the golden cases on CPython
# and through the Pyodide command line — both must equal the same reviewed expected files.
set -eu
cd "$(dirname "$0")/../.."
python3 -m unittest discover -s tests/python/concurrency -p 'test_*.py'
python3 tests/python/concurrency/run_cases.py
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
npm run -s simulate-concurrency -- tests/python/concurrency/cases/*.workload.json --out-dir "$out"
python3 tests/python/concurrency/run_cases.py --compare "$out"
npx node tests/python/concurrency/pyodide-checks.ts
