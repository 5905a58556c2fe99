import { mkdirSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { test, expect } from '@playwright/test';
import { builtPages, phasePages } from './helpers/pages.ts';

// Sizes are gzip at nginx's default level (6), computed here from each decoded body, so they do not depend on the server.
const BUDGET = 50 * 1024;
const CRITICAL = new Set(['navigation', 'script', 'link', 'css', 'other']);
const HEAVY = /monaco|pyodide|editor\.worker|\.wasm(\?|$)|python_stdlib/i;
const weights: Record<string, unknown> = {};

test.describe.configure({ mode: 'serial' });

for (const path of builtPages()) {
  const isPhase = phasePages().includes(path);
  test(`${path}: HTML+CSS+JS fetched before load${isPhase ? ' ≤ 50 KB gzip' : ''}, no editor or Python`, async ({ page }) => {
    await page.goto(path, { waitUntil: 'load' });
    // Everything the browser started fetching before the load event, from the browser's own timeline.
    const entries = await page.evaluate(() => {
      const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
      const resources = performance.getEntriesByType('resource') as PerformanceResourceTiming[];
      return [
        { url: nav.name, type: 'navigation' },
        ...resources.filter((r) => r.startTime < nav.loadEventStart).map((r) => ({ url: r.name, type: r.initiatorType })),
      ];
    });
    // Leave the page: what it would start after load (Python, once an editor is in view and the browser
    // idle) is not weighed here, and would only cost CPU while the bodies are fetched again below.
    await page.goto('about:blank');
    const heavy = entries.filter((entry) => HEAVY.test(entry.url)).map((entry) => entry.url);
    expect(heavy, 'the editor and Python must wait for the reader').toEqual([]);

    const rows = [];
    for (const entry of entries) {
      const response = await page.request.get(entry.url);
      const type = response.headers()['content-type'] ?? '';
      const counted = /text\/html|text\/css|javascript/.test(type) && CRITICAL.has(entry.type);
      const body = await response.body();
      rows.push({ url: new URL(entry.url).pathname, type, bytes: body.length, gzip: gzipSync(body, { level: 6 }).length, counted });
    }
    const gzip = rows.filter((row) => row.counted).reduce((sum, row) => sum + row.gzip, 0);
    const all = rows.reduce((sum, row) => sum + row.gzip, 0);
    weights[path] = { htmlCssJsGzip: gzip, allBeforeLoadGzip: all, requests: rows };
    console.log(`${path}: ${(gzip / 1024).toFixed(1)} KB gzip HTML+CSS+JS before load (${rows.length} requests, ${(all / 1024).toFixed(1)} KB all types)`);
    if (isPhase) expect(gzip, `${path} weighs ${gzip} B gzip before load`).toBeLessThanOrEqual(BUDGET);
  });
}

test.afterAll(() => {
  mkdirSync('tests/output', { recursive: true });
  writeFileSync(`tests/output/page-weights.json`, JSON.stringify(weights, null, 2) + '\n');
});
