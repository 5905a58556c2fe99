import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { test, expect, type Page } from '@playwright/test';
import { watchPage } from './helpers/watch-page.ts';

// Phase 4's exercises answer each likely mistake with the broken ASGI rule or the exception, in the
// reader's words, never a bare "500 Internal Server Error" (tests/content/exercise_mistakes.yaml
// lists the mistakes and the words; stage 38 judges them in Pyodide, this in the page).
const mistakes = (parse(readFileSync('tests/content/exercise_mistakes.yaml', 'utf8')) as { exercise: string; file: string; shows: string }[])
  .filter((m) => m.exercise.startsWith('04-why-async/'));
const TITLES: Record<string, RegExp> = { 'asgi-greeter': /Exercise: The greeter in ASGI/, 'non-blocking': /Exercise: Don.t block the loop/ };

// The phase 4 exercises share one page and one Python start: the countdown walked from its starter to
// its solution, the mistakes, and last the async exercise's starter with its time bound. Before code
// is pasted into or run in an exercise that has already run, the reader resets it to the starter
// (the summary says so), so the "checks passed" waited for below is the new run's.
test.describe.configure({ mode: 'serial', timeout: 180_000 });
let page: Page;
/** Watches the page from its load to the end of the file (the two tests that had a page of their own check it). */
let loadWatch: ReturnType<typeof watchPage>;
test.beforeAll(async ({ browser }) => {
  const context = await browser.newContext();
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  page = await context.newPage();
  loadWatch = watchPage(page);
  await page.goto('/phases/why-async/');
});
test.afterAll(async () => { await page?.context().close(); });

// Phase 4's walk of progress-exercise.spec.ts (one new exercise per phase), on this page.
test('asgi-countdown: the starter fails "the first number arrives at once" with feedback, the solution passes all 3', async () => {
  test.setTimeout(240_000);
  const exercise = page.getByRole('region', { name: /Exercise: Stream a countdown/ });
  const summary = exercise.getByRole('status');
  await exercise.getByRole('button', { name: 'Run checks' }).click();
  await expect(summary).toContainText('2 of 3 checks passed', { timeout: 120_000 });
  const failed = exercise.getByRole('listitem').filter({ hasText: 'the first number arrives at once' });
  await expect(failed).toContainText('Failed');
  await expect(failed).toContainText('within 0.1 s of the request');
  const editor = exercise.getByRole('textbox', { name: /Code of the exercise/ });
  await editor.click();
  await expect(editor).toBeFocused({ timeout: 30_000 });
  await page.evaluate((text) => navigator.clipboard.writeText(text), readFileSync('content/phases/04-why-async/exercises/asgi-countdown/solution.py', 'utf8'));
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('ControlOrMeta+V');
  await page.keyboard.press('Control+Enter');
  await expect(summary).toContainText('All 3 checks passed', { timeout: 120_000 });
  await expect(exercise.getByRole('list', { name: /Checks of/ }).getByRole('listitem').filter({ hasText: 'Passed' })).toHaveCount(3);
  expect(loadWatch.problems()).toEqual([]);
});

for (const mistake of mistakes) {
  const name = mistake.exercise.split('/').pop()!;
  test(`${name}: ${mistake.file.split('/').pop()} is told "${mistake.shows.slice(0, 50)}"`, async () => {
    const watch = watchPage(page);
    const exercise = page.getByRole('region', { name: TITLES[name] });
    const ran = (await exercise.getByRole('status').count()) > 0; // an empty summary is hidden: no run yet
    if (ran) {
      await exercise.getByRole('button', { name: 'Reset to the starter' }).click();
      await expect(exercise.getByRole('status')).toContainText('The code is back to the starter.');
    }
    // The first time a click opens the editor; once open, the reader goes back into it.
    const code = exercise.getByRole('textbox', { name: /Code of the exercise/ });
    if (ran) await code.focus(); else await code.click();
    await expect(exercise.getByRole('textbox', { name: /Code of the exercise/ })).toBeFocused({ timeout: 30_000 });
    await page.evaluate((text) => navigator.clipboard.writeText(text), readFileSync(`tests/content/${mistake.file}`, 'utf8'));
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.press('ControlOrMeta+V');
    await page.keyboard.press('Control+Enter');
    await expect(exercise.getByRole('status')).toContainText(/checks? passed/, { timeout: 120_000 });
    await expect(exercise).toContainText(mistake.shows);
    await expect(exercise).not.toContainText(/^500 Internal Server Error$/m);
    expect(watch.problems()).toEqual([]);
  });
}

test('the threads example says what the page can show, with real gunicorn gthread output beside it', async () => {
  // The page's Python cannot start threads, so its run says MainThread; the prose explains why and
  // quotes the measured gthread run, where each slow request had its own pool thread.
  await expect(page.getByText(/Run it here and it answers `?Served by thread MainThread/)).toBeVisible();
  await expect(page.locator('main')).toContainText('--worker-class gthread --threads 4');
  await expect(page.locator('main')).toContainText(/Served by thread ThreadPoolExecutor-0_\d; multithread=True/);
});

// Last, on the exercise the mistakes above were pasted into: the reader resets it to the starter
// (when it has run), and the starter's checks run again from there.
test('the async exercise is judged on the event-loop simulation, with its time bound', async () => {
  const exercise = page.getByRole('region', { name: /Exercise: Don't block the loop/ });
  const summary = exercise.getByRole('status');
  if ((await summary.count()) > 0) { // an empty summary is hidden: no run yet
    await exercise.getByRole('button', { name: 'Reset to the starter' }).click();
    await expect(summary).toContainText('The code is back to the starter.');
  }
  await exercise.getByRole('button', { name: 'Run checks' }).click();
  await expect(summary).toContainText('1 of 2 checks passed', { timeout: 90_000 });
  const timed = exercise.getByRole('listitem').filter({ hasText: 'ten simultaneous requests' });
  await expect(timed).toContainText('Failed');
  await expect(timed).toContainText('time for all requests');
  await expect(timed).toContainText('at most 1 s');
  expect(loadWatch.problems()).toEqual([]);
});
