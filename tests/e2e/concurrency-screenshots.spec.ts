import AxeBuilder from '@axe-core/playwright';
import { test, expect } from '@playwright/test';
import { distDir, serveStatic, type StaticServer } from './runtime-server.ts';

// Screenshots of the ConcurrencyView (the blocked loop beside the pool, phase 4) at a laptop and a
// phone width in both themes, for review: tests/output/concurrency/. The chart may scroll sideways
// inside its own box at 360 px; the page itself must not. One page load and one Python per theme: the
// view runs at 1280 px, then the window narrows to 360 px (the layout is CSS, nothing is decided at load by width).
const PORT = Number(process.env.CONCURRENCY_SHOTS_PORT ?? 4583);
const BASE = `http://127.0.0.1:${PORT}`;

test.use({ baseURL: BASE });
// One worker for the file (its server has one fixed port); a failed theme does not skip the other.
test.describe.configure({ mode: 'default' });
let server: StaticServer;
test.beforeAll(async () => { server = await serveStatic(distDir, PORT, true); });
test.afterAll(async () => { await new Promise((done) => server?.close(done)); });

for (const colorScheme of ['light', 'dark'] as const) {
  test(`the view at 1280 and 360 px in ${colorScheme}`, async ({ page }) => {
    test.setTimeout(420_000);
    await page.emulateMedia({ colorScheme, reducedMotion: 'reduce' });
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto('/phases/why-async/');
    const view = page.getByRole('region', { name: 'A blocking time.sleep inside the event loop' });
    await view.scrollIntoViewIfNeeded();
    await expect(view.getByRole('table', { name: /numbers that matter/ })).toBeVisible({ timeout: 120_000 });
    // The results exist only after a run, so the site-wide axe scan never sees them: scan them here
    // (the code boxes are the site scan's business; the tables' disclosure is still closed: axe's
    // contrast rule over a hundred rows takes minutes on a busy machine).
    const { violations } = await new AxeBuilder({ page }).include('[data-name="blocked-loop"] [data-results]').analyze();
    expect(violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join('; ')}`)).toEqual([]);
    await view.getByText('The timeline as tables').click();
    for (const width of [1280, 360]) {
      await page.setViewportSize({ width, height: 900 });
      await view.scrollIntoViewIfNeeded();
      await expect(view.getByRole('table', { name: /numbers that matter/ })).toBeVisible();
      await view.screenshot({ path: `tests/output/concurrency/blocked-loop-${width}-${colorScheme}.png` });
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow, `the page is wider than ${width} px`).toBeLessThanOrEqual(0);
    }
  });
}
