// Spike (issue 9): where a warm first Run spends its time. Primes one profile, relaunches the browser
// and prints the page's and the Python worker's timeline (performance marks, resources) on one clock.
//   node bench/spike/startup-timeline.ts [page] [visits]
import { chromium } from '@playwright/test';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startStaticServer } from '../../src/integrations/preview/static-server.ts';
import { CHROMIUM, CHROMIUM_ARGS } from '../lib/stats.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const PAGE = process.argv[2] ?? '/phases/what-wsgi-is/';
const VISITS = Number(process.argv[3] ?? 3);
// ROOTS=/tmp/a,/tmp/b compares builds: visits alternate between them, medians at the end.
const roots = process.env.ROOTS?.split(',') ?? [join(ROOT, 'dist')];
const servers = await Promise.all(roots.map((root, i) => startStaticServer({ '/': root }, [4700 + i * 10, 4709 + i * 10])));
const profiles = roots.map(() => mkdtempSync(join(tmpdir(), 'wsgi-timeline-')));
const results: number[][] = roots.map(() => []);

async function once(stayMs: number, which = 0): Promise<number> {
  const server = servers[which];
  const profile = profiles[which];
  const context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true, serviceWorkers: process.env.SW === 'block' ? 'block' : 'allow' });
  const page = context.pages()[0] ?? await context.newPage();
  const workerReady = new Promise<import('@playwright/test').Worker>((res) => page.on('worker', res));
  await page.addInitScript(() => {
    addEventListener('DOMContentLoaded', () => {
      performance.mark('page:dcl');
      const button = document.querySelector<HTMLButtonElement>('[data-live-editor] [data-action="run"]')!;
      const results = document.querySelector('[data-live-editor] [data-results]')!;
      const click = () => { if (button.disabled) return requestAnimationFrame(click); performance.mark('page:click'); button.click(); };
      click();
      new MutationObserver((_, o) => { if (results.querySelector('.le-response .le-status')) { performance.mark('page:result'); o.disconnect(); } })
        .observe(results, { childList: true, subtree: true });
    });
  });
  await page.goto(server.origin + PAGE);
  await page.waitForFunction(() => performance.getEntriesByName('page:result').length > 0, null, { timeout: 120_000 });
  const worker = await workerReady;
  const grab = () => ({ origin: performance.timeOrigin, entries: performance.getEntries().map((e) => ({ type: e.entryType, name: e.name, start: e.startTime, end: e.startTime + e.duration })) });
  const pageT = await page.evaluate(grab);
  if (process.env.LOAF) console.log(JSON.stringify(await page.evaluate(() => performance.getEntriesByType('long-animation-frame').map((f) => {
    const l = f as PerformanceEntry & { renderStart: number; styleAndLayoutStart: number; blockingDuration: number; scripts: Array<{ sourceURL: string; duration: number; invoker: string; forcedStyleAndLayoutDuration: number }> };
    return { start: Math.round(l.startTime), dur: Math.round(l.duration), render: Math.round(l.renderStart - l.startTime), layout: Math.round(l.styleAndLayoutStart - l.startTime), scripts: l.scripts.map((s) => `${s.invoker} ${s.sourceURL.split('/').pop()} ${Math.round(s.duration)}ms forced ${Math.round(s.forcedStyleAndLayoutDuration)}`) };
  })), null, 1));
  const workerT = await worker.evaluate(grab);
  if (stayMs) await page.waitForTimeout(stayMs);
  await context.close();
  const rows: [number, number, string][] = [];
  const add = (who: string, t: typeof pageT) => {
    for (const e of t.entries) {
      if (e.type === 'paint' || e.type === 'largest-contentful-paint' || e.type === 'first-input') continue;
      const name = e.type === 'resource' ? new URL(e.name).pathname : e.name;
      rows.push([t.origin - pageT.origin + e.start, t.origin - pageT.origin + e.end, `${who} ${e.type.padEnd(10)} ${name}`]);
    }
  };
  add('page  ', pageT);
  add('worker', workerT);
  rows.push([workerT.origin - pageT.origin, workerT.origin - pageT.origin, 'worker created (timeOrigin)']);
  rows.sort((a, b) => a[0] - b[0]);
  if (process.env.FULL) for (const [s, e, n] of rows) console.log(`${s.toFixed(0).padStart(6)} → ${e.toFixed(0).padStart(6)}  ${n}`);
  const at = (who: typeof pageT, name: string) => who.origin - pageT.origin + (who.entries.find((e) => e.name === name)?.start ?? NaN);
  const marks = ['python:init', 'python:snapshot-unpacked', 'python:started', 'python:ready', 'python:run-start', 'python:run-end'];
  console.log([roots[which].padEnd(18), 'dcl ' + at(pageT, 'page:dcl').toFixed(0), 'worker ' + (workerT.origin - pageT.origin).toFixed(0), `preload ${at(workerT, 'python:preload').toFixed(0)}`, ...marks.map((m) => `${m.slice(7)} ${at(workerT, m).toFixed(0)}`), 'result ' + at(pageT, 'page:result').toFixed(0)].join('  '));
  return at(pageT, 'page:result');
}

console.log('priming…');
for (let r = 0; r < roots.length; r++) await once(30_000, r);
for (let i = 0; i < VISITS; i++) {
  for (let k = 0; k < roots.length; k++) {
    const r = (i + k) % roots.length;
    if (process.env.FULL) console.log(`--- warm visit ${i + 1} of ${roots[r]}`);
    results[r].push(await once(0, r));
  }
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)];
roots.forEach((root, r) => console.log(`${root}: first Run result median ${median(results[r]).toFixed(0)} ms of ${results[r].map((x) => x.toFixed(0)).join(', ')}`));
await Promise.all(servers.map((s) => s.close()));
process.exit(0);
