/**
 * Run → rendered response on warm Python, and editor bytes on demand, on one phase page.
 */
import { chromium } from '@playwright/test';
import type { StaticServer } from '../../src/integrations/preview/static-server.ts';
import { CHROMIUM, CHROMIUM_ARGS, median, p95 } from './stats.ts';

export interface WarmRuns { median: number; p95: number; all: number[]; editorBytes: number; editorRequests: number; editorMs: number }

/** Loads `url`, opens the first editor (counting the bytes it fetches), waits for Python, times `runs` Runs. */
export async function warmRuns(server: StaticServer, url: string, runs: number): Promise<WarmRuns> {
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  try {
    // No service worker here: its precache of the whole site would be counted as editor bytes.
    const page = await (await browser.newContext({ serviceWorkers: 'block' })).newPage();
    await page.goto(url, { waitUntil: 'load' });
    const box = page.locator('[data-live-editor]').first();
    // Editor bytes on demand: only what the click on the code fetches (Python is not asked for yet).
    await page.waitForTimeout(300);
    server.reset();
    const t0 = Date.now();
    await box.locator('[data-code-host] pre').click();
    await box.getByRole('textbox').first().waitFor({ state: 'attached', timeout: 120_000 });
    const editorMs = Date.now() - t0;
    let last = -1;
    for (let i = 0; i < 10 && server.sent().requests !== last; i++) { last = server.sent().requests; await page.waitForTimeout(500); }
    const editor = server.sent();
    // Python may start loading meanwhile (the editor is in view and the browser idle): not editor bytes.
    const editorFiles = Object.entries(editor.byPath).filter(([p]) => !p.startsWith('/pyodide/'));
    const editorBytes = editorFiles.reduce((n, [, b]) => n + b, 0);
    const times: number[] = [];
    for (let i = 0; i < runs + 1; i++) {
      const ms = await box.evaluate(async (el) => {
        const results = el.querySelector('[data-results]')!;
        results.replaceChildren();
        const t = performance.now();
        (el.querySelector('[data-action="run"]') as HTMLButtonElement).click();
        await new Promise<void>((resolve) => {
          const check = () => (results.querySelector('.le-response .le-status') ? resolve() : requestAnimationFrame(check));
          check();
        });
        return performance.now() - t;
      });
      if (i > 0) times.push(ms); // the first one waits for Python to load
    }
    return { median: median(times), p95: p95(times), all: times, editorBytes, editorRequests: editorFiles.length, editorMs };
  } finally {
    await browser.close();
  }
}
