/**
 * A returning reader's Python worker, started from the page's <head> (sandbox/early-python.ts),
 * before the page's first layout. The client's first WorkerSlot adopts it (takeEarlyWorker) with
 * every message it sent before, as if that slot had started it.
 */
import type { WorkerPort } from './worker-slot.ts';

export interface EarlyWorker {
  port: WorkerPort;
  initId: number;
  indexURL: string;
  interruptBuffer: SharedArrayBuffer | null;
  backlog: Array<{ kind: 'message' | 'error'; event: unknown }>;
}

/** The Pyodide folder Python loads from, `${BASE_URL}pyodide/`: the client's default, and what the
 * page head gives the early worker (src/layouts/Base.astro), so the two agree. */
export function defaultIndexURL(): string {
  const base = (import.meta as { env?: { BASE_URL?: string } }).env?.BASE_URL ?? '/';
  return `${base.endsWith('/') ? base : `${base}/`}pyodide/`;
}

/** The early worker, once, if it fits what the client asks for; one that does not fit is stopped. */
export function takeEarlyWorker(indexURL: string, isolated: boolean): EarlyWorker | null {
  const holder = globalThis as { __wsgiEarlyPython?: EarlyWorker; __wsgiPythonAsked?: boolean };
  // An early start whose import lands after this must not start a second Python (early-python.ts).
  holder.__wsgiPythonAsked = true;
  const taken = holder.__wsgiEarlyPython ?? null;
  delete holder.__wsgiEarlyPython;
  if (!taken) return null;
  // A sandboxed worker keeps its own interrupt buffer, so only a page buffer must match the page's isolation.
  const buffered = !taken.port.interrupt && (taken.interruptBuffer !== null) !== isolated;
  if (new URL(taken.indexURL, location.href).href !== new URL(indexURL, location.href).href || buffered) {
    taken.port.terminate();
    return null;
  }
  return taken;
}
