#!/usr/bin/env bash
# Type check (`astro check`, npm run check): every .astro, .ts and .mdx file tsconfig.json includes
# (src/, content/, tests/, scripts/, bench/, the root configs; never public/, which holds Pyodide and
# made the checker run out of memory). Zero errors; warnings and hints are printed but pass.
set -eu
npm run -s check
