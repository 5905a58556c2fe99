#!/usr/bin/env bash
# Content examples and exercise solutions, run for real under CPython's wsgiref on loopback
# (ports 18100-18199): every example is shown verbatim on its page and runs; every exercise
# solution passes its checks and every starter fails at least one.
set -eu
cd "$(dirname "$0")/../content"
timeout 300 python3 check_examples.py
if [ -f check_exercises.py ]; then timeout 300 python3 check_exercises.py; fi
