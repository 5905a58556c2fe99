import { join } from 'node:path';
import { test, expect } from '@playwright/test';
import { builtPages, phasePages } from './helpers/pages.ts';
import { startStaticServer, type StaticServer } from '../../src/integrations/preview/static-server.ts';

// Page weight: every phase page transfers less than 60 KB (gzip, headers included, every type) before the
// load event, served like production (src/integrations/preview/static-server.ts mirrors deploy/nginx/site.conf).
// The reference: a comparable Starlight docs page weighs 60.6 KB (measured cold on this machine: ~1,500 words, 6 code blocks).
const BUDGET = 60 * 1024;
const SNAPSHOT_MAX = 10 * 1024 * 1024; // gzip; the plain Pyodide download is ≈ 6.4 MB
let server: StaticServer;

test.describe.configure({ mode: 'serial' });
test.beforeAll(async () => { server = await startStaticServer({ '/': join(process.env.SITE_DIST ?? 'dist') }, [4690, 4699]); });
test.afterAll(async () => { await server?.close(); });

for (const path of phasePages()) {
  test(`${path}: < 60 KB transferred before load, gzip`, async ({ page }) => {
    await page.goto(server.origin + path, { waitUntil: 'load' });
    const rows = await page.evaluate(() => {
      const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
      const before = (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).filter((r) => r.startTime < nav.loadEventStart);
      return [nav, ...before].map((r) => ({ url: new URL(r.name).pathname, bytes: r.transferSize }));
    });
    const total = rows.reduce((s, r) => s + r.bytes, 0);
    expect(rows.every((r) => r.bytes > 0), 'every response came over the network (fresh context)').toBe(true);
    expect(total, `${path}: ${rows.map((r) => `${r.url} ${r.bytes}`).join(', ')}`).toBeLessThan(BUDGET);
  });
}

// Nothing the reader is looking at moves once it has been drawn: the progress lines and status lines
// the scripts fill in have their room in the HTML (Lighthouse's cumulative layout shift, phone-sized).
for (const path of builtPages()) {
  test(`${path}: nothing moves while the page loads on a phone (layout shift 0)`, async ({ browser }) => {
    const context = await browser.newContext({ viewport: { width: 412, height: 823 }, serviceWorkers: 'block' });
    const page = await context.newPage();
    await page.addInitScript(() => {
      const seen: string[] = [];
      (window as unknown as { layoutShifts: string[] }).layoutShifts = seen;
      new PerformanceObserver((list) => {
        for (const e of list.getEntries() as unknown as Array<{ value: number; hadRecentInput: boolean; sources: Array<{ node?: Node }> }>) {
          if (!e.hadRecentInput) seen.push(`${e.value.toFixed(4)} ${e.sources.map((s) => (s.node as Element | undefined)?.outerHTML?.slice(0, 80) ?? '?').join(' | ')}`);
        }
      }).observe({ type: 'layout-shift', buffered: true });
    });
    await page.goto(server.origin + path, { waitUntil: 'load' });
    await page.waitForTimeout(1500); // the progress and status scripts run after load
    expect(await page.evaluate(() => (window as unknown as { layoutShifts: string[] }).layoutShifts)).toEqual([]);
    await context.close();
  });
}

test('the Pyodide memory snapshot is served pre-compressed and stays under 10 MB', async ({ request }) => {
  const res = await request.get(`${server.origin}/pyodide/snapshot.pages.gz`);
  expect(res.status()).toBe(200);
  const body = await res.body();
  expect([body[0], body[1]]).toEqual([0x1f, 0x8b]);
  expect(body.length).toBeLessThan(SNAPSHOT_MAX);
});
