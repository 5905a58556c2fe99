import { test, expect } from '@playwright/test';
import { watchPage } from './helpers/watch-page.ts';

// Screenshots of the quick check and an exercise (answered and checked) at a phone and a laptop
// width in both themes, kept in tests/output/screenshots/learning-* for review.
const widths = [360, 1280];
const themes = ['light', 'dark'] as const;

for (const colorScheme of themes) {
  for (const width of widths) {
    test(`quiz and exercise at ${width} px in ${colorScheme}`, async ({ page }) => {
      test.setTimeout(120_000);
      const watch = watchPage(page);
      await page.emulateMedia({ colorScheme });
      await page.setViewportSize({ width, height: 900 });
      await page.goto('/phases/an-app-from-scratch/');
      const quiz = page.getByRole('region', { name: 'Quick check' });
      const first = quiz.getByRole('group').first();
      await first.getByRole('radio').first().check();
      await quiz.getByRole('button', { name: /Check question 1$/ }).click();
      await expect(quiz.getByRole('status').first()).toContainText(/Not quite|Right/);
      const name = `tests/output/screenshots/learning-${width}-${colorScheme}`;
      await quiz.screenshot({ path: `${name}-quiz.png` });

      const exercise = page.getByRole('region', { name: /Exercise: Greet by query parameter/ });
      await exercise.getByRole('button', { name: 'Show a hint' }).click();
      await exercise.getByRole('button', { name: 'Run checks' }).click();
      await expect(exercise.getByRole('status')).toContainText(/checks passed/, { timeout: 60_000 });
      await exercise.getByRole('button', { name: /Show the solution/ }).click();
      await exercise.getByRole('button', { name: 'Yes, show the solution' }).click();
      await exercise.screenshot({ path: `${name}-exercise.png` });
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow, `the page is wider than ${width} px`).toBeLessThanOrEqual(0);
      expect(watch.problems()).toEqual([]);
    });
  }
}
