/**
 * Benchmark of the in-page browser (src/browser/) in headless Chromium against the built site
 * ($RUNTIME_DIST, $SITE_DIST or dist/): on the playground, with Python warm, the round trip of a click on
 * a link in the Browser tab until the app's next page has loaded in the frame (one request through the
 * simulated server, the page composed, rendered and its frame loaded), alternating between two pages.
 * Prints median and p95 and writes bench/results/browser.json. Run: npm run bench:browser (after a build).
 */
import { chromium } from '@playwright/test';
import { mkdirSync, writeFileSync } from 'node:fs';
import { chromiumLaunchOptions } from '../tests/e2e/helpers/chromium.ts';
import { distDir, serveStatic } from '../tests/e2e/runtime-server.ts';
import { median, p95 } from './lib/stats.ts';

const CLICKS = Number(process.env.BENCH_CLICKS ?? 30);
const WARM_UP = 5;
const PORT = 4598;

const APP = `def app(environ, start_response):
    other = "/b" if environ["PATH_INFO"] == "/" else "/"
    body = f'<!doctype html><title>x</title><h1>{environ["PATH_INFO"]}</h1><a id=next href="{other}">next</a>'.encode()
    start_response("200 OK", [("Content-Type", "text/html; charset=utf-8"), ("Content-Length", str(len(body)))])
    return [body]
`;

async function main() {
  const server = await serveStatic(distDir, PORT, true);
  const browser = await chromium.launch(chromiumLaunchOptions());
  try {
    const context = await browser.newContext();
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    const page = await context.newPage();
    await page.goto(`http://127.0.0.1:${PORT}/playground/?timeLimit=30000`);
    await page.getByLabel(/^Code of app\.py\. Focus or click to edit\.$/).click();
    await page.waitForFunction(() => document.activeElement?.getAttribute('aria-label') === 'Code of app.py, editable', null, { timeout: 180_000 });
    await page.evaluate((text) => navigator.clipboard.writeText(text), APP);
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.press('ControlOrMeta+V');
    await page.getByLabel('Path and query').fill('/');
    await page.getByRole('button', { name: 'Run' }).click();
    await page.getByRole('tab', { name: 'Browser' }).click({ timeout: 180_000 });
    const app = page.frameLocator('iframe.br-frame').frameLocator('iframe');
    await app.locator('h1').waitFor({ timeout: 60_000 });
    // Each page frame the browser inserts records when it has loaded, on the page's own clock.
    await page.evaluate(() => {
      const host = document.querySelector<HTMLIFrameElement>('iframe.br-frame')!.contentDocument!;
      const loads: number[] = ((window as unknown as { __brLoads: number[] }).__brLoads = []);
      const rows: number[] = ((window as unknown as { __brRows: number[] }).__brRows = []);
      new MutationObserver(() => rows.push(performance.now())).observe(document.querySelector('.br-requests tbody')!, { childList: true });
      new MutationObserver((records) => {
        for (const r of records) for (const n of r.addedNodes) if (n.nodeName === 'IFRAME') n.addEventListener('load', () => loads.push(performance.now()), { once: true });
      }).observe(host.body, { childList: true });
    });
    const times: number[] = [];
    const toResponse: number[] = [];
    for (let i = 0; i < CLICKS + WARM_UP; i++) {
      const before = await page.evaluate(() => (window as unknown as { __brLoads: number[] }).__brLoads.length);
      const t0 = await page.evaluate(() => performance.now());
      // A click dispatched in the page itself (no pointer emulation or actionability waits in the time).
      await page.frames().find((f) => f.parentFrame()?.parentFrame() === page.mainFrame())!.evaluate(() => document.getElementById('next')!.click());
      await page.waitForFunction((n) => (window as unknown as { __brLoads: number[] }).__brLoads.length > n, before, { timeout: 30_000 }).catch(async (e) => {
        console.error(await page.locator('.br').innerText()); // what the Browser tab showed instead
        throw e;
      });
      const [t1, tr] = await page.evaluate(() => { const w = window as unknown as { __brLoads: number[]; __brRows: number[] }; return [w.__brLoads[w.__brLoads.length - 1], w.__brRows[w.__brRows.length - 1]]; });
      if (i >= WARM_UP) { times.push(t1 - t0); toResponse.push(tr - t0); }
    }
    const serverMs = (await page.locator('.br-requests tbody td:nth-child(5)').allTextContents()).slice(-CLICKS).map((t) => Number.parseInt(t, 10));
    const results = {
      date: new Date().toISOString(), clicks: CLICKS,
      clickRoundTripMs: { median: median(times), p95: p95(times) },
      clickToResponseListedMs: { median: median(toResponse), p95: p95(toResponse) },
      requestThroughServerMs: { median: median(serverMs), p95: p95(serverMs) },
    };
    console.log(`click → next page loaded (${CLICKS} clicks, warm Python): median ${results.clickRoundTripMs.median.toFixed(0)} ms, p95 ${results.clickRoundTripMs.p95.toFixed(0)} ms`);
    console.log(`  click → response listed: median ${results.clickToResponseListedMs.median.toFixed(0)} ms, p95 ${results.clickToResponseListedMs.p95.toFixed(0)} ms`);
    console.log(`  of which the request through the simulated server: median ${results.requestThroughServerMs.median} ms, p95 ${results.requestThroughServerMs.p95} ms`);
    mkdirSync('bench/results', { recursive: true });
    writeFileSync('bench/results/browser.json', JSON.stringify(results, null, 2));
  } finally {
    await browser.close();
    server.close();
  }
}

await main();
