// Shared by the warm-visit spikes (cpu-budget.ts, worker-profile.ts): one visit in a persistent
// profile, the first Run clicked as soon as it works, optionally traced (Chromium trace categories),
// until its response is rendered.
import { chromium } from '@playwright/test';
import { CHROMIUM, CHROMIUM_ARGS } from '../lib/stats.ts';

export type TraceEvent = { name: string; cat: string; ph: string; ts: number; dur?: number; tdur?: number; pid: number; tid: number; id?: string; args?: Record<string, unknown> & { name?: string } };

/** Visit `url` in `profile`; `categories` null visits without tracing (to prime the profile). */
export async function tracedWarmVisit(profile: string, url: string, categories: string | null, stayMs = 0): Promise<{ events: TraceEvent[]; resultMs: number }> {
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
  const events: TraceEvent[] = [];
  // Playwright's CDP types call trace events string maps; they carry numbers (ts, pid, dur).
  cdp.on('Tracing.dataCollected', (e) => events.push(...(e.value as unknown as TraceEvent[])));
  const done = new Promise((r) => cdp.once('Tracing.tracingComplete', r));
  if (categories) await cdp.send('Tracing.start', { categories, transferMode: 'ReportEvents' });
  await page.goto(url);
  await page.waitForFunction(() => performance.getEntriesByName('page:result').length > 0, null, { timeout: 120_000 });
  const resultMs = await page.evaluate(() => performance.getEntriesByName('page:result')[0].startTime);
  if (stayMs) await page.waitForTimeout(stayMs);
  if (categories) { await cdp.send('Tracing.end'); await done; }
  await context.close();
  return { events, resultMs };
}
