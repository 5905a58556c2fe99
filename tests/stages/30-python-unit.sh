#!/usr/bin/env bash
# Unit tests of the WSGI server core (src/runtime/python/wsgisim) under CPython.
set -eu
cd "$(dirname "$0")/../.."
python3 -m unittest discover -s tests/python/unit -t tests/python/unit
