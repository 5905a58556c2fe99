#!/usr/bin/env bash
# Content checks in Pyodide, through the same server core and simulations the browser runs
# (the worker's run-checks runs, the batch command line and the concurrency command line): every
# exercise's solution passes all its checks and its starter fails at least one; every example runs as its page runs it and matches
# its reviewed golden file (tests/content/golden/); every pitfall shows what it is there to show;
# every output a page quotes from a server is what the in-page server shows in that server's personality.
# How a page runs each example comes from the build's lesson manifest (_deploy/lessons.json of stage 10's
# dist/, or $SITE_DIST), not from the MDX.
# After a reviewed change of behaviour: npm run golden -- --update
set -eu
timeout 600 npx node tests/content/pyodide_exercises.ts
timeout 600 npx node tests/content/pyodide_examples.ts
timeout 600 npx node tests/content/pyodide_prose.ts
