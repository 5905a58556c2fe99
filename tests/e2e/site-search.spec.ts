import { test, expect } from '@playwright/test';
import { watchPage } from './helpers/watch-page.ts';

test('search finds a phase by keyboard alone', async ({ page }) => {
  const watch = watchPage(page);
  await page.goto('/');
  // Tab from the top: skip link, site name, then the search link.
  for (let i = 0; i < 3; i++) await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Search' })).toBeFocused();
  await page.keyboard.press('Enter');
  const input = page.getByRole('searchbox', { name: 'Search the tutorial' });
  await expect(input).toBeFocused();
  await page.keyboard.type('start_response');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status').filter({ hasText: /\d+ results? for/ })).toBeVisible();
  const results = page.getByRole('list').filter({ has: page.locator('mark') }).getByRole('link');
  await expect(results.first()).toBeVisible();
  await expect(page).toHaveURL(/\?q=start_response/);
  await results.first().focus();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/phases\//);
  expect(watch.problems()).toEqual([]);
});

test('a search with no match says so', async ({ page }) => {
  await page.goto('/search/?q=zzqqxxnotaword');
  await expect(page.getByRole('status').filter({ hasText: 'No results for' })).toBeVisible();
});
