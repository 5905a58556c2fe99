#!/usr/bin/env bash
# The browser runtime's unit tests: the protocol (every message type), the client against scripted
# workers, and the real worker core + Python in a Node worker thread.
set -eu
npx vitest run tests/unit/runtime-protocol.test.ts tests/unit/runtime-client.test.ts tests/unit/runtime-node.test.ts
