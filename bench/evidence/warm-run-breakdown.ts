// Where a warm Run's time goes on a phase page (the `warm Run → rendered response` of `npm run bench`):
// Python is started, then RUNS Runs of the first editor are traced. For each: click → the worker's
// python:run-start → python:run-end → the result's status in the page (checked each frame, as the
// bench does), and the page's main-thread busy time in that window. Run on a quiet machine after
// `npm run build`:  node bench/evidence/warm-run-breakdown.ts   (RUNS=20, SITE_DIST=dist, PAGE=..., TRACE_OUT=file.json)
// Prints the medians. Asserts nothing.
import { chromium } from '@playwright/test';
import { writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startStaticServer } from '../../src/integrations/preview/static-server.ts';
import { CHROMIUM, CHROMIUM_ARGS, median } from '../lib/stats.ts';

type TraceEvent = { name: string; cat: string; ph: string; ts: number; dur?: number; pid: number; tid: number; args?: Record<string, any> };

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const DIST = process.env.SITE_DIST ?? join(ROOT, 'dist');
const RUNS = Number(process.env.RUNS ?? 20);
const PAGE = process.env.PAGE ?? '/phases/what-wsgi-is/';
// The page's rendering steps, summed per Run (Chromium's devtools.timeline event names).
const RENDERING = new Set(['UpdateLayoutTree', 'Layout', 'PrePaint', 'Paint', 'Layerize', 'UpdateLayer', 'HitTest', 'FunctionCall', 'EventDispatch', 'ParseHTML', 'ScheduleStyleRecalculation']);

async function main() {
  const server = await startStaticServer({ '/': DIST });
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  try {
    const page = await (await browser.newContext({ serviceWorkers: 'block' })).newPage();
    await page.goto(server.origin + PAGE, { waitUntil: 'load' });
    const box = page.locator('[data-live-editor]').first();
    const click = () => box.evaluate(async (el) => {
      const results = el.querySelector('[data-results]')!;
      results.replaceChildren();
      performance.mark('bench:click');
      const t = performance.now();
      (el.querySelector('[data-action="run"]') as HTMLButtonElement).click();
      await new Promise<void>((done) => {
        const check = () => (results.querySelector('.le-response .le-status') ? done() : requestAnimationFrame(check));
        check();
      });
      performance.mark('bench:seen');
      return performance.now() - t;
    });
    await click(); // starts Python and waits for it
    const cdp = await page.context().newCDPSession(page);
    const events: TraceEvent[] = [];
    cdp.on('Tracing.dataCollected', (e) => events.push(...(e.value as unknown as TraceEvent[])));
    const traced = new Promise((r) => cdp.once('Tracing.tracingComplete', r));
    await cdp.send('Tracing.start', { categories: 'blink.user_timing,devtools.timeline,disabled-by-default-devtools.timeline,__metadata', transferMode: 'ReportEvents' });
    const totals: number[] = [];
    for (let i = 0; i < RUNS; i++) { totals.push(await click()); await page.waitForTimeout(100); }
    await cdp.send('Tracing.end');
    await traced;
    if (process.env.TRACE_OUT) writeFileSync(process.env.TRACE_OUT, JSON.stringify(events)); // for chrome://tracing or Perfetto
    const marks = (name: string) => events.filter((e) => e.name === name).map((e) => e.ts).sort((a, b) => a - b);
    const [clicks, starts, ends, seen] = ['bench:click', 'python:run-start', 'python:run-end', 'bench:seen'].map(marks);
    const threads = new Map<string, string>();
    for (const e of events) if (e.ph === 'M' && e.name === 'thread_name') threads.set(`${e.pid}:${e.tid}`, e.args?.name ?? '?');
    const pageThread = events.find((e) => e.name === 'bench:click');
    const rendering: Record<string, number[]> = {};
    const split: Record<string, number[]> = { 'click → run-start': [] as number[], 'run-start → run-end (Python)': [] as number[], 'run-end → status seen': [] as number[], 'page main thread busy': [] as number[] };
    for (let i = 0; i < clicks.length; i++) {
      const start = starts.find((t) => t > clicks[i]) ?? NaN;
      const end = ends.find((t) => t > start) ?? NaN;
      split['click → run-start'].push((start - clicks[i]) / 1000);
      split['run-start → run-end (Python)'].push((end - start) / 1000);
      split['run-end → status seen'].push((seen[i] - end) / 1000);
      const busy = events.filter((e) => e.ph === 'X' && e.dur && e.pid === pageThread?.pid && e.tid === pageThread?.tid
        && (e.name === 'RunTask' || e.name === 'ThreadControllerImpl::RunTask') && e.ts >= clicks[i] && e.ts <= seen[i]);
      split['page main thread busy'].push(busy.reduce((s, e) => s + e.dur!, 0) / 1000);
      for (const e of events) {
        if (e.ph !== 'X' || !e.dur || e.pid !== pageThread?.pid || e.tid !== pageThread?.tid || e.ts < clicks[i] || e.ts > seen[i] || !RENDERING.has(e.name)) continue;
        (rendering[e.name] ??= Array(clicks.length).fill(0))[i] += e.dur / 1000;
      }
    }
    for (const [k, v] of Object.entries(rendering)) split[`  of which ${k}`] = v;
    console.log(`${PAGE}: ${RUNS} warm Runs, medians (ms)`);
    console.log(`  click → status seen (the bench's number): ${median(totals).toFixed(1)}`);
    for (const [k, v] of Object.entries(split)) console.log(`  ${k}: ${median(v).toFixed(1)}`);
  } finally {
    await browser.close();
    await server.close();
  }
}

await main();
