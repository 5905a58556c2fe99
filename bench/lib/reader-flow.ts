/**
 * The reader's playground flow, one measured visit in a real Chromium profile: open the playground, paste
 * an app into its editor as soon as it can be opened, click Run; the time is from navigation start to
 * the rendered response. The visit is traced with V8's wasm category, and the wasm code-cache events
 * seen are returned by name (v8.wasm.compiledModule / v8.wasm.cachedModule when a cache is written,
 * v8.wasm.moduleCacheHit when one is used; docs/decisions/warm-start-in-the-sandbox.md says why none
 * are expected for the sandboxed worker).
 */
import { chromium, type BrowserContext, type Page } from '@playwright/test';
import type { StaticServer } from '../../src/integrations/preview/static-server.ts';
import { CHROMIUM, CHROMIUM_ARGS } from './stats.ts';
import type { Visit } from './first-run.ts';

export interface FlowVisit extends Visit { codeCacheEvents: string[] }

type TraceEvent = { name: string };
const CODE_CACHE = /^v8\.wasm\.(compiledModule|cachedModule|moduleCacheHit|moduleCacheInvalid)/;

export const FLOW_APP = `def app(environ, start_response):
    start_response("200 OK", [("Content-Type", "text/plain")])
    return [b"pasted and run"]`;

/** A Chromium on `profile` with its first page and a CDP session whose trace events land in `events`. */
export async function openTraced<E>(profile: string, serviceWorkers: 'allow' | 'block' = 'allow') {
  const context: BrowserContext = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true, serviceWorkers });
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const page = context.pages()[0] ?? await context.newPage();
  const cdp = await context.newCDPSession(page);
  const events: E[] = [];
  cdp.on('Tracing.dataCollected', (e) => events.push(...(e.value as unknown as E[])));
  const traced = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
  return { context, page, cdp, events, traced };
}

/** Open app.py's editor as soon as it can be, paste FLOW_APP over its code; the time the editor opened. */
export async function pasteFlowApp(page: Page): Promise<number> {
  await page.getByLabel(/^Code of app\.py\. Focus or click to edit\.$/).click({ timeout: 120_000 });
  const input = page.getByRole('textbox', { name: 'Code of app.py, editable' });
  await input.waitFor({ state: 'attached', timeout: 120_000 });
  const editorOpen = await page.evaluate(() => performance.now());
  await page.evaluate((text) => navigator.clipboard.writeText(text), FLOW_APP);
  await input.focus();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('ControlOrMeta+V');
  return editorOpen;
}

/** Visit the playground at `url` in `profile`, paste FLOW_APP, Run, and time the response. */
export async function visitReaderFlow(server: StaticServer, profile: string, url: string, stayMs = 0): Promise<FlowVisit> {
  const { context, page, cdp, events, traced } = await openTraced<TraceEvent>(profile, process.env.SW === 'block' ? 'block' : 'allow');
  try {
    await cdp.send('Tracing.start', { categories: 'v8.wasm', transferMode: 'ReportEvents' });
    server.reset();
    await page.goto(url, { waitUntil: 'domcontentloaded' });
    await pasteFlowApp(page);
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    const status = page.locator('.le-response .le-status').first();
    await status.waitFor({ timeout: 400_000 });
    const ms = await page.evaluate(() => performance.now());
    const timing = await page.evaluate(() => {
      const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
      const before = (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).filter((r) => r.startTime < nav.loadEventStart);
      return { loadMs: nav.loadEventStart, bytes: nav.transferSize + before.reduce((s, r) => s + r.transferSize, 0) };
    });
    // A priming visit stays open so what the site keeps lazily (precache, kept snapshot) is written.
    if (stayMs) await page.waitForTimeout(stayMs);
    await cdp.send('Tracing.end');
    await traced;
    const sent = server.sent();
    return {
      ms, bytesBeforeLoad: timing.bytes, bytesTotal: sent.bytes, requests: sent.requests, loadMs: timing.loadMs,
      codeCacheEvents: events.map((e) => e.name).filter((n) => CODE_CACHE.test(n)),
    };
  } finally {
    await context.close();
  }
}
