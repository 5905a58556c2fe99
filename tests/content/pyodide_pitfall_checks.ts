/** Does a pitfall's run show what pyodide_pitfalls.yaml says it is there to show? */
import type { BatchResult } from './pyodide_run.ts';

export interface PitfallSpec {
  request?: unknown;
  requests?: { at: number; method: string; path: string }[];
  gap?: string;
  expect?: {
    violation?: string;
    error?: string;
    outcome?: string;
    event_before?: [string, string];
    event?: Record<string, unknown>;
    warning?: string;
    slowest_other?: number;
  };
}

interface LoopResult {
  requests: { path: string; latency: number | null; end: number; at: number; warnings: { rule: string }[] }[];
}

/** What the run fails to show (empty when it shows everything it should). */
export function checkPitfall(spec: PitfallSpec, run: { wsgi?: BatchResult; loop?: Record<string, unknown> }): string[] {
  const e = spec.expect ?? {};
  const misses: string[] = [];
  if (Object.keys(e).length === 0) return ['the entry says nothing to expect'];
  const r = run.wsgi;
  const loop = run.loop as unknown as LoopResult | undefined;
  if (e.violation && !r?.violations.some((v) => v.rule === e.violation)) {
    misses.push(`no ${e.violation} violation (got ${r?.violations.map((v) => v.rule).join(', ') || 'none'})`);
  }
  if (e.error && r?.error?.kind !== e.error) misses.push(`no ${e.error} error (got ${r?.error?.kind ?? 'none'})`);
  if (e.outcome && r?.outcome !== e.outcome) misses.push(`outcome ${r?.outcome}, not ${e.outcome}`);
  if (e.event_before) {
    const types = r?.events.map((ev) => ev.type) ?? [];
    const first = types.indexOf(e.event_before[0]);
    const last = types.lastIndexOf(e.event_before[1]);
    if (first < 0 || last < 0 || first > last) misses.push(`no ${e.event_before[0]} event before the last ${e.event_before[1]} event`);
  }
  if (e.event && !r?.events.some((ev) => Object.entries(e.event!).every(([k, v]) => ev[k] === v))) {
    misses.push(`no event like ${JSON.stringify(e.event)}`);
  }
  if (e.warning && !loop?.requests.some((q) => q.warnings.some((w) => w.rule === e.warning))) misses.push(`no ${e.warning} warning`);
  if (e.slowest_other !== undefined) {
    const blocked = loop?.requests.find((q) => q.warnings.length > 0);
    const waits = loop?.requests.filter((q) => q !== blocked).map((q) => q.end - q.at) ?? [];
    if (!waits.some((w) => w >= e.slowest_other!)) misses.push(`no other request waited ${e.slowest_other} s (waits: ${waits.join(', ')})`);
  }
  return misses;
}
