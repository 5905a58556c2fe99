/**
 * The server core's answer to one request, exactly as `wsgisim.api.run_request` returns it
 * (its API in src/runtime/python/README.md), with bytes as Uint8Array. Keys keep the core's snake_case on purpose:
 * one name per field from Python to the page, no renaming layer to drift.
 */

/** One step of the trace; `layer` is reserved for per-middleware events (the onion). */
export interface TraceEvent {
  type: string;
  t: number;
  layer?: unknown;
  [key: string]: unknown;
}

/** A broken PEP 3333 rule, with the fix in plain words. */
export interface Violation {
  rule: string;
  pep: string;
  message: string;
  fix: string;
}

export interface ServerError {
  kind: string;
  message: string;
  traceback: string;
  line: number | null;
  file: string | null;
}

/**
 * One request served on the connection and its response (pipelining: only waitress keeps a
 * connection for a second one). Byte ranges are [start, end) into the raw request and `response`.
 */
export interface Exchange {
  request: [number, number];
  response: [number, number];
  status: string | null;
  outcome: 'complete' | 'cut';
  error: ServerError | null;
  environ: Record<string, unknown>;
}

export interface ServerResult {
  response: Uint8Array;
  outcome: 'complete' | 'cut';
  keep_alive: boolean;
  status: string | null;
  headers: [string, string][];
  /** How many headers the app sent, when `headers` holds only the first `headerLimit` of them. */
  headersTotal?: number;
  body: Uint8Array;
  events: TraceEvent[];
  violations: Violation[];
  error: ServerError | null;
  log: string;
  stdout: string;
  stderr: string;
  environ: Record<string, unknown>;
  mode: { name: string; version: string };
  /** Every request of the connection; the fields above describe the first. */
  exchanges?: Exchange[];
}
