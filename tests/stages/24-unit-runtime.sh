#!/usr/bin/env bash
# The browser runtime's unit tests (Vitest, every tests/unit/runtime-*.test.ts): the protocol (every
# message type), the client against scripted workers, the real worker core + Python in a Node worker
# thread, simulations through the client (time limit, then the next run), and the memory snapshot's
# page container format.
set -eu
npx vitest run tests/unit/runtime-
