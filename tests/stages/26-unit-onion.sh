#!/usr/bin/env bash
# The onion's step model (src/lesson/onion/model.ts) on real traces of the fixture stacks, served by
# the core under CPython at test time (tests/python/onion/dump_events.py).
set -eu
cd "$(dirname "$0")/../.."
npx vitest run tests/unit/onion-
