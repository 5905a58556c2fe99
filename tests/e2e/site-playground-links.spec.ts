import { test, expect } from '@playwright/test';

// The playground is reachable: from the banner of every page, and from each phase where a reader
// would want to try an app of their own.
const PAGES = ['/', '/phases/what-wsgi-is/', '/phases/an-app-from-scratch/', '/phases/server-and-middleware/',
  '/phases/why-async/', '/reference/', '/search/', '/playground/'];

for (const path of PAGES) {
  test(`the banner links to the playground on ${path}`, async ({ page }) => {
    await page.goto(path);
    const link = page.getByRole('banner').getByRole('link', { name: 'Playground' });
    await expect(link).toHaveAttribute('href', '/playground/');
  });
}

test('each phase links to the playground from its lesson, and the link opens it', async ({ page }) => {
  for (const path of PAGES.filter((p) => p.startsWith('/phases/'))) {
    await page.goto(path);
    await expect(page.getByRole('main').getByRole('link', { name: 'playground' }).first()).toHaveAttribute('href', '/playground/');
  }
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
