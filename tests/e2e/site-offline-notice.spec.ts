import { test, expect, type Page } from '@playwright/test';
import { asSaveDataReader } from './helpers/save-data.ts';

// Save-Data readers: their pages never start Python by themselves (no check here runs code, and a request
// for Python's files fails the test); an ordinary reader's page starts it in the background once an editor
// comes into view, seconds of CPU per page load that nothing here reads.
test.beforeEach(async ({ context }) => { await asSaveDataReader(context); });

// The service worker's notice ("works offline now", "you are offline", "an update is ready") must never
// cover content: not the lesson the reader is reading, not a check result or a response body. It sits
// in the page's flow, after the footer, where it is read when the reader gets there (and announced).

/** Every point of the viewport's bottom band whose topmost element is the notice. */
function coveredPoints(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const notice = document.querySelector('[data-offline-notice]')!;
    const found: string[] = [];
    for (let y = innerHeight - 4; y > innerHeight - 160; y -= 12) {
      for (let x = 4; x < innerWidth; x += 24) {
        const el = document.elementFromPoint(x, y);
        if (el && notice.contains(el)) found.push(`${x},${y}`);
      }
    }
    return found;
  });
}

for (const viewport of [{ width: 1280, height: 800 }, { width: 360, height: 740 }]) {
  test(`the offline notice covers nothing (${viewport.width} px)`, async ({ page, context }) => {
    await page.setViewportSize(viewport);
    await page.goto('/phases/an-app-from-scratch/');
    // Mid-page, with an exercise's checks in view: where a floating notice would sit on them.
    const checks = page.getByRole('list', { name: /Checks of Echo a POST body/ });
    await checks.scrollIntoViewIfNeeded();
    await page.evaluate(() => scrollBy(0, -innerHeight / 2));
    await context.setOffline(true);
    const notice = page.getByRole('status').filter({ hasText: 'You are offline' });
    await expect(notice).toHaveCount(1);
    expect(await coveredPoints(page)).toEqual([]);

    // At the end of the page it is there to read, below the footer, overlapping nothing.
    await notice.scrollIntoViewIfNeeded();
    await expect(notice).toBeInViewport();
    const box = (await notice.boundingBox())!;
    const footer = (await page.locator('.site-footer').boundingBox())!;
    expect(box.y).toBeGreaterThanOrEqual(footer.y + footer.height - 1);
    await page.screenshot({ path: test.info().outputPath(`offline-notice-${viewport.width}.png`) });
    await context.setOffline(false);
  });
}
