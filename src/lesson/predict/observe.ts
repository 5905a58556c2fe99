/**
 * What a predict-then-run question observes, read from a real run: the status line, a header, the
 * body, the output, the layer that answered, or a simulated request's latency or status. The same
 * rules, in Python, are tests/content/check_predictions.py's (CI checks every answer key with them).
 * Pure functions: tested in Node (tests/unit/lesson-predict.test.ts).
 */
import type { RunResult, SimulationResult } from '../../runtime/client.ts';

export type Observe =
  | 'status' | 'body' | 'stdout' | 'layer'
  | { header: string } | { latency: number } | { status: number };

/** What the page shows when the field has no value: a header not sent, no response at all... */
export const ABSENT = '(absent)';
export const NO_RESPONSE = '(no response)';
export const FAILED = '(failed)';
export const SERVER = '(server)';

/** The comparison form of an answer: case, runs of spaces and surrounding quotes do not count. */
export function normalise(text: string): string {
  let t = text.replace(/\s+/g, ' ').trim().toLowerCase();
  if (t.length >= 2 && t[0] === t.at(-1) && `"'\``.includes(t[0])) t = t.slice(1, -1).trim();
  return t;
}

/** The first number in a latency answer ("1.5", "1.5 s", "1,5s"), or null. */
export function seconds(text: string): number | null {
  const m = /-?\d+(?:\.\d+)?/.exec(text.replace(',', '.'));
  return m ? Number(m[0]) : null;
}

/** 1.5 → "1.5 s", 2 → "2 s" (three decimals at most), as Python's f"{round(v, 3):g} s". */
export function formatSeconds(value: number): string {
  return `${Number(value.toFixed(3))} s`;
}

export const isLatency = (o: Observe): o is { latency: number } => typeof o === 'object' && 'latency' in o;

/** Whether a prediction matches what really happened (latencies as numbers, to the microsecond). */
export function same(observe: Observe, guess: string, real: string): boolean {
  if (isLatency(observe)) {
    const a = seconds(guess);
    const b = seconds(real);
    return a !== null && b !== null && Math.abs(a - b) < 1e-6;
  }
  return normalise(guess) === normalise(real);
}

/** The observed field of one request's run (runtime.request). */
export function observeRun(observe: Observe, result: RunResult): string {
  const server = result.server;
  if (!server) return FAILED;
  if (observe === 'status') return server.status ?? NO_RESPONSE;
  if (observe === 'body') return new TextDecoder().decode(server.body);
  if (observe === 'stdout') return server.stdout.split('\n').map((l) => l.trim()).filter(Boolean).join('\n');
  if (observe === 'layer') {
    const names = new Map(server.events.filter((e) => e.type === 'layer_enter').map((e) => [e.layer, String(e.name)]));
    const first = server.events.find((e) => e.type === 'layer_start_response');
    return first ? names.get(first.layer) ?? SERVER : SERVER;
  }
  if (typeof observe === 'object' && 'header' in observe) {
    const values = server.headers.filter(([n]) => n.toLowerCase() === observe.header.toLowerCase()).map(([, v]) => v);
    return values.length ? values.join(', ') : ABSENT;
  }
  return FAILED;
}

/** The observed field of a simulation (runtime.simulate): one request's latency or status. */
export function observeSimulation(observe: Observe, result: SimulationResult | undefined, server: 'pool' | 'loop'): string {
  const run = result?.[server];
  if (!run || run.error || typeof observe !== 'object') return FAILED;
  const id = 'latency' in observe ? observe.latency : 'status' in observe ? observe.status : null;
  const request = run.requests.find((r) => r.id === id);
  if (!request) return FAILED;
  if ('latency' in observe) return request.latency === null ? FAILED : formatSeconds(request.latency);
  return request.status ?? NO_RESPONSE;
}

/** How a value is shown to the reader: the markers in words, an empty body said plainly. */
export function shown(value: string): string {
  if (value === ABSENT) return 'no such header';
  if (value === NO_RESPONSE) return 'no response at all';
  if (value === FAILED) return 'the run did not finish';
  if (value === SERVER) return 'the server itself';
  return value === '' ? '(nothing)' : value;
}
