// Where a returning reader's first Run spends its time: the reader flow of
// bench/lib/reader-flow.ts (open /playground/, paste an app, Run) in a primed profile, traced, with the
// worker's start-up marks (src/runtime/marks.ts) placed on one timeline from navigation start, the
// wasm compile events and each thread's busy time. Run on a quiet machine after `npm run build`:
//   node bench/evidence/warm-start-breakdown.ts            (VISITS=3, PRIME_STAY=45000, SITE_DIST=dist)
// COLD=1: every visit in a new profile, none primed (a first visit's timeline instead).
// SW=block: without the site's service worker (its precache runs beside a first visit's start-up).
// Prints one block per visit and the medians. Asserts nothing.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startStaticServer } from '../../src/integrations/preview/static-server.ts';
import { median } from '../lib/stats.ts';
import { openTraced, pasteFlowApp } from '../lib/reader-flow.ts';

type TraceEvent = { name: string; cat: string; ph: string; ts: number; dur?: number; pid: number; tid: number; args?: Record<string, any> };

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const DIST = process.env.SITE_DIST ?? join(ROOT, 'dist');
const VISITS = Number(process.env.VISITS ?? 3);
const STAY = Number(process.env.PRIME_STAY ?? 45_000);
const COLD = process.env.COLD === '1';
const CATEGORIES = ['blink.user_timing', 'v8.wasm', 'devtools.timeline', 'disabled-by-default-devtools.timeline', 'loading', '__metadata'].join(',');

/** One visit of the flow in `profile`; with `traced`, the trace events and the page's own milestones. */
async function visit(origin: string, profile: string, stayMs: number, traced: boolean) {
  const { context, page, cdp, events, traced: done } = await openTraced<TraceEvent>(profile, process.env.SW === 'block' ? 'block' : 'allow');
  try {
    if (traced) await cdp.send('Tracing.start', { categories: CATEGORIES, transferMode: 'ReportEvents' });
    await page.goto(`${origin}/playground/`, { waitUntil: 'domcontentloaded' });
    const editorOpen = await pasteFlowApp(page);
    const runClick = await page.evaluate(() => performance.now());
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    await page.locator('.le-response .le-status').first().waitFor({ timeout: 400_000 });
    const rendered = await page.evaluate(() => performance.now());
    const loaded = await page.evaluate(() => (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).loadEventStart);
    if (stayMs) await page.waitForTimeout(stayMs);
    if (traced) { await cdp.send('Tracing.end'); await done; }
    return { events, page: { load: loaded, editorOpen, runClick, rendered } };
  } finally {
    await context.close();
  }
}

/** The worker's marks and the compile and thread times, in ms from the top frame's navigation start. */
function breakdown(events: TraceEvent[], pageMs: Record<string, number>) {
  const nav = events.filter((e) => e.name === 'navigationStart').sort((a, b) => a.ts - b.ts)[0];
  const at = (ts: number) => (ts - nav.ts) / 1000;
  const marks: Record<string, number> = {};
  for (const e of events) if (e.cat.includes('blink.user_timing') && e.name.startsWith('python:') && !(e.name in marks)) marks[e.name] = at(e.ts);
  const threads = new Map<string, string>();
  for (const e of events) if (e.ph === 'M' && e.name === 'thread_name') threads.set(`${e.pid}:${e.tid}`, e.args?.name ?? '?');
  const end = nav.ts + pageMs.rendered * 1000;
  const wasm = new Map<string, number>();
  const busy = new Map<string, number>();
  for (const e of events) {
    if (e.ph !== 'X' || !e.dur || e.ts < nav.ts || e.ts > end) continue;
    if (e.cat.includes('v8.wasm')) wasm.set(e.name, (wasm.get(e.name) ?? 0) + e.dur / 1000);
    if (e.name === 'RunTask' || e.name === 'ThreadControllerImpl::RunTask') {
      const name = `${threads.get(`${e.pid}:${e.tid}`) ?? e.tid} (process ${e.pid})`;
      busy.set(name, (busy.get(name) ?? 0) + e.dur / 1000);
    }
  }
  const all: Record<string, number> = { ...marks, 'page:load': pageMs.load, 'page:editor-open': pageMs.editorOpen, 'page:run-click': pageMs.runClick, 'page:rendered': pageMs.rendered };
  return { marks: all, wasm, busy };
}

async function main() {
  const server = await startStaticServer({ '/': DIST });
  const profile = join(mkdtempSync(join(tmpdir(), 'warm-breakdown-')), 'p');
  try {
    if (!COLD) await visit(server.origin, profile, STAY, false);
    const all: Array<ReturnType<typeof breakdown>> = [];
    for (let i = 0; i < VISITS; i++) {
      const { events, page } = await visit(server.origin, COLD ? `${profile}-${i}` : profile, 0, true);
      const b = breakdown(events, page);
      all.push(b);
      console.log(`visit ${i + 1}`);
      for (const [k, v] of Object.entries(b.marks).sort((x, y) => x[1] - y[1])) console.log(`  ${v.toFixed(0).padStart(6)} ms  ${k}`);
      console.log(`  wasm events (ms): ${[...b.wasm].sort((x, y) => y[1] - x[1]).slice(0, 6).map(([k, v]) => `${k} ${v.toFixed(0)}`).join(', ')}`);
      console.log(`  busy threads (ms): ${[...b.busy].sort((x, y) => y[1] - x[1]).slice(0, 8).map(([k, v]) => `${k} ${v.toFixed(0)}`).join(', ')}`);
    }
    console.log(`median of ${VISITS} ${COLD ? 'cold' : 'warm'} visits, ms from navigation start:`);
    for (const k of Object.keys(all[0].marks)) console.log(`  ${median(all.map((b) => b.marks[k] ?? NaN)).toFixed(0).padStart(6)}  ${k}`);
  } finally {
    await server.close();
  }
}

await main();
