#!/usr/bin/env bash
# The reader's main journey against real nginx (Debian package, stage 00) serving dist/ with
# deploy/nginx/site.conf on 127.0.0.1:8480: headers, gzip (wasm too), caching, the CSP it sends.
# nginx runs in the foreground on a temp prefix (tests/e2e/nginx/run-nginx.ts) and stops at teardown.
set -eu
[ -x /usr/sbin/nginx ] || { echo "nginx missing: run stage 00 (sudo apt-get install -y nginx)"; exit 1; }
NGINX_PORT="${NGINX_PORT:-8480}" PW_WORKERS=1 npx playwright test --config tests/e2e/nginx.playwright.config.ts \
  --output /tmp/nginx-test-results
