/**
 * One measured visit in a real Chromium profile: navigation → first Run result on a phase page
 * (the Run click is sent as soon as the page's scripts have wired the button), or navigation →
 * Python ready on the floor page. Bytes: before the load event from the page's own resource timing
 * (transferSize, headers included), in total from the static server's counter.
 */
import { chromium, type BrowserContext } from '@playwright/test';
import type { StaticServer } from '../../src/integrations/preview/static-server.ts';
import { CHROMIUM, CHROMIUM_ARGS } from './stats.ts';

export interface Visit { ms: number; bytesBeforeLoad: number; bytesTotal: number; requests: number; loadMs: number }

// Runs in the page before its own scripts. DOMContentLoaded fires after the module scripts ran,
// so boot.ts has wired the editors; the button is enabled in the HTML (it queues until Python is up).
const CLICK_FIRST_RUN = () => {
  addEventListener('DOMContentLoaded', () => {
    const box = document.querySelector('[data-live-editor]');
    if (!box) return;
    const button = box.querySelector<HTMLButtonElement>('[data-action="run"]')!;
    const results = box.querySelector('[data-results]')!;
    const w = window as unknown as { __firstRun?: { clickMs: number; ms?: number } };
    const click = () => {
      if (button.disabled) { requestAnimationFrame(click); return; }
      w.__firstRun = { clickMs: performance.now() };
      button.click();
    };
    click();
    const seen = new MutationObserver(() => {
      if (results.querySelector('.le-response .le-status') && w.__firstRun) { w.__firstRun.ms = performance.now(); seen.disconnect(); }
    });
    seen.observe(results, { childList: true, subtree: true });
  });
};

/** Launch Chromium on `profile`, visit `url`, wait for the first Run result (site) or Python ready (floor). */
export async function visit(server: StaticServer, profile: string, url: string, kind: 'site' | 'floor', stayMs = 0): Promise<Visit> {
  // SW=block measures the site without its service worker (whose precache competes with the first Run).
  const serviceWorkers = process.env.SW === 'block' ? 'block' as const : 'allow' as const;
  const context: BrowserContext = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true, serviceWorkers });
  try {
    const page = context.pages()[0] ?? await context.newPage();
    if (kind === 'site') await page.addInitScript(CLICK_FIRST_RUN);
    server.reset();
    await page.goto(url, { waitUntil: 'load' });
    // A function, not a string: the site's CSP forbids string evaluation.
    const handle = await page.waitForFunction((k) => {
      const w = window as unknown as { __firstRun?: { ms?: number }; __floor?: { readyMs: number } };
      return k === 'site' ? w.__firstRun?.ms : w.__floor?.readyMs;
    }, kind, { timeout: 400_000, polling: 50 });
    const ms = Number(await handle.jsonValue());
    const timing = await page.evaluate(() => {
      const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
      const before = (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).filter((r) => r.startTime < nav.loadEventStart);
      return { loadMs: nav.loadEventStart, bytes: nav.transferSize + before.reduce((s, r) => s + r.transferSize, 0) };
    });
    // Let late requests (service worker precache, fonts) finish: wait until the server is quiet for 1 s.
    let last = -1;
    for (let i = 0; i < 20 && server.sent().requests !== last; i++) { last = server.sent().requests; await page.waitForTimeout(1000); }
    const sent = server.sent();
    // A priming visit stays open so what the page keeps lazily (service worker precache, the kept
    // snapshot memory) is written. (Chrome wrote no wasm code cache here: docs/decisions/warm-start-in-the-sandbox.md.)
    if (stayMs) await page.waitForTimeout(stayMs);
    return { ms, bytesBeforeLoad: timing.bytes, bytesTotal: sent.bytes, requests: sent.requests, loadMs: timing.loadMs };
  } finally {
    await context.close();
  }
}
