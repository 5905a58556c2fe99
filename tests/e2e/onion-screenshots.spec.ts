import { test, expect } from '@playwright/test';
import { distDir, serveStatic, type StaticServer } from './runtime-server.ts';

// Screenshots of the Onion tab (phase 3's timing pitfall, stepped to the timing layer's return) at
// a laptop and a phone width in both themes, for review: tests/output/onion/. The page must not
// scroll sideways at 360 px. One page load and one Python per theme: the views are run and stepped
// at 1280 px, then the window narrows to 360 px (the layout is CSS; nothing is decided at load by width).
const PORT = Number(process.env.ONION_SHOTS_PORT ?? 4595);
const BASE = `http://127.0.0.1:${PORT}`;

test.use({ baseURL: BASE });
// One worker for the file (its server has one fixed port); a failed theme does not skip the other.
test.describe.configure({ mode: 'default' });
let server: StaticServer;
test.beforeAll(async () => { server = await serveStatic(distDir, PORT, true); });
test.afterAll(async () => { await new Promise((done) => server?.close(done)); });

for (const colorScheme of ['light', 'dark'] as const) {
  test(`the onion at 1280 and 360 px in ${colorScheme}`, async ({ page }) => {
    test.setTimeout(300_000);
    await page.emulateMedia({ colorScheme, reducedMotion: 'reduce' });
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto('/phases/server-and-middleware/');
    const view = page.getByRole('region', { name: /onion_trace\.py/ });
    await view.scrollIntoViewIfNeeded();
    await view.getByRole('button', { name: 'Run', exact: true }).click();
    const stage = view.getByRole('group', { name: /The onion, step by step/ });
    await expect(stage).toBeVisible({ timeout: 180_000 });
    await stage.focus();
    for (let i = 0; i < 4; i += 1) await page.keyboard.press('ArrowRight');
    await expect(stage.locator('.onion-ring.is-in')).toHaveCount(1);
    const pitfall = page.getByRole('region', { name: /pitfall_timing_on_return\.py/ });
    await pitfall.scrollIntoViewIfNeeded();
    await pitfall.getByRole('button', { name: 'Run', exact: true }).click();
    const steps = pitfall.getByRole('group', { name: /The onion, step by step/ });
    await expect(steps).toBeVisible({ timeout: 180_000 });
    await steps.focus();
    // Step to the timing layer's return: the moment its clock stops, before the body exists.
    for (let i = 0; i < 20 && !(await steps.textContent())?.includes('timing returns'); i += 1) await page.keyboard.press('ArrowRight');
    await expect(steps).toContainText('timing returns');
    for (const width of [1280, 360]) {
      await page.setViewportSize({ width, height: 900 });
      await expect(stage.locator('.onion-ring.is-in')).toHaveCount(1);
      await view.scrollIntoViewIfNeeded();
      await view.screenshot({ path: `tests/output/onion/onion-trace-${width}-${colorScheme}.png` });
      await expect(steps).toContainText('timing returns');
      await pitfall.scrollIntoViewIfNeeded();
      await pitfall.locator('.onion').screenshot({ path: `tests/output/onion/pitfall-${width}-${colorScheme}.png` });
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow, `the page is wider than ${width} px`).toBeLessThanOrEqual(0);
    }
  });
}
