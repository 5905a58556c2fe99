import { readFileSync } from 'node:fs';
import { test, expect } from '@playwright/test';
import { watchPage } from './helpers/watch-page.ts';

// Export, reset (which asks first) and import (which lists what it changes and asks first) on the landing page.
test('progress exports to a file, resets only after confirming, and imports back', async ({ page }) => {
  const watch = watchPage(page);
  await page.goto('/');
  await page.evaluate(() => localStorage.setItem('wsgi-ground-up:progress', JSON.stringify({
    'what-wsgi-is': { visited: true, quiz: { 'p1-what-wsgi-is': { first: 1, firstCorrect: true, last: 1, lastCorrect: true } }, exercises: {} },
  })));
  await page.reload();
  const card = page.locator('.phase-card[data-phase-slug="what-wsgi-is"] .phase-progress');
  await expect(card).toContainText('quiz 1/');

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export progress' }).click()]);
  expect(download.suggestedFilename()).toMatch(/^wsgi-progress-\d{4}-\d{2}-\d{2}\.json$/);
  const file = await download.path();
  const exported = JSON.parse(readFileSync(file, 'utf8'));
  expect(Object.keys(exported.entries)).toContain('wsgi-ground-up:progress');

  // Reset asks first; keeping changes nothing.
  await page.getByRole('button', { name: 'Reset progress…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Reset your progress?' });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Keep my progress' }).click();
  await expect(dialog).toBeHidden();
  await expect(card).toContainText('quiz 1/');
  await page.getByRole('button', { name: 'Reset progress…' }).click();
  await dialog.getByRole('button', { name: 'Reset' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Progress reset' })).toBeVisible();
  await page.waitForURL('/');
  await expect(card).toHaveText('Not started');

  // Import brings it back, after listing what it changes.
  await page.getByText('Import progress').setInputFiles(file);
  const confirm = page.getByRole('dialog', { name: 'Import this progress file?' });
  await expect(confirm.getByRole('listitem').filter({ hasText: 'Quiz answers and passed exercises' })).toBeVisible();
  await confirm.getByRole('button', { name: 'Import' }).click();
  await expect(page.getByRole('status').filter({ hasText: /Imported \d+ saved items/ })).toBeVisible();
  await expect(card).toContainText('quiz 1/', { timeout: 10_000 });
  expect(watch.problems()).toEqual([]);
});
