/**
 * Everything below the controls after a run: what went wrong (in plain words), the numbers, the
 * timeline with its legend, and the data as tables. Built from the run's result alone, so the same
 * result always draws the same view.
 */
import type { RunResult } from '../../runtime/client.ts';
import type { ServerRun, SimulatedRequest } from '../../runtime/simulation-result.ts';
import type { ConcurrencyConfig, Controls } from './config.ts';
import { fmt } from './lanes.ts';
import { numbersTable, requestsTable, stallsTable, type Column } from './tables.ts';
import { renderTimeline, type TimelineInput } from './timeline.ts';

function h<K extends keyof HTMLElementTagNameMap>(tag: K, cls = '', content?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (cls) node.className = cls;
  if (content !== undefined) node.textContent = content;
  return node;
}

function card(kind: 'error' | 'notice', heading: string, message: string, traceback?: string): HTMLElement {
  const box = h('div', `le-card le-card-${kind}`);
  box.append(h('h4', '', heading), h('p', '', message));
  if (traceback) {
    const details = h('details', 'le-traceback');
    details.append(h('summary', '', 'Traceback'), h('pre', '', traceback));
    box.append(details);
  }
  return box;
}

const where = (e: { file: string | null; line: number | null }) => (e.file && e.line ? ` (${e.file}, line ${e.line})` : '');

/** Cards for a server that could not run, and for requests that failed or broke the contract. */
function problems(name: string, run: ServerRun): HTMLElement[] {
  if (run.error) {
    const e = run.error;
    const tb = 'traceback' in e ? e.traceback : undefined;
    const at = 'file' in e ? where(e) : '';
    return [card('error', `The ${name} could not serve your app`, `${e.message}${at}`, tb)];
  }
  const out: HTMLElement[] = [];
  const failed = run.requests.filter((r) => r.error);
  if (failed.length) {
    const e = failed[0].error!;
    out.push(card('error', `${failed.length} of ${run.requests.length} requests failed in the ${name}`,
      `Request ${failed[0].id} (${failed[0].path}): ${e.message}${where(e)}`, e.traceback));
  }
  const broke = run.requests.filter((r) => r.violations.length);
  if (broke.length) {
    const v = broke[0].violations[0];
    out.push(card('error', `${broke.length} requests broke the ${run.server === 'pool' ? 'WSGI' : 'ASGI'} contract in the ${name}`,
      `${v.message} ${v.fix}`));
  }
  return out;
}

function legend(config: ConcurrencyConfig, runs: ServerRun[]): HTMLElement {
  const list = h('ul', 'cv-legend');
  const item = (cls: string, text: string) => {
    const li = h('li');
    li.append(h('span', `cv-swatch ${cls}`), text);
    list.append(li);
  };
  item('cv-bar-fast', `quick request (${config.fastPath})`);
  item('cv-bar-slow', `slow request (${config.slowPath})`);
  if (runs.some((r) => r.requests.some((q: SimulatedRequest) => q.outcome !== 'complete'))) item('cv-bar-failed', 'not answered');
  if (runs.some((r) => r.loop)) item('cv-stall', 'loop blocked: nothing else can run');
  item('cv-queue-area', 'queue: arrived, waiting to start');
  return list;
}

/** One sentence for screen readers and the chart's name: what the run showed. */
export function summary(columns: Column[], controls: Controls): string {
  const parts = columns.map(({ title, run }) => {
    if (!run.metrics) return `${title}: did not run`;
    const blocked = run.loop ? `, loop blocked ${fmt(run.loop.blocked_total)}` : '';
    return `${title}: p95 latency ${fmt(run.metrics.latency.p95)}, longest queue ${run.metrics.max_queue}${blocked}`;
  });
  return `Simulated ${controls.requests} requests. ${parts.join('. ')}.`;
}

export interface ResultsView {
  root: HTMLElement;
  /** Draw the timeline to the width of its box (call once the view is in the page, and on resize). */
  fit(): void;
  summary: string;
}

/** Render one run's result (the timeline is drawn by `fit()`, once the box has a width). */
export function renderResults(result: RunResult, config: ConcurrencyConfig, controls: Controls): ResultsView {
  const root = h('div', 'cv-output');
  const sim = result.simulation;
  if (result.notice) root.append(card('notice', 'The simulation was stopped', result.notice.message));
  else if (result.exception) {
    const e = result.exception;
    root.append(card('error', 'The simulation failed', `${e.type}: ${e.message}${where(e)}`, e.traceback));
  }
  const poolTitle = `Pool of ${controls.workers} sync worker${controls.workers === 1 ? '' : 's'}`;
  const columns: Column[] = [];
  if (sim?.pool) columns.push({ title: poolTitle, run: sim.pool });
  if (sim?.loop) columns.push({ title: 'One event loop', run: sim.loop });
  for (const c of columns) root.append(...problems(c.title.toLowerCase(), c.run));
  const ran = columns.filter((c) => c.run.metrics);
  if (!ran.length) return { root, fit: () => {}, summary: root.textContent ?? '' };

  const text = summary(columns, controls);
  root.append(numbersTable(ran));
  const figure = h('figure', 'cv-figure');
  const scroller = h('div', 'cv-chart');
  scroller.tabIndex = 0;
  scroller.setAttribute('role', 'region');
  scroller.setAttribute('aria-label', 'Timeline (scrolls sideways on narrow screens)');
  const input: TimelineInput = {
    pool: sim?.pool, loop: sim?.loop, slowPath: config.slowPath,
    poolTitle, loopTitle: 'One event loop',
  };
  let drawnFor = -1;
  const fit = () => {
    const width = scroller.clientWidth;
    if (width === drawnFor || width === 0) return;
    drawnFor = width;
    const svg = renderTimeline(input, width);
    svg.setAttribute('aria-label', `Timeline. ${text}`);
    scroller.replaceChildren(svg);
  };
  const caption = h('figcaption', '', 'Each bar is one request, from the moment a worker (or the loop) started it to its last byte. Exact times are in the tables below.');
  figure.append(scroller, legend(config, ran.map((c) => c.run)), caption);
  root.append(figure);

  const details = h('details', 'cv-data');
  details.append(h('summary', '', 'The timeline as tables'));
  for (const c of ran) details.append(requestsTable(c));
  const stalls = sim?.loop ? stallsTable(sim.loop) : null;
  if (stalls) details.append(stalls);
  root.append(details);
  return { root, fit, summary: text };
}
