import { test, expect } from '@playwright/test';
import { builtPages, pageLabel } from './helpers/pages.ts';
import { watchPage } from './helpers/watch-page.ts';

// Screenshots of every page at a phone and a laptop width in both themes, kept in tests/output/ for review.
const widths = [360, 1280];
const themes = ['light', 'dark'] as const;

for (const path of builtPages()) {
  for (const colorScheme of themes) {
    test(`screenshots of ${path} in ${colorScheme}`, async ({ page }) => {
      const watch = watchPage(page);
      await page.emulateMedia({ colorScheme });
      for (const width of widths) {
        await page.setViewportSize({ width, height: 900 });
        await page.goto(path);
        await expect(page.locator('html')).toHaveAttribute('data-theme', colorScheme);
        const name = `tests/output/screenshots/${pageLabel(path)}-${width}-${colorScheme}`;
        await page.screenshot({ path: `${name}.png`, fullPage: true });
        await page.screenshot({ path: `${name}-top.png` });
        // No horizontal scrolling at any width: the page fits the viewport.
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        expect(overflow, `${path} is wider than ${width} px`).toBeLessThanOrEqual(0);
      }
      expect(watch.problems()).toEqual([]);
    });
  }
}
