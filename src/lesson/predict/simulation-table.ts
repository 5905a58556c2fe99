/**
 * A simulation's requests as a table (arrival, start, end, latency, status), and where the loop was
 * blocked: what a predict-then-run question about a pool or a loop shows as the whole run.
 */
import type { SimulationResult } from '../../workspace/index.ts';
import { formatSeconds } from './observe.ts';

type ServerRun = NonNullable<SimulationResult['pool']>;

const cell = (tag: 'td' | 'th', text: string) => {
  const c = document.createElement(tag);
  c.textContent = text;
  if (tag === 'th') c.scope = 'col';
  return c;
};
const time = (t: number | null) => (t === null ? '—' : formatSeconds(t));

/** The table of one server's run (or why nothing ran). */
export function simulationTable(run: ServerRun | undefined, server: 'pool' | 'loop'): HTMLElement {
  const wrap = document.createElement('div');
  wrap.className = 'predict-sim';
  if (!run || run.error) {
    const p = document.createElement('p');
    p.textContent = run?.error ? `Nothing ran: ${run.error.message}` : 'Nothing ran.';
    wrap.append(p);
    return wrap;
  }
  const table = document.createElement('table');
  const caption = document.createElement('caption');
  caption.textContent = server === 'pool' ? 'Every request, as the pool served it (virtual seconds)' : 'Every request, as the event loop served it (virtual seconds)';
  const head = document.createElement('tr');
  const columns = ['Request', 'Arrived', 'Started', 'Ended', 'Latency', ...(server === 'pool' ? ['Worker'] : []), 'Status'];
  head.append(...columns.map((name) => cell('th', name)));
  const body = document.createElement('tbody');
  for (const r of run.requests) {
    const row = document.createElement('tr');
    const values = [String(r.id), time(r.at), time(r.start), time(r.end), time(r.latency), ...(server === 'pool' ? [r.worker === undefined ? '—' : String(r.worker + 1)] : []), r.status ?? r.outcome];
    row.append(...values.map((v) => cell('td', v)));
    body.append(row);
  }
  const thead = document.createElement('thead');
  thead.append(head);
  table.append(caption, thead, body);
  wrap.append(table);
  const blocked = run.loop?.blocked ?? [];
  if (blocked.length) {
    const p = document.createElement('p');
    p.textContent = `The loop was blocked ${blocked.length} time${blocked.length > 1 ? 's' : ''}: ${blocked.map((b) => `${b.call} from ${time(b.start)} to ${time(b.end)} (request ${b.request})`).join('; ')}.`;
    wrap.append(p);
  }
  return wrap;
}
