// Spike (issue 9): where the Python worker's time goes in a warm visit, by function (self time), from
// V8's sampling profiler in a Chromium trace. Primes one profile, relaunches, clicks Run at once.
//   node bench/spike/worker-profile.ts [page] [top]
import { chromium } from '@playwright/test';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startStaticServer } from '../../src/integrations/preview/static-server.ts';
import { CHROMIUM, CHROMIUM_ARGS } from '../lib/stats.ts';

type Node = { id: number; parent?: number; callFrame: { functionName: string; url: string } };
type Ev = { name: string; ph: string; ts: number; pid: number; tid: number; id?: string; args?: { name?: string; data?: { cpuProfile?: { nodes?: Node[]; samples?: number[] }; timeDeltas?: number[]; startTime?: number } } };
const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const PAGE = process.argv[2] ?? '/phases/what-wsgi-is/';
const TOP = Number(process.argv[3] ?? 25);
const server = await startStaticServer({ '/': process.env.SITE_DIST ?? join(ROOT, 'dist') });
const profile = mkdtempSync(join(tmpdir(), 'wsgi-wprof-'));

async function visit(trace: boolean, stayMs: number): Promise<Ev[]> {
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
  if (trace) await cdp.send('Tracing.start', { categories: 'disabled-by-default-v8.cpu_profiler,v8', transferMode: 'ReportEvents' });
  await page.goto(server.origin + PAGE);
  await page.waitForFunction(() => performance.getEntriesByName('page:result').length > 0, null, { timeout: 120_000 });
  if (stayMs) await page.waitForTimeout(stayMs);
  if (trace) { await cdp.send('Tracing.end'); await done; }
  await context.close();
  return events;
}

await visit(false, 30_000);
const events = await visit(true, 0);
const names = new Map(events.filter((e) => e.name === 'thread_name').map((e) => [`${e.pid}:${e.tid}`, e.args?.name ?? '?']));
const nodes = new Map<string, Map<number, Node>>();
const self = new Map<string, number>();
// Chunks come from V8's profiler thread; the Profile event (same id) is on the profiled thread.
const workerProfiles = new Set(events.filter((e) => e.name === 'Profile' && names.get(`${e.pid}:${e.tid}`) === 'DedicatedWorker thread').map((e) => `${e.pid}:${e.id}`));
for (const e of events.filter((e) => e.name === 'ProfileChunk')) {
  if (!workerProfiles.has(`${e.pid}:${e.id}`)) continue;
  const key = `${e.pid}:${e.id}`;
  const known = nodes.get(key) ?? new Map<number, Node>();
  nodes.set(key, known);
  for (const n of e.args?.data?.cpuProfile?.nodes ?? []) known.set(n.id, n);
  const samples = e.args?.data?.cpuProfile?.samples ?? [];
  const deltas = e.args?.data?.timeDeltas ?? [];
  samples.forEach((id, i) => {
    const n = known.get(id);
    const label = n ? `${n.callFrame.functionName || '(anonymous)'} ${(n.callFrame.url ?? '').split('/').pop()}` : `node ${id}`;
    self.set(label, (self.get(label) ?? 0) + (deltas[i + 1] ?? deltas[i] ?? 0) / 1000);
  });
}
const total = [...self].filter(([k]) => !k.startsWith('(idle)')).reduce((s, [, v]) => s + v, 0);
console.log(`worker thread sampled, not idle: ${total.toFixed(0)} ms`);
for (const [k, v] of [...self].sort((a, b) => b[1] - a[1]).slice(0, TOP)) console.log(`${v.toFixed(1).padStart(7)} ms  ${k}`);
await server.close();
process.exit(0);
