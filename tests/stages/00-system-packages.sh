#!/usr/bin/env bash
# System packages the tests need. As root with apt they are installed when
# missing; otherwise the stage fails and names the exact command. Never a silent skip.
set -u
need=()
command -v chromium >/dev/null 2>&1 || [ -n "${CHROMIUM_PATH:-}" ] || need+=(chromium)
[ -x /usr/bin/gunicorn ] || need+=(gunicorn)
/usr/bin/python3 -c 'import waitress' >/dev/null 2>&1 || need+=(python3-waitress)
[ -x /usr/bin/uvicorn ] || need+=(uvicorn)
[ -x /usr/sbin/nginx ] || need+=(nginx)
[ ${#need[@]} -eq 0 ] && { echo "system packages present"; exit 0; }
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  echo "installing: ${need[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq && apt-get install -y -qq "${need[@]}" >/dev/null || exit 1
  exit 0
fi
echo "missing system packages: ${need[*]}"
echo "install them with: sudo apt-get install -y ${need[*]}"
exit 1
