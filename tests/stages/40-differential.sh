#!/usr/bin/env bash
# Differential test: wsgiref, gunicorn and waitress (real servers on 127.0.0.1:18001-18003) against
# the simulator in Pyodide (batch command line), then the single-request command line itself.
# Fails, naming the apt command, if a server is missing.
set -eu
cd "$(dirname "$0")/../python/differential"
/usr/bin/python3 run_differential.py
python3 check_cli.py
