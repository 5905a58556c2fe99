/**
 * The simulation as tables: the numbers that matter (latency percentiles, throughput, queue), side by
 * side for the pool and the loop, and every request and every stall of the loop, row by row — the
 * timeline's data for screen readers and for anyone who wants exact values.
 */
import type { ServerRun, SimulatedRequest } from '../../runtime/simulation-result.ts';
import { fmt } from './lanes.ts';

type Cell = string | number;

function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string> = {}, content?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  if (content !== undefined) node.textContent = content;
  return node;
}

function table(caption: string, head: string[], rows: Cell[][], rowHeaders = true): HTMLTableElement {
  const t = h('table', { class: 'cv-table' });
  t.append(h('caption', {}, caption));
  const thead = t.createTHead().insertRow();
  for (const name of head) thead.append(h('th', { scope: 'col' }, name));
  const body = t.createTBody();
  for (const row of rows) {
    const tr = body.insertRow();
    row.forEach((cell, i) => tr.append(i === 0 && rowHeaders ? h('th', { scope: 'row' }, String(cell)) : h('td', {}, String(cell))));
  }
  return t;
}

export interface Column { title: string; run: ServerRun }

/** The numbers that matter, one column per server: p50/p95/max latency, throughput, queue. */
export function numbersTable(columns: Column[]): HTMLTableElement {
  const m = (c: Column) => c.run.metrics;
  const rows: Cell[][] = [
    ['Requests answered', ...columns.map((c) => (m(c) ? `${m(c)!.completed} of ${m(c)!.requests}` : '—'))],
    ['Latency p50 (median)', ...columns.map((c) => fmt(m(c)?.latency.p50 ?? null))],
    ['Latency p95', ...columns.map((c) => fmt(m(c)?.latency.p95 ?? null))],
    ['Latency max', ...columns.map((c) => fmt(m(c)?.latency.max ?? null))],
    ['Throughput', ...columns.map((c) => (m(c) ? `${Number(m(c)!.throughput_mean.toFixed(2))} requests/s` : '—'))],
    ['Longest queue', ...columns.map((c) => (m(c) ? `${m(c)!.max_queue} waiting` : '—'))],
    ['Last response at', ...columns.map((c) => fmt(m(c)?.duration ?? null))],
  ];
  if (columns.some((c) => c.run.loop)) {
    rows.push(['Loop blocked', ...columns.map((c) => (c.run.loop ? fmt(c.run.loop.blocked_total) : 'not applicable'))]);
  }
  return table('The numbers that matter (virtual seconds; identical on every run)', ['', ...columns.map((c) => c.title)], rows);
}

const outcomeWords: Record<SimulatedRequest['outcome'], string> = {
  complete: 'answered', cut: 'connection cut', killed: 'killed (worker timeout)', unfinished: 'never finished',
};

/** Every request of one run: arrival, start, end, wait, latency (and the worker, for the pool). */
export function requestsTable(column: Column): HTMLTableElement {
  const pool = column.run.server === 'pool';
  const head = ['Request', 'Path', 'Arrived', 'Started', 'Ended', 'Waited', 'Latency', ...(pool ? ['Worker'] : []), 'Outcome'];
  const rows = column.run.requests.map((r) => [
    String(r.id), r.path, fmt(r.at), fmt(r.start), fmt(r.end), fmt(r.wait), fmt(r.latency),
    ...(pool ? [r.worker === undefined ? '—' : String(r.worker + 1)] : []),
    outcomeWords[r.outcome] + (r.status && r.outcome === 'complete' ? ` (${r.status})` : ''),
  ]);
  return table(`${column.title}: every request`, head, rows);
}

/** Every stretch in which a blocking call held the loop's only thread. */
export function stallsTable(run: ServerRun): HTMLTableElement | null {
  const blocked = run.loop?.blocked ?? [];
  if (!blocked.length) return null;
  const rows = blocked.map((s) => [String(s.request ?? '—'), s.call, fmt(s.start), fmt(s.end), fmt(s.end - s.start)]);
  return table('Loop stalls: blocking calls that held the only thread', ['Request', 'Call', 'From', 'To', 'Blocked for'], rows);
}
