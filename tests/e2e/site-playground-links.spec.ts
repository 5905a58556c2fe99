import { test, expect } from '@playwright/test';
import { asSaveDataReader } from './helpers/save-data.ts';

// The playground is reachable: from the banner of every page, and from each phase where a reader
// would want to try an app of their own.
const PAGES = ['/', '/phases/what-wsgi-is/', '/phases/an-app-from-scratch/', '/phases/server-and-middleware/',
  '/phases/why-async/', '/reference/', '/search/', '/playground/'];

// Save-Data readers: these pages never start Python by themselves (nothing here runs code; a request for
// Python's files fails the test), which a page load per check used to do in the background.
test.beforeEach(async ({ context }) => { await asSaveDataReader(context); });

// One page load per page for both links (the phase pages' lesson link is checked on the same load);
// soft expectations, so every page whose link is missing is named, not only the first.
test(`the banner links to the playground on every page, and each phase from its lesson; the link opens it (${PAGES.join(' ')})`, async ({ page }) => {
  // The phases last: the link of the last one is then followed without another load.
  for (const path of [...PAGES.filter((p) => !p.startsWith('/phases/')), ...PAGES.filter((p) => p.startsWith('/phases/'))]) {
    await page.goto(path);
    const link = page.getByRole('banner').getByRole('link', { name: 'Playground' });
    await expect.soft(link, `the banner links to the playground on ${path}`).toHaveAttribute('href', '/playground/');
    if (path.startsWith('/phases/')) {
      await expect.soft(page.getByRole('main').getByRole('link', { name: 'playground' }).first(), `${path} links to the playground from its lesson`).toHaveAttribute('href', '/playground/');
    }
  }
  expect(test.info().errors, 'a page above lacks a playground link').toEqual([]);
  await page.getByRole('main').getByRole('link', { name: 'playground' }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: 'Playground' })).toBeVisible();
});

test('the banner fits a phone with the playground link in it', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await page.goto('/phases/what-wsgi-is/');
  const banner = page.getByRole('banner');
  const width = await banner.evaluate((el) => el.scrollWidth);
  expect(width).toBeLessThanOrEqual(360);
  await expect(banner.getByRole('link', { name: 'Playground' })).toBeInViewport();
  await page.screenshot({ path: test.info().outputPath('banner-360.png'), clip: { x: 0, y: 0, width: 360, height: 120 } });
});
