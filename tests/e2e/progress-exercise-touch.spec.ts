import { readFileSync } from 'node:fs';
import { test, expect, type Page } from '@playwright/test';
import { watchPage } from './helpers/watch-page.ts';

// On a phone-sized touch screen the exercise edits in a plain textarea and still runs its checks.
test.use({ viewport: { width: 360, height: 740 }, hasTouch: true, isMobile: true });

const solution = readFileSync('content/phases/03-server-and-middleware/exercises/add-header/solution.py', 'utf8');

// Phase 3's two exercise tests share one page and one Python start (each had its own): the touch
// reader's add-header exercise, then phase 3's walk of progress-exercise.spec.ts (one new exercise per
// phase: the starter fails a check that names what it tests, the solution passes every check), by the
// same touch reader. Each test reads the page's problems since the test before it read them (the
// first, since the load). In order in one worker; a failed test does not skip the next, which then gets a new worker
// and page.
test.describe('phase 3 on a touch screen, one page', () => {
  test.describe.configure({ mode: 'default' });
  let page: Page;
  let watch: ReturnType<typeof watchPage>;
  let read = 0; // the problems read so far: the first test reads those of the load too
  /** The problems since the last test read them. */
  const newProblems = (since: number) => { const all = watch.problems(); read = all.length; return all.slice(since); };
  test.beforeAll(async ({ browser }) => {
    page = await browser.newPage();
    watch = watchPage(page);
    read = 0;
    await page.goto('/phases/server-and-middleware/');
  });
  test.afterAll(async () => { await page?.close(); });

  test('a touch reader edits an exercise in the plain editor and passes it', async () => {
    test.setTimeout(180_000);
    const since = read;
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
    expect(newProblems(since)).toEqual([]);
  });

  test('stream-redact: the starter fails "sends the first row before reading the last" with feedback, the solution passes all 4', async () => {
    test.setTimeout(240_000);
    const since = read;
    const exercise = page.getByRole('region', { name: /Exercise: Rewrite a streamed body/ });
    const summary = exercise.getByRole('status');
    await exercise.getByRole('button', { name: 'Run checks' }).tap();
    await expect(summary).toContainText('0 of 4 checks passed', { timeout: 120_000 });
    const failed = exercise.getByRole('listitem').filter({ hasText: 'sends the first row before reading the last' });
    await expect(failed).toContainText('Failed');
    await expect(failed).toContainText('a buffered body gives all 500 rows at once');
    await exercise.getByRole('textbox', { name: /Code of the exercise/ }).tap();
    const area = exercise.locator('textarea');
    await expect(area).toBeVisible({ timeout: 30_000 });
    await area.fill(readFileSync('content/phases/03-server-and-middleware/exercises/stream-redact/solution.py', 'utf8'));
    await exercise.getByRole('button', { name: 'Run checks' }).tap();
    await expect(summary).toContainText('All 4 checks passed', { timeout: 120_000 });
    await expect(exercise.getByRole('list', { name: /Checks of/ }).getByRole('listitem').filter({ hasText: 'Passed' })).toHaveCount(4);
    expect(newProblems(since)).toEqual([]);
  });
});
