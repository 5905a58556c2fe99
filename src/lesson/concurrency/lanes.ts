/**
 * From a simulation's result to what the timeline draws, in virtual seconds (pixels are the
 * drawing's business): the shared time axis, one lane per pool worker, the loop's requests packed
 * into rows so interleaving shows, the loop's stalls, and queue length as steps. Pure functions.
 */
import type { ServerRun, SimulatedRequest, TimeSegment } from '../../runtime/simulation-result.ts';

export interface Bar {
  /** The request's id, as the tables show it. */
  request: number | string;
  start: number;
  end: number;
  path: string;
  slow: boolean;
  outcome: SimulatedRequest['outcome'];
  /** A line for a tooltip: what the request did and when. */
  label: string;
}

export interface Lane {
  label: string;
  bars: Bar[];
}

/** The end of the shared time axis: covers every arrival, request and stall of both runs. */
export function axisEnd(runs: (ServerRun | undefined)[]): number {
  let end = 0;
  for (const run of runs) {
    for (const r of run?.requests ?? []) end = Math.max(end, r.at, r.end ?? 0);
    for (const s of run?.loop?.blocked ?? []) end = Math.max(end, s.end);
  }
  return niceCeil(Math.max(end, 1));
}

/** A round number at or above `x` (1, 2, 2.5 or 5 times a power of ten), so the axis ends on a tick. */
export function niceCeil(x: number): number {
  const step = tickStep(x);
  return Math.ceil(x / step - 1e-9) * step;
}

/** Distance between axis ticks for an axis of length `end`: about 5 to 10 ticks. */
export function tickStep(end: number): number {
  const raw = end / 8;
  const power = 10 ** Math.floor(Math.log10(raw));
  for (const m of [1, 2, 2.5, 5, 10]) if (m * power >= raw) return m * power;
  return 10 * power;
}

/** Tick positions from 0 to `end` inclusive. */
export function ticks(end: number): number[] {
  const step = tickStep(end);
  const out: number[] = [];
  for (let i = 0; i * step <= end + 1e-9; i++) out.push(Math.round(i * step * 1e6) / 1e6);
  return out;
}

/** True when the request went to the workload's slow path. */
export function isSlow(r: SimulatedRequest, slowPath: string): boolean {
  return r.path.split('?')[0] === slowPath;
}

function barFor(r: SimulatedRequest, slowPath: string, start: number, end: number): Bar {
  const calls = r.segments.map((s) => s.call).join(', ');
  const outcome = r.outcome === 'complete' ? '' : ` — ${r.outcome}`;
  return {
    request: r.id, start, end, path: r.path, slow: isSlow(r, slowPath), outcome: r.outcome,
    label: `Request ${r.id} ${r.method} ${r.path}: arrived ${fmt(r.at)}, started ${fmt(start)}, ended ${fmt(end)}`
      + `${calls ? ` (${calls})` : ''}${outcome}`,
  };
}

/** One lane per pool worker, each holding the requests it served, in order. */
export function poolLanes(run: ServerRun, slowPath: string): Lane[] {
  const byId = new Map(run.requests.map((r) => [String(r.id), r]));
  return (run.workers ?? []).map((w) => ({
    label: `Worker ${w.index + 1}`,
    bars: w.busy.flatMap((b) => {
      const r = byId.get(String(b.request));
      return r ? [barFor(r, slowPath, b.start, b.end)] : [];
    }),
  }));
}

/**
 * The loop's requests from start to end, each put in the first row free at its start: requests
 * that overlap in time (interleaved on the one thread) land in different rows.
 */
export function loopRows(run: ServerRun, slowPath: string): Bar[][] {
  const rows: Bar[][] = [];
  const rowEnds: number[] = [];
  const started = run.requests.filter((r) => r.start !== null)
    .sort((a, b) => (a.start ?? 0) - (b.start ?? 0));
  for (const r of started) {
    const start = r.start ?? 0;
    const end = r.end ?? start;
    // Strictly after: a request starting when another ends is drawn beside it, never hidden under it.
    let row = rowEnds.findIndex((e) => e < start || (e === start && end > start));
    if (row < 0) { row = rows.length; rows.push([]); rowEnds.push(-1); }
    rows[row].push(barFor(r, slowPath, start, end));
    rowEnds[row] = Math.max(end, start);
  }
  return rows;
}

/** The loop's stalls (a blocking call held the only thread), with a label naming the culprit. */
export function stalls(run: ServerRun): (TimeSegment & { label: string })[] {
  return (run.loop?.blocked ?? []).map((s) => ({
    ...s,
    label: `Loop blocked ${fmt(s.start)}–${fmt(s.end)} by ${s.call}${s.request !== undefined ? ` in request ${s.request}` : ''}`,
  }));
}

/** Queue length as [t, count] steps through `end`: the level holds until the next point. */
export function queueSteps(run: ServerRun, end: number): [number, number][] {
  const points = run.queue.length ? run.queue : [[0, 0] as [number, number]];
  const last = points[points.length - 1];
  return last[0] < end ? [...points, [end, last[1]]] : points;
}

/** Seconds for people: "2 s", "0.25 s", "12.5 s" (at most three decimals, no trailing zeros). */
export function fmt(seconds: number | null): string {
  if (seconds === null) return '—';
  return `${Number(seconds.toFixed(3))} s`;
}
