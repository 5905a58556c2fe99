/**
 * What a golden file keeps of a run: everything a reader sees that is deterministic. Dates, clock
 * readings and real elapsed times are replaced by placeholders, so a golden file changes only when
 * behaviour does.
 */
import type { BatchResult } from './pyodide_run.ts';

/** Replace what differs between runs: dates, times of day, measured durations. */
export function stable(text: string): string {
  return text
    .replace(/\b\d{2}\/\w{3}\/\d{4}[ :]\d{2}:\d{2}:\d{2}( [+-]\d{4})?/g, '<date>')
    .replace(/\b\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}:\d{2}(\.\d+)?( ?[+-]\d{2}:?\d{2}|Z)?/g, '<date>')
    .replace(/\b\w{3}, \d{2} \w{3} \d{4} \d{2}:\d{2}:\d{2} GMT\b/g, '<date>')
    .replace(/\b\d+(\.\d+)? ?(ms|µs|seconds?|s)\b/g, '<duration>')
    .replace(/ at 0x[0-9a-f]+/g, ' at 0x…');
}

/** A log without the simulator's own traceback frames (they move whenever the core is refactored). */
export function withoutServerFrames(log: string): string {
  const out: string[] = [];
  let skipping = false;
  for (const line of log.split('\n')) {
    if (line.startsWith('  File ')) skipping = line.includes('"/wsgisim-core/');
    else if (!(skipping && line.startsWith('    '))) skipping = false;
    if (!skipping) out.push(line.replace(/"\/(sim\/)?apps\/[^/"]+\//g, '"/apps/…/'));
  }
  return out.join('\n');
}

const clip = (s: string, n = 4000) => (s.length > n ? `${s.slice(0, n)}… (${s.length} characters)` : s);

/** The golden view of one WSGI request through the core. */
export function goldenWsgi(r: BatchResult, mode: string) {
  const types: string[] = [];
  // Server events only: the onion's layer events have their own tests (tests/python/onion).
  for (const e of r.events) if (!('layer' in e) && types.at(-1) !== e.type) types.push(e.type);
  return {
    mode,
    status: r.status,
    headers: r.headers.map(([n, v]) => [n, n.toLowerCase() === 'date' ? '<date>' : stable(v)]),
    body: clip(stable(new TextDecoder().decode(r.body))),
    outcome: r.outcome,
    violations: r.violations.map((v) => `${v.rule} (${v.pep})`),
    error: r.error ? { kind: r.error.kind, message: stable(withoutServerFrames(r.error.message)) } : null,
    log: clip(stable(withoutServerFrames(r.log))),
    stdout: clip(stable(r.stdout)),
    // The order of what happened, repeats folded: enough to review, stable across runs.
    events: types,
  };
}

interface LoopRequest {
  path: string; at: number; start: number; end: number; outcome: string; status: string | null;
  body_preview: string; violations: { rule: string }[]; warnings: { rule: string }[]; error: { message: string } | null;
}

/** The golden view of an event-loop run (virtual time: every number is deterministic). */
export function goldenLoop(loop: Record<string, unknown>) {
  const l = loop as { error: { kind: string; message: string } | null; requests: LoopRequest[]; loop?: { blocked_total: number } };
  return {
    error: l.error ? { kind: l.error.kind, message: l.error.message } : null,
    requests: l.requests.map((q) => ({
      path: q.path, at: q.at, start: q.start, end: q.end, outcome: q.outcome, status: q.status,
      body: q.body_preview, violations: q.violations.map((v) => v.rule), warnings: q.warnings.map((w) => w.rule),
      error: q.error?.message ?? null,
    })),
    blocked_total: l.loop?.blocked_total ?? null,
  };
}
