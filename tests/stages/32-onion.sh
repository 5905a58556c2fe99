#!/usr/bin/env bash
# The middleware onion: layer detection and per-layer records for fixed stacks of 1-4
# layers under CPython (exact steps, names, environ/header/body changes; bytes equal with tracing
# off in every mode), then the same stacks through the Pyodide command line, compared with CPython.
set -eu
cd "$(dirname "$0")/../.."
python3 -m unittest discover -s tests/python/onion -t tests/python/onion
timeout 300 python3 tests/python/onion/check_pyodide.py
