import { test, expect, type Page } from '@playwright/test';
import { watchPage } from './helpers/watch-page.ts';
import { asSaveDataReader } from './helpers/save-data.ts';

// Screenshots of the quick check and an exercise (answered and checked) at a phone and a laptop
// width in both themes, kept in tests/output/screenshots/learning-* for review; each test also checks
// what the screenshot shows a reader (the answer's verdict, the checks passed, the progress counts,
// no sideways scrolling). The quiz and exercise are answered and checked once (one page load, one
// Python), then shot at each width in one theme; the next theme switches the page in place (the site
// follows the system theme live, src/components/theme.ts) and shoots and checks it again. The tests run
// in one worker, one after the other; a failed theme does not skip the next, which then loads its own page.
const widths = [360, 1280];
const themes = ['light', 'dark'] as const;

test.describe.configure({ mode: 'default' });
let page: Page;
let watch: ReturnType<typeof watchPage> | undefined; // set once the page is loaded, answered and checked
test.beforeAll(async ({ browser }) => { page = await browser.newPage(); });
test.afterAll(async () => { await page?.context().close(); });

for (const colorScheme of themes) {
  test(`quiz and exercise at ${widths.join(' and ')} px in ${colorScheme}`, async () => {
    test.setTimeout(240_000);
    await page.emulateMedia({ colorScheme });
    const quiz = page.getByRole('region', { name: 'Quick check' });
    const exercise = page.getByRole('region', { name: /Exercise: Greet by query parameter/ });
    if (!watch) {
      watch = watchPage(page);
      await page.setViewportSize({ width: widths[0], height: 900 });
      await page.goto('/phases/an-app-from-scratch/');
      const first = quiz.getByRole('group').first();
      await first.getByRole('radio').first().check();
      await quiz.getByRole('button', { name: /Check question 1$/ }).click();
      await expect(quiz.getByRole('status').first()).toContainText(/Not quite|Right/);
      await exercise.getByRole('button', { name: 'Show a hint' }).click();
      await exercise.getByRole('button', { name: 'Run checks' }).click();
      await expect(exercise.getByRole('status')).toContainText(/checks passed/, { timeout: 120_000 });
      await exercise.getByRole('button', { name: /Show the solution/ }).click();
      await exercise.getByRole('button', { name: 'Yes, show the solution' }).click();
    }
    await expect(page.locator('html')).toHaveAttribute('data-theme', colorScheme);
    for (const width of widths) {
      await page.setViewportSize({ width, height: 900 });
      const name = `tests/output/screenshots/learning-${width}-${colorScheme}`;
      await expect(quiz.getByRole('status').first()).toContainText(/Not quite|Right/);
      await quiz.screenshot({ path: `${name}-quiz.png` });
      await quiz.getByRole('heading', { name: 'Quick check' }).evaluate((el) => el.scrollIntoView());
      await page.screenshot({ path: `${name}-quiz-view.png` });
      await expect(exercise.getByRole('status')).toContainText(/checks passed/);
      await exercise.screenshot({ path: `${name}-exercise.png` });
      await exercise.getByRole('heading').evaluate((el) => el.scrollIntoView());
      await page.screenshot({ path: `${name}-exercise-view.png` });
      await exercise.getByRole('list', { name: 'Hints' }).evaluate((el) => el.scrollIntoView());
      await page.screenshot({ path: `${name}-exercise-checks-view.png` });
      // No horizontal scrolling: name the elements that stick out if any do.
      const wide = await page.evaluate(() => {
        const limit = document.documentElement.clientWidth;
        return [...document.querySelectorAll('body *')]
          .filter((el) => el.getBoundingClientRect().right > limit + 1 && !el.closest('pre, .exercise-code, [data-diff]'))
          .slice(0, 5).map((el) => `${el.tagName.toLowerCase()}.${[...el.classList].join('.')} right=${Math.round(el.getBoundingClientRect().right)}`);
      });
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow, `the page is wider than ${width} px: ${wide.join(', ')}`).toBeLessThanOrEqual(0);
    }
    expect(watch.problems()).toEqual([]);
  });
}

for (const colorScheme of themes) {
  test(`progress on the landing page and in the phase nav in ${colorScheme}`, async ({ page }) => {
    // Nothing here runs: phase 2's page must not start Python by itself (helpers/save-data.ts).
    await asSaveDataReader(page.context());
    const watch = watchPage(page);
    await page.emulateMedia({ colorScheme });
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto('/');
    await page.evaluate(() => localStorage.setItem('wsgi-ground-up:progress', JSON.stringify({
      'what-wsgi-is': { visited: true, quiz: { 'p1-what-wsgi-is': { first: 1, firstCorrect: true, last: 1, lastCorrect: true } }, exercises: {} },
      'an-app-from-scratch': { visited: true, quiz: {}, exercises: { greet: { passed: true, at: '2026-11-21T12:00:00Z' } } },
    })));
    await page.reload();
    // What the screenshots show: each phase card counts the kept progress.
    await expect(page.locator('.phase-card[data-phase-slug="what-wsgi-is"] .phase-progress')).toContainText(/quiz 1\/\d+/);
    await expect(page.locator('.phase-card[data-phase-slug="an-app-from-scratch"] .phase-progress')).toContainText(/exercises 1\/\d+/);
    const name = `tests/output/screenshots/learning-progress-${colorScheme}`;
    await page.getByRole('heading', { name: 'Four phases and a capstone' }).evaluate((el) => el.scrollIntoView());
    await page.screenshot({ path: `${name}-landing.png` });
    await page.getByRole('heading', { name: 'Your progress' }).evaluate((el) => el.scrollIntoView());
    await page.screenshot({ path: `${name}-tools.png` });
    await page.goto('/phases/an-app-from-scratch/');
    await expect(page.locator('.phase-nav li[data-phase-slug="what-wsgi-is"] .phase-progress')).toContainText(/quiz 1\/\d+/);
    await page.screenshot({ path: `${name}-nav.png` });
    await page.setViewportSize({ width: 360, height: 900 });
    await page.screenshot({ path: `${name}-nav-360.png` });
    expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
    expect(watch.problems()).toEqual([]);
  });
}
