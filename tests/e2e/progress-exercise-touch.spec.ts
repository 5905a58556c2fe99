import { readFileSync } from 'node:fs';
import { test, expect } from '@playwright/test';
import { watchPage } from './helpers/watch-page.ts';

// On a phone-sized touch screen the exercise edits in a plain textarea and still runs its checks.
test.use({ viewport: { width: 360, height: 740 }, hasTouch: true, isMobile: true });

const solution = readFileSync('content/phases/03-server-and-middleware/exercises/add-header/solution.py', 'utf8');

test('a touch reader edits an exercise in the plain editor and passes it', async ({ page }) => {
  test.setTimeout(180_000);
  const watch = watchPage(page);
  await page.goto('/phases/server-and-middleware/');
  const exercise = page.getByRole('region', { name: /Exercise: A middleware that adds a header/ });
  await exercise.getByRole('textbox', { name: /Code of the exercise/ }).tap();
  const area = exercise.locator('textarea');
  await expect(area).toBeVisible({ timeout: 30_000 });
  for (const [name, value] of [['autocorrect', 'off'], ['autocapitalize', 'off'], ['spellcheck', 'false']]) {
    await expect(area).toHaveAttribute(name, value);
  }
  await area.fill(solution);
  await exercise.getByRole('button', { name: 'Run checks' }).tap();
  await expect(exercise.getByRole('status')).toContainText('All 3 checks passed', { timeout: 90_000 });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  expect(watch.problems()).toEqual([]);
});
