#!/usr/bin/env bash
# Content checks, run for real under CPython on loopback (free ports the system hands out; a quote
# that shows its port, e.g. 18103, uses that one; several quotes are checked at a time):
# every example is shown verbatim on its page and runs (WSGI under wsgiref + wsgiref.validate,
# ASGI in-process; what each page shows comes from the build's lesson manifest, _deploy/lessons.json of
# stage 10's dist/ or $SITE_DIST, not from the MDX); every exercise solution passes its checks and every starter fails one;
# every curriculum item has a place in content/curriculum-checklist.yaml; every output a page quotes
# is produced again by the real server it names (wsgiref, gunicorn 20.1, waitress 2.1.2, uvicorn 0.17.6) and compared;
# every predict-then-run question's answer key is what its example really does (core and real servers).
set -eu
cd "$(dirname "$0")/../content"
timeout 300 python3 check_examples.py
timeout 300 python3 check_exercises.py
# the capstone's download (the page's own zip of the solution) served by real gunicorn with the page's command
timeout 120 npx node capstone_gunicorn.ts
timeout 60 python3 check_checklist.py
timeout 300 python3 check_prose_outputs.py
timeout 120 python3 check_predictions.py
