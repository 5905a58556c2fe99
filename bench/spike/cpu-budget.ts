// Spike (issue 9): how much CPU a warm first Run costs, per thread, from navigation to the rendered
// result. Primes one profile, relaunches the browser, traces one visit (Run clicked as soon as it
// works) and sums the thread time (tdur) of every top-level task that ran before the result, per
// thread name. On 2 cores, a total near twice the elapsed time means the visit waits for CPU.
//   node bench/spike/cpu-budget.ts [page] [visits]
import { chromium } from '@playwright/test';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startStaticServer } from '../../src/integrations/preview/static-server.ts';
import { CHROMIUM, CHROMIUM_ARGS } from '../lib/stats.ts';

type Ev = { name: string; cat: string; ph: string; ts: number; dur?: number; tdur?: number; pid: number; tid: number; args?: { name?: string } };
const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const PAGE = process.argv[2] ?? '/phases/what-wsgi-is/';
const VISITS = Number(process.argv[3] ?? 3);
const server = await startStaticServer({ '/': process.env.SITE_DIST ?? join(ROOT, 'dist') });
const profile = mkdtempSync(join(tmpdir(), 'wsgi-cpu-'));

async function visit(trace: boolean, stayMs: number) {
  const context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
  const page = context.pages()[0] ?? await context.newPage();
  await page.addInitScript(() => {
    addEventListener('DOMContentLoaded', () => {
      const button = document.querySelector<HTMLButtonElement>('[data-live-editor] [data-action="run"]')!;
      const results = document.querySelector('[data-live-editor] [data-results]')!;
      const click = () => { if (button.disabled) return requestAnimationFrame(click); button.click(); };
      click();
      new MutationObserver((_, o) => { if (results.querySelector('.le-response .le-status')) { performance.mark('page:result'); o.disconnect(); } })
        .observe(results, { childList: true, subtree: true });
    });
  });
  const cdp = await context.newCDPSession(page);
  const events: Ev[] = [];
  cdp.on('Tracing.dataCollected', (e) => events.push(...(e.value as Ev[])));
  const done = new Promise((r) => cdp.once('Tracing.tracingComplete', r));
  if (trace) await cdp.send('Tracing.start', { categories: 'toplevel,blink.user_timing,disabled-by-default-devtools.timeline', transferMode: 'ReportEvents' });
  await page.goto(server.origin + PAGE);
  await page.waitForFunction(() => performance.getEntriesByName('page:result').length > 0, null, { timeout: 120_000 });
  const resultMs = await page.evaluate(() => performance.getEntriesByName('page:result')[0].startTime);
  if (stayMs) await page.waitForTimeout(stayMs);
  if (trace) { await cdp.send('Tracing.end'); await done; }
  await context.close();
  return { events, resultMs };
}

await visit(false, 30_000); // prime: HTTP cache, kept snapshot memory, the returning-reader flag
for (let i = 0; i < VISITS; i++) {
  const { events, resultMs } = await visit(true, 0);
  const names = new Map(events.filter((e) => e.name === 'thread_name').map((e) => [`${e.pid}:${e.tid}`, e.args?.name ?? '?']));
  // The page's navigationStart (its performance.now() zero), the last one traced (about:blank comes first).
  const start = Math.max(...events.filter((e) => e.name === 'navigationStart').map((e) => e.ts));
  const end = start + resultMs * 1000;
  const byThread = new Map<string, number>();
  for (const e of events) {
    if (e.ph !== 'X' || e.cat !== 'toplevel' || e.ts < start || e.ts > end) continue;
    const name = (names.get(`${e.pid}:${e.tid}`) ?? 'unnamed').replace(/\d+$/, 'N');
    byThread.set(name, (byThread.get(name) ?? 0) + (e.tdur ?? e.dur ?? 0) / 1000);
  }
  const total = [...byThread.values()].reduce((a, b) => a + b, 0);
  const rows = [...byThread].sort((a, b) => b[1] - a[1]).filter(([, ms]) => ms >= 5).map(([n, ms]) => `${n} ${ms.toFixed(0)}`);
  console.log(`visit ${i + 1}: result at ${resultMs.toFixed(0)} ms; thread time before it ${total.toFixed(0)} ms (${(total / resultMs).toFixed(2)} cores busy)  ${rows.join(', ')}`);
}
await server.close();
process.exit(0);
