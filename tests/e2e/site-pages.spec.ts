import { test, expect } from '@playwright/test';
import { seriousViolations } from './helpers/axe.ts';
import { builtPages } from './helpers/pages.ts';
import { watchPage } from './helpers/watch-page.ts';

// Every built page, in both themes: loads cleanly from this origin only, has the
// landmarks and a single h1, and passes axe-core without serious or critical findings.
const pages = [...builtPages(), '/no-such-page/'];

for (const path of pages) {
  for (const colorScheme of ['light', 'dark'] as const) {
    test(`${path} in ${colorScheme}: clean load, one h1, landmarks, axe`, async ({ page }) => {
      const watch = watchPage(page, { allowStatus: ['/no-such-page/'] });
      await page.emulateMedia({ colorScheme });
      const response = await page.goto(path);
      expect(response?.status()).toBe(path === '/no-such-page/' ? 404 : 200);
      await expect(page.locator('html')).toHaveAttribute('lang', 'en');
      await expect(page.locator('html')).toHaveAttribute('data-theme', colorScheme);
      await expect(page.locator('h1')).toHaveCount(1);
      await expect(page.getByRole('banner')).toHaveCount(1);
      await expect(page.getByRole('main')).toHaveCount(1);
      await expect(page.getByRole('contentinfo')).toHaveCount(1);
      await expect(page.getByRole('link', { name: 'Skip to content' })).toHaveAttribute('href', '#main');
      expect(await seriousViolations(page)).toEqual([]);
      expect(watch.problems()).toEqual([]);
    });
  }
}

test('an unknown address shows the 404 page with ways back in', async ({ page }) => {
  const response = await page.goto('/phases/no-such-phase/');
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page not found');
  await expect(page.getByRole('link', { name: 'The overview' })).toHaveAttribute('href', '/');
  await expect(page.getByRole('main').getByRole('link', { name: /^Phase 1:/ })).toBeVisible();
});

for (const path of builtPages().filter((p) => p.startsWith('/phases/'))) {
  test(`${path} does not shift its layout while loading`, async ({ page }) => {
    await page.addInitScript(() => {
      (window as any).__shift = 0;
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries() as any[]) if (!entry.hadRecentInput) (window as any).__shift += entry.value;
      }).observe({ type: 'layout-shift', buffered: true });
    });
    await page.goto(path);
    // Scroll through the page so lazy diagrams load: their width/height must hold their place.
    await page.evaluate(async () => {
      for (let y = 0; y < document.body.scrollHeight; y += innerHeight) {
        scrollTo(0, y);
        await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
      }
    });
    await page.waitForLoadState('networkidle');
    expect(await page.evaluate(() => (window as any).__shift)).toBeLessThan(0.01);
  });
}
