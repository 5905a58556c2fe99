// Spike (issue 9): what the page's main thread does during a warm visit, from a Chromium trace:
// total time per trace event name on the renderer main thread, top 25.  node bench/spike/main-thread-trace.ts [page]
import { chromium } from '@playwright/test';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startStaticServer } from '../../src/integrations/preview/static-server.ts';
import { CHROMIUM, CHROMIUM_ARGS } from '../lib/stats.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const PAGE = process.argv[2] ?? '/phases/what-wsgi-is/';
const server = await startStaticServer({ '/': join(ROOT, 'dist') });
const profile = mkdtempSync(join(tmpdir(), 'wsgi-trace-'));
for (const traced of [false, true]) {
  const context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true, serviceWorkers: 'block' });
  const page = context.pages()[0] ?? await context.newPage();
  const cdp = await context.newCDPSession(page);
  const events: Array<{ name: string; ph: string; dur?: number; ts: number; tid: number; pid: number; args?: { name?: string } }> = [];
  // Playwright's CDP types call trace events string maps; they carry numbers (ts, pid, dur).
  cdp.on('Tracing.dataCollected', (e) => events.push(...(e.value as unknown as typeof events)));
  const done = new Promise((r) => cdp.once('Tracing.tracingComplete', r));
  if (traced) await cdp.send('Tracing.start', { categories: 'devtools.timeline,blink,v8.execute,disabled-by-default-devtools.timeline', transferMode: 'ReportEvents' });
  await page.goto(server.origin + PAGE, { waitUntil: 'load' });
  await page.waitForTimeout(1500);
  if (traced) {
    await cdp.send('Tracing.end');
    await done;
    // Every renderer main thread (COOP swaps the process at navigation).
    const mains = new Set(events.filter((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain').map((e) => `${e.pid}:${e.tid}`));
    const mine = events.filter((e) => e.ph === 'X' && mains.has(`${e.pid}:${e.tid}`) && e.name !== 'RunTask');
    const totals = new Map<string, number>();
    for (const e of mine) totals.set(e.name, (totals.get(e.name) ?? 0) + (e.dur ?? 0) / 1000);
    const t0 = Math.min(...mine.map((e) => e.ts));
    for (const e of mine.filter((e) => ['Layout', 'UpdateLayoutTree', 'ParseHTML', 'Blink.ForcedStyleAndLayout.UpdateTime', 'EventDispatch', 'v8.run', 'FunctionCall', 'EvaluateScript', 'v8.evaluateModule'].includes(e.name) && (e.dur ?? 0) > 3000)) {
      console.log(`  at ${((e.ts - t0) / 1000).toFixed(0).padStart(5)} ms  ${((e.dur ?? 0) / 1000).toFixed(1).padStart(6)} ms  ${e.name} ${JSON.stringify(e.args ?? {}).slice(0, 160)}`);
    }
    for (const [name, ms] of [...totals].sort((a, b) => b[1] - a[1]).slice(0, 25)) console.log(`${ms.toFixed(1).padStart(8)} ms  ${name}`);
  }
  await context.close();
}
await server.close();
process.exit(0);
