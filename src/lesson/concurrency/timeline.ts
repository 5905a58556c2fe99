/**
 * The timeline: the pool's worker lanes and queue above the loop's thread, requests and queue, all on
 * one time axis, drawn as plain SVG from the layout in lanes.ts. Pixel sizes are fixed (text never
 * scales); a narrow screen scrolls the chart sideways inside its box. Colours come from CSS classes
 * that read the site's theme variables.
 */
import type { ServerRun } from '../../runtime/simulation-result.ts';
import { axisEnd, fmt, loopRows, poolLanes, queueSteps, stalls, ticks, type Bar } from './lanes.ts';

const NS = 'http://www.w3.org/2000/svg';
const GUTTER = 92;      // lane labels
const PAD_RIGHT = 16;
const LANE = 24;        // a worker lane; bars are LANE - 8 high
const QUEUE = 44;       // height of a queue chart
const TITLE = 26;
const MIN_PLOT = 520;   // below this the chart scrolls sideways instead of squeezing

export interface TimelineInput {
  pool?: ServerRun;
  loop?: ServerRun;
  slowPath: string;
  poolTitle: string;
  loopTitle: string;
}

function el<K extends keyof SVGElementTagNameMap>(name: K, attrs: Record<string, string | number>, parent?: Element): SVGElementTagNameMap[K] {
  const node = document.createElementNS(NS, name);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
  parent?.append(node);
  return node;
}

function text(parent: Element, x: number, y: number, content: string, cls = 'cv-label', anchor = 'start') {
  el('text', { x, y, class: cls, 'text-anchor': anchor }, parent).textContent = content;
}

/** Draw the timeline for `input` into an SVG `width` pixels wide (the chart never gets narrower than MIN_PLOT). */
export function renderTimeline(input: TimelineInput, width: number): SVGSVGElement {
  const end = axisEnd([input.pool, input.loop]);
  const plot = Math.max(MIN_PLOT, width - GUTTER - PAD_RIGHT);
  const x = (t: number) => GUTTER + (t / end) * plot;
  const queueMax = Math.max(1, input.pool?.metrics?.max_queue ?? 0, input.loop?.metrics?.max_queue ?? 0);
  const svg = el('svg', { class: 'cv-timeline', width: GUTTER + plot + PAD_RIGHT, role: 'img' });
  const grid = el('g', { class: 'cv-grid', 'aria-hidden': 'true' }, svg);
  let y = 0;

  const bar = (g: Element, b: Bar, top: number, height: number) => {
    const w = Math.max(3, x(b.end) - x(b.start));
    const cls = `cv-bar ${b.slow ? 'cv-bar-slow' : 'cv-bar-fast'}${b.outcome === 'complete' ? '' : ' cv-bar-failed'}`;
    const rect = el('rect', { x: x(b.start), y: top, width: w, height, rx: Math.min(3, height / 3), class: cls, 'data-request': b.request }, g);
    el('title', {}, rect).textContent = b.label;
  };

  const queue = (run: ServerRun) => {
    const g = el('g', { class: 'cv-queue', 'data-lane': 'queue' }, svg);
    text(g, 8, y + QUEUE / 2 + 4, 'Queue');
    const base = y + QUEUE - 4;
    const h = (n: number) => base - (n / queueMax) * (QUEUE - 12);
    const steps = queueSteps(run, end);
    let d = `M${x(0)},${base}`;
    steps.forEach(([t, n], i) => {
      const prev = i === 0 ? 0 : steps[i - 1][1];
      d += ` L${x(t)},${h(prev)} L${x(t)},${h(n)}`;
    });
    d += ` L${x(end)},${base} Z`;
    el('path', { d, class: 'cv-queue-area' }, g);
    el('line', { x1: x(0), x2: x(end), y1: base, y2: base, class: 'cv-baseline' }, g);
    text(g, x(end) - 4, y + 10, `max ${run.metrics?.max_queue ?? 0} waiting`, 'cv-small', 'end');
    y += QUEUE;
  };

  if (input.pool && !input.pool.error) {
    const g = el('g', { class: 'cv-pool', 'data-server': 'pool' }, svg);
    text(g, 8, y + 18, input.poolTitle, 'cv-heading');
    y += TITLE;
    for (const lane of poolLanes(input.pool, input.slowPath)) {
      const lg = el('g', { 'data-lane': 'worker' }, g);
      el('rect', { x: x(0), y, width: plot, height: LANE, class: 'cv-lane' }, lg);
      text(lg, 8, y + LANE / 2 + 4, lane.label);
      for (const b of lane.bars) bar(lg, b, y + 4, LANE - 8);
      y += LANE;
    }
    queue(input.pool);
    y += 10;
  }

  if (input.loop && !input.loop.error) {
    const g = el('g', { class: 'cv-loop', 'data-server': 'loop' }, svg);
    text(g, 8, y + 18, input.loopTitle, 'cv-heading');
    y += TITLE;
    const thread = el('g', { 'data-lane': 'loop-thread' }, g);
    el('rect', { x: x(0), y, width: plot, height: LANE, class: 'cv-lane' }, thread);
    text(thread, 8, y + LANE / 2 + 4, 'Loop thread');
    const blocked = stalls(input.loop);
    if (!blocked.length) text(thread, x(0) + 6, y + LANE / 2 + 4, 'never blocked: every wait was an await', 'cv-small');
    for (const s of blocked) {
      const rect = el('rect', { x: x(s.start), y: y + 2, width: Math.max(2, x(s.end) - x(s.start)), height: LANE - 4, class: 'cv-stall', 'data-stall': s.request ?? '' }, thread);
      el('title', {}, rect).textContent = s.label;
    }
    y += LANE;
    const rows = loopRows(input.loop, input.slowPath);
    const rowH = rows.length > 16 ? 6 : 10;
    const rg = el('g', { 'data-lane': 'loop-requests' }, g);
    text(rg, 8, y + 14, 'Requests');
    rows.forEach((row, i) => { for (const b of row) bar(rg, b, y + 4 + i * rowH, rowH - 2); });
    y += Math.max(LANE, rows.length * rowH + 8);
    queue(input.loop);
    y += 10;
  }

  // The shared axis: grid lines through every lane, labels at the bottom.
  for (const t of ticks(end)) {
    el('line', { x1: x(t), x2: x(t), y1: 0, y2: y, class: 'cv-gridline' }, grid);
    text(grid, x(t), y + 14, fmt(t), 'cv-small', t === 0 ? 'start' : t === end ? 'end' : 'middle');
  }
  text(grid, GUTTER - 6, y + 14, 'time', 'cv-small', 'end');
  svg.setAttribute('height', String(y + 22));
  svg.setAttribute('viewBox', `0 0 ${GUTTER + plot + PAD_RIGHT} ${y + 22}`);
  return svg;
}
