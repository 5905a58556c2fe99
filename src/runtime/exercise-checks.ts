/**
 * The `run-checks` run's data: an exercise's checks as the worker takes them (checks.yaml's checks,
 * validated at build time by src/lesson/checks-schema.ts, whose inferred type must equal ExerciseCheck),
 * and the outcome of each. Served and judged in one place, src/runtime/python/exercise_checks.py.
 */
import type { ServerMode } from './server-modes.ts';

export type ExerciseKind = 'wsgi' | 'asgi';

export interface CheckRequest {
  method: string;
  path: string;
  headers?: Record<string, string>;
  body?: string;
}

/** What a check expects of the answer (exercise_checks.evaluate). */
export interface Expectations {
  status?: number;
  headers?: Record<string, string>;
  body_equals?: string;
  body_contains?: string;
  body_matches?: string;
  no_violations?: boolean;
  /** A workload's (virtual) seconds for all its requests. */
  max_seconds?: number;
  /** ASGI: (virtual) seconds from a request's arrival to its first non-empty body message. */
  first_body_within?: number;
}

/** Calls the reader's code itself instead of one request (src/runtime/python/exercise_probes.py). */
export interface CheckProbe {
  kind: 'server_loop' | 'after_disconnect' | 'first_chunk' | 'log' | 'pool';
  app?: 'list' | 'generator' | 'closing' | 'failing' | 'writer';
  function?: string;
  first?: string;
  requests?: number;
  workers?: number;
}

export interface ExerciseCheck {
  name: string;
  request: CheckRequest;
  /** The server personality that answers (default reference). */
  server?: ServerMode;
  /** Shown under the check when it fails. */
  why?: string;
  probe?: CheckProbe;
  workload?: { concurrent_requests: number };
  expect: Expectations;
}

/** A failed expectation: what was looked at, what the check wanted, what the code did. */
export interface Failure {
  what: string;
  expected: string;
  actual: string;
}

export interface CheckOutcome {
  name: string;
  /** Empty when the check passed. */
  failures: Failure[];
}
