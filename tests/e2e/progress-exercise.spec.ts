import { readFileSync } from 'node:fs';
import { test, expect } from '@playwright/test';
import { watchPage } from './helpers/watch-page.ts';

// An exercise from start to pass: the starter fails checks with expected vs actual shown; hints come
// one at a time; the solution needs a deliberate second click and is shown as a diff; the pasted
// solution passes every check, and the pass is remembered after a reload and on the landing page.
const solution = readFileSync('content/phases/02-an-app-from-scratch/exercises/greet/solution.py', 'utf8');

test('the greet exercise: starter fails, hints, solution diff, pasted solution passes and is remembered', async ({ page, context }) => {
  test.setTimeout(180_000);
  const watch = watchPage(page);
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto('/phases/an-app-from-scratch/');
  const exercise = page.getByRole('region', { name: /Exercise: Greet by query parameter/ });
  const checks = exercise.getByRole('list', { name: /Checks of/ }).getByRole('listitem');
  await expect(checks).toHaveCount(4);

  // The starter: some checks fail, each failure says what was expected and what came back.
  await exercise.getByRole('button', { name: 'Run checks' }).click();
  const summary = exercise.getByRole('status');
  await expect(summary).toContainText('1 of 4 checks passed', { timeout: 90_000 });
  const failed = checks.filter({ hasText: 'Failed' }).first();
  await expect(failed).toContainText('greets the name from the query string');
  await expect(failed.getByRole('definition').first()).toHaveText('"Hello, Ada!\\n"');
  await expect(failed.getByRole('definition').nth(1)).toHaveText('"Hello, stranger!\\n"');
  await expect(failed.getByRole('term').first()).toHaveText('expected');

  // Hints: one per click, until none are left.
  const hints = exercise.getByRole('list', { name: 'Hints' });
  await exercise.getByRole('button', { name: 'Show a hint' }).click();
  await expect(hints.getByRole('listitem')).toHaveCount(1);
  await exercise.getByRole('button', { name: 'Show another hint (2 left)' }).click();
  await expect(hints.getByRole('listitem')).toHaveCount(2);
  await exercise.getByRole('button', { name: 'Show another hint (1 left)' }).click();
  await expect(hints.getByRole('listitem')).toHaveCount(3);
  await expect(exercise.getByRole('button', { name: 'No more hints' })).toBeDisabled();

  // The solution: a first click only asks; the second shows a diff against the reader's code.
  await exercise.getByRole('button', { name: 'Show the solution…' }).click();
  const diff = exercise.getByLabel('Your code compared with the solution');
  await expect(diff).toBeHidden();
  await exercise.getByRole('button', { name: 'Yes, show the solution' }).click();
  await expect(diff).toBeVisible();
  await expect(diff).toContainText('+     query = parse_qs(environ.get("QUERY_STRING", ""))');
  await expect(diff).toContainText('−     body = b"Hello, stranger!\\n"');

  // Paste the solution into the editor and run the checks with Ctrl+Enter.
  await exercise.getByRole('textbox', { name: /Code of the exercise/ }).click();
  const editor = exercise.getByRole('textbox', { name: /Code of the exercise/ });
  await expect(editor).toBeFocused({ timeout: 30_000 });
  await page.evaluate((text) => navigator.clipboard.writeText(text), solution);
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('ControlOrMeta+V');
  await page.keyboard.press('Control+Enter');
  await expect(summary).toContainText('All 4 checks passed', { timeout: 60_000 });
  await expect(checks.filter({ hasText: 'Passed' })).toHaveCount(4);
  await expect(exercise.getByText('✓ passed')).toBeVisible();

  // Remembered: after a reload the mark and the reader's code are back; the landing page counts it.
  await page.reload();
  await expect(exercise.getByText('✓ passed')).toBeVisible();
  await expect(exercise.getByText('Showing the code you wrote last time.')).toBeVisible();
  await expect(exercise.getByRole('textbox', { name: /Code of the exercise/ })).toContainText('parse_qs(environ.get');
  await page.goto('/');
  await expect(page.locator('.phase-card[data-phase-slug="an-app-from-scratch"] .phase-progress')).toContainText('exercises 1/4');
  expect(watch.problems()).toEqual([]);
});

test('the async exercise is judged on the event-loop simulation, with its time bound', async ({ page }) => {
  test.setTimeout(180_000);
  const watch = watchPage(page);
  await page.goto('/phases/why-async/');
  const exercise = page.getByRole('region', { name: /Exercise: Don't block the loop/ });
  await exercise.getByRole('button', { name: 'Run checks' }).click();
  const summary = exercise.getByRole('status');
  await expect(summary).toContainText('1 of 2 checks passed', { timeout: 90_000 });
  const timed = exercise.getByRole('listitem').filter({ hasText: 'ten simultaneous requests' });
  await expect(timed).toContainText('Failed');
  await expect(timed).toContainText('time for all requests');
  await expect(timed).toContainText('at most 1 s');
  expect(watch.problems()).toEqual([]);
});
