#!/usr/bin/env bash
# Fuzz: 1,000 seeded random and mutated raw requests through the simulator in Pyodide, every mode.
set -eu
cd "$(dirname "$0")/../python/fuzz"
python3 run_fuzz.py 1000
