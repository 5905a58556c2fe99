import { test, expect } from '@playwright/test';
import { liveEditor, openEditor, PHASE1 } from './editor-page.ts';

// Screenshots of a LiveEditor with its results open, desktop and phone width, both themes, for review
// (tests/output/screenshots/editor-*.png). Each checks what a reader would: the results rendered, the
// chosen tab shows its panel, and the page does not scroll sideways at that width. One page load and
// one Python per theme: the window is 1280 px, then narrows to 360 px (the layout is CSS; the touch
// editor is chosen by the pointer, not the width).
test.setTimeout(420_000);

const WIDTHS = [1280, 360];

for (const colorScheme of ['light', 'dark'] as const) {
  test(`editor with results at 1280 and 360 px in ${colorScheme}`, async ({ page }) => {
    await page.setViewportSize({ width: WIDTHS[0], height: 900 });
    await page.emulateMedia({ colorScheme });
    await page.goto(PHASE1);
    const editor = liveEditor(page, 'pitfall_start_response_twice.py');
    for (const width of WIDTHS) {
      await page.setViewportSize({ width, height: 900 });
      await editor.scrollIntoViewIfNeeded();
      await page.screenshot({ path: `tests/output/screenshots/editor-static-${width}-${colorScheme}.png` });
    }
    await page.setViewportSize({ width: WIDTHS[0], height: 900 });
    await openEditor(editor);
    await editor.getByRole('button', { name: 'Run' }).click();
    await expect(editor.getByRole('group', { name: 'Rule broken' })).toBeVisible({ timeout: 180_000 });
    await editor.getByRole('tab', { name: 'Environ' }).click();
    for (const width of WIDTHS) {
      await page.setViewportSize({ width, height: 900 });
      await expect(editor.getByRole('tabpanel')).toBeVisible();
      await editor.screenshot({ path: `tests/output/screenshots/editor-results-${width}-${colorScheme}.png` });
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow, `the page is wider than ${width} px with the results open`).toBeLessThanOrEqual(0);
    }
  });
}

for (const colorScheme of ['light', 'dark'] as const) {
  test(`playground with results at 1280 and 360 px in ${colorScheme}`, async ({ page }) => {
    await page.setViewportSize({ width: WIDTHS[0], height: 1000 });
    await page.emulateMedia({ colorScheme });
    await page.goto('/playground/?timeLimit=30000');
    await page.getByRole('button', { name: 'Run' }).click();
    await expect(page.getByLabel('Response body')).toHaveText('Hello, Ada!', { timeout: 180_000 });
    for (const width of WIDTHS) {
      await page.setViewportSize({ width, height: 1000 });
      await expect(page.getByLabel('Response body')).toHaveText('Hello, Ada!');
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
      await page.screenshot({ path: `tests/output/screenshots/playground-${width}-${colorScheme}.png`, fullPage: true });
    }
  });
}
