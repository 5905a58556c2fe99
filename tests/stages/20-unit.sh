#!/usr/bin/env bash
# The site frame's unit tests (Vitest, tests/unit/site-*.test.ts): content schema, phase order,
# fence meta, diagrams rendered and current, theme script + CSP hash, last visited, and that
# `npm run preview -- --port N` serves on N (port 4391).
# Runs after the build (stage 10), so the checks on dist/ see what was really shipped.
set -eu
npx vitest run tests/unit/site-
