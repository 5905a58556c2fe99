// Spike (issue 9): does a returning reader's worker get Pyodide's compiled wasm from Chrome's code cache?
// Visits a page three times in one profile (relaunching the browser), clicks the first Run, and lists
// Blink's wasm code-cache trace events of each visit (v8.wasm.compiledModule / cachedModule when a
// cache is written, v8.wasm.moduleCacheHit when one is used). EXTRA_ARGS passes Chromium flags.
// Measured (2026-11-21): neither event in any visit, also with --js-flags=--wasm-caching-threshold=1000
// or --no-wasm-dynamic-tiering, also for a bare compileStreaming page: every visit compiles again.
//   node bench/spike/wasm-cache.ts [page] [stayMs]
import { chromium } from '@playwright/test';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startStaticServer } from '../../src/integrations/preview/static-server.ts';
import { CHROMIUM, CHROMIUM_ARGS } from '../lib/stats.ts';

type Ev = { name: string; cat: string; ph: string; dur?: number; ts: number; args?: Record<string, unknown> };
const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const PAGE = process.argv[2] ?? '/phases/what-wsgi-is/';
const STAY = Number(process.argv[3] ?? 10000);
const server = await startStaticServer({ '/': process.env.SITE_DIST ?? join(ROOT, 'dist') });
const profile = mkdtempSync(join(tmpdir(), 'wsgi-wasm-cache-'));
for (const visit of [1, 2, 3]) {
  const context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, args: [...CHROMIUM_ARGS, ...(process.env.EXTRA_ARGS ? process.env.EXTRA_ARGS.split(' ') : [])], headless: true, serviceWorkers: process.env.SW === 'block' ? 'block' : 'allow' });
  const page = context.pages()[0] ?? await context.newPage();
  const cdp = await context.newCDPSession(page);
  const events: Ev[] = [];
  // Playwright's CDP types call trace events string maps; they carry numbers (ts, pid, dur).
  cdp.on('Tracing.dataCollected', (e) => events.push(...(e.value as unknown as Ev[])));
  const done = new Promise((r) => cdp.once('Tracing.tracingComplete', r));
  await cdp.send('Tracing.start', { categories: 'v8.wasm,disabled-by-default-devtools.timeline', transferMode: 'ReportEvents' });
  await page.goto(server.origin + PAGE);
  const run = page.locator('[data-live-editor] [data-action="run"]').first();
  await run.scrollIntoViewIfNeeded();
  await run.click({ timeout: 60_000 }); // enabled once Python is ready
  await page.locator('[data-live-editor] [data-results] .le-response .le-status').first().waitFor({ timeout: 60_000 });
  await page.waitForTimeout(STAY);
  await cdp.send('Tracing.end');
  await done;
  const counts = new Map<string, { n: number; ms: number }>();
  for (const e of events.filter((e) => /^v8\.wasm\.|wasm.Deserial/.test(e.name))) {
    const c = counts.get(e.name) ?? { n: 0, ms: 0 };
    c.n++; c.ms += (e.dur ?? 0) / 1000;
    counts.set(e.name, c);
  }
  console.log(`visit ${visit}:`, [...counts].map(([k, v]) => `${k}×${v.n}${v.ms ? ` ${v.ms.toFixed(0)}ms` : ''}`).join(', '));
  try {
    const { histograms } = await cdp.send('Browser.getHistograms' as never, { query: 'V8.Wasm' } as never) as { histograms: Array<{ name: string; count: number; buckets: Array<{ low: number; high: number; count: number }> }> };
    for (const h of histograms.filter((h) => process.env.ALLH || /Caching|Serializ|Deserializ|Streaming/.test(h.name))) console.log(`  ${h.name} n=${h.count} ${h.buckets.map((b) => `[${b.low},${b.high}):${b.count}`).join(' ')}`);
  } catch (err) { console.log('histograms:', (err as Error).message); }
  await context.close();
}
await server.close();
