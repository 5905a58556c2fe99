import { test, expect, type Page } from '@playwright/test';
import { axeViolations } from './helpers/axe.ts';
import { distDir, serveStatic, type StaticServer } from './runtime-server.ts';

// Screenshots of the ConcurrencyView (the blocked loop beside the pool, phase 4) at a laptop and a
// phone width in both themes, for review: tests/output/concurrency/. The chart may scroll sideways
// inside its own box at 360 px; the page itself must not. One page load and one Python for both themes:
// the view runs at 1280 px, then the window narrows to 360 px (the layout is CSS, nothing is decided at load by width).
const PORT = Number(process.env.CONCURRENCY_SHOTS_PORT ?? 4583);
const BASE = `http://127.0.0.1:${PORT}`;

test.use({ baseURL: BASE });
// One worker for the file (its server has one fixed port); a failed theme does not skip the other
// (the next runs in a new worker, with a page of its own). The themes share one page and one Python:
// the second switches it in place (the site follows the system theme live, src/components/theme.ts).
test.describe.configure({ mode: 'default' });
let server: StaticServer;
let page: Page;
let loaded = false;
test.beforeAll(async ({ browser }) => {
  server = await serveStatic(distDir, PORT, true);
  page = await browser.newPage({ baseURL: BASE, reducedMotion: 'reduce' });
});
test.afterAll(async () => {
  await page?.context().close();
  await new Promise((done) => server?.close(done));
});

for (const colorScheme of ['light', 'dark'] as const) {
  test(`the view at 1280 and 360 px in ${colorScheme}`, async () => {
    test.setTimeout(420_000);
    await page.emulateMedia({ colorScheme, reducedMotion: 'reduce' });
    await page.setViewportSize({ width: 1280, height: 900 });
    if (!loaded) await page.goto('/phases/why-async/');
    loaded = true;
    await expect(page.locator('html')).toHaveAttribute('data-theme', colorScheme);
    const view = page.getByRole('region', { name: 'A blocking time.sleep inside the event loop' });
    await view.scrollIntoViewIfNeeded();
    await expect(view.getByRole('table', { name: /numbers that matter/ })).toBeVisible({ timeout: 120_000 });
    // The results exist only after a run, so the site-wide axe scan never sees them: scan them here
    // (the code boxes are the site scan's business; the tables' disclosure is still closed: axe's
    // contrast rule over a hundred rows takes minutes on a busy machine).
    const violations = await axeViolations(page, { include: ['[data-name="blocked-loop"] [data-results]'] });
    expect(violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join('; ')}`)).toEqual([]);
    const tables = view.getByText('The timeline as tables');
    await tables.click();
    for (const width of [1280, 360]) {
      await page.setViewportSize({ width, height: 900 });
      await view.scrollIntoViewIfNeeded();
      await expect(view.getByRole('table', { name: /numbers that matter/ })).toBeVisible();
      await view.screenshot({ path: `tests/output/concurrency/blocked-loop-${width}-${colorScheme}.png` });
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow, `the page is wider than ${width} px`).toBeLessThanOrEqual(0);
    }
    await tables.click(); // closed again, as the next theme's scan expects
  });
}
