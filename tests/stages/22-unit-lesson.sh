#!/usr/bin/env bash
# Unit tests of the lesson tags' pure parts (Vitest): the checks.yaml and quiz schemas with their
# messages (how a check judges an answer: tests/python/unit/test_exercise_checks.py, stage 30), the request
# composer's state, the result views' formatting, the ConcurrencyView's config and lanes, and that the quick
# checks give no answer away (correct-option length and position over the course, sealed answers). The in-page browser's
# requests, form encoding, redirects, cookies, history and message checks (src/browser/). No build needed.
set -eu
npx vitest run tests/unit/lesson-schemas.test.ts \
  tests/unit/editor-request-state.test.ts tests/unit/editor-results-format.test.ts \
  tests/unit/concurrency-view.test.ts tests/unit/lesson-quiz-signal.test.ts tests/unit/lesson-predict.test.ts \
  tests/unit/lesson-capstone.test.ts tests/unit/browser-http.test.ts
