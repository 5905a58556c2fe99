/**
 * Turns what a server produced into an Answer (evaluate.ts): a WSGI core result (browser worker or
 * batch CLI) or one request record of the ASGI event-loop simulation. Pure, shared with CI.
 */
import type { Answer } from './evaluate.ts';

/** The fields of a wsgisim.api.run_request result the checks read (body as bytes). */
export interface CoreResult {
  status: string | null;
  headers: [string, string][];
  body: Uint8Array;
  violations: { rule: string; pep: string; message: string }[];
  error: { kind: string; message: string } | null;
}

/** One request of a concurrency loop result (src/runtime/python/concurrency/README.md). */
export interface LoopRecord {
  status: string | null;
  headers: [string, string][] | null;
  body_preview: string;
  body_bytes: number;
  outcome: string;
  violations: { rule: string; message: string }[];
  error: { kind: string; message: string } | null;
  /** Arrival time and the messages both ways, with virtual times (the loop's `events`). */
  at?: number;
  events?: { t: number; dir: string; type: string; bytes?: number }[];
}

const ERROR_WORDS: Record<string, string> = {
  app_load: 'the app could not be loaded',
  app_exception: 'the app raised an exception',
  bad_request: 'the server refused the request',
  timeout: 'the server never answered',
};

/** An answer from the WSGI server core. */
export function answerFromCore(r: CoreResult): Answer {
  const problems = r.violations.map((v) => `PEP 3333, ${v.pep}: ${v.message}`);
  if (r.error) problems.push(`${ERROR_WORDS[r.error.kind] ?? r.error.kind}: ${r.error.message}`);
  return {
    status: r.status,
    headers: r.headers,
    body: new TextDecoder().decode(r.body),
    problems,
    note: r.error ? `${ERROR_WORDS[r.error.kind] ?? r.error.kind}: ${r.error.message}` : undefined,
  };
}

/** An answer from one request served by the ASGI loop simulation. */
export function answerFromLoop(r: LoopRecord): Answer {
  const problems = r.violations.map((v) => `ASGI: ${v.message}`);
  if (r.error) problems.push(`the app raised an exception: ${r.error.message}`);
  if (r.outcome !== 'complete') problems.push(`the response was ${r.outcome === 'cut' ? 'cut off' : r.outcome}`);
  // The simulation keeps the first 200 characters; exercise bodies are far shorter than that.
  const body = r.body_bytes > 200 ? `${r.body_preview}…` : r.body_preview;
  const first = r.events?.find((e) => e.dir === 'send' && e.type === 'http.response.body' && (e.bytes ?? 0) > 0);
  return {
    firstBodyAt: first && r.at !== undefined ? Math.round((first.t - r.at) * 1e6) / 1e6 : undefined,
    status: r.status,
    headers: r.headers ?? [],
    body,
    problems,
    note: r.error ? `the app raised an exception: ${r.error.message}` : r.outcome !== 'complete' ? `the request ended ${r.outcome}` : undefined,
  };
}
