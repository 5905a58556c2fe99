#!/usr/bin/env bash
# Build the site once; the browser stages test this build through `astro preview`.
set -eu
npm run build
