import { test, expect, type Locator } from '@playwright/test';
import { watchPage } from './helpers/watch-page.ts';
import { correctIndex } from './helpers/quiz-answers.ts';
import { asSaveDataReader } from './helpers/save-data.ts';

// A reader answers the quick check by keyboard alone: wrong first, then right; the first attempt is
// the score. After a reload the answers are still there, and the landing page shows the score.
const PAGE = '/phases/an-app-from-scratch/';

// Nothing here runs Python: the reader is on a Save-Data connection, so the page never starts it in
// the background (helpers/save-data.ts; a request for Python's files fails the test).
test.beforeEach(async ({ context }) => { await asSaveDataReader(context); });

/** Moves the selection with arrow keys from the checked (or first) radio to option `index`. */
async function choose(group: Locator, index: number) {
  const radios = group.getByRole('radio');
  const page = group.page();
  let checked = -1;
  for (let i = 0; i < (await radios.count()); i++) if (await radios.nth(i).isChecked()) checked = i;
  if (checked < 0) {
    await expect(radios.first()).toBeFocused();
    await page.keyboard.press('Space');
    checked = 0;
  }
  for (; checked < index; checked++) await page.keyboard.press('ArrowDown');
  for (; checked > index; checked--) await page.keyboard.press('ArrowUp');
  await expect(radios.nth(index)).toBeChecked();
}

test('a quiz question answered wrongly then rightly by keyboard, kept after reload and on the landing page', async ({ page }) => {
  const watch = watchPage(page);
  await page.goto(PAGE);
  const quiz = page.getByRole('region', { name: 'Quick check' });
  await expect(quiz).toHaveAttribute('data-ready', ''); // the quiz starts after the load event, options in the reader's order
  const q1 = quiz.getByRole('group', { name: /^Question 1\./ });
  const q2 = quiz.getByRole('group', { name: /^Question 2\./ });
  const right1 = await correctIndex(q1);
  const wrong1 = right1 === 0 ? 1 : 0;

  // Start with focus on the first answer; from here on, only the keyboard.
  await q1.getByRole('radio').first().focus();
  await choose(q1, wrong1);
  await page.keyboard.press('Tab');
  await expect(quiz.getByRole('button', { name: 'Check question 1' })).toBeFocused();
  await page.keyboard.press('Enter');
  const feedback1 = q1.locator('xpath=..').getByRole('status');
  await expect(feedback1).toContainText('Not quite.');
  await expect(feedback1).toHaveAttribute('aria-live', 'polite');

  // Retry: back to the group, move to the right answer, check again.
  await page.keyboard.press('Shift+Tab');
  await expect(q1.getByRole('radio').nth(wrong1)).toBeFocused();
  await choose(q1, right1);
  await page.keyboard.press('Enter'); // Enter on a radio submits its form
  await expect(feedback1).toContainText('Right.');

  // Question 2, right at the first attempt.
  await page.keyboard.press('Tab'); // the Check button of question 1
  await page.keyboard.press('Tab'); // question 2's radio group
  await choose(q2, await correctIndex(q2));
  await page.keyboard.press('Enter');
  await expect(q2.locator('xpath=..').getByRole('status')).toContainText('Right.');
  const total = await quiz.getByRole('group').count();
  await expect(quiz.getByText(`Score: 1 of ${total} right at the first attempt`)).toBeVisible();

  await page.reload();
  await expect(q1.getByRole('radio').nth(right1)).toBeChecked();
  await expect(feedback1).toContainText('Right.');
  await expect(quiz.getByText(`Score: 1 of ${total} right at the first attempt`)).toBeVisible();
  await expect(page.locator('.phase-nav li[data-phase-slug="an-app-from-scratch"] .phase-progress')).toContainText(`quiz 1/${total}`);

  // The landing page counts out of the exercises the reader finds on the phase page.
  const exercises = await page.getByRole('region', { name: /^Exercise: / }).count();
  expect(exercises).toBeGreaterThan(1);
  await page.goto('/');
  const card = page.locator('.phase-card[data-phase-slug="an-app-from-scratch"]');
  await expect(card.locator('.phase-progress')).toHaveText(`Opened · quiz 1/${total} · exercises 0/${exercises}`);
  await expect(page.getByRole('link', { name: /Continue where you left off, phase 2/ })).toBeVisible();
  expect(watch.problems()).toEqual([]);
});

test('a storage that refuses every write still gives feedback and says progress will not be kept', async ({ page }) => {
  const watch = watchPage(page);
  await page.addInitScript(() => {
    Storage.prototype.setItem = () => { throw new DOMException('quota', 'QuotaExceededError'); };
  });
  await page.goto(PAGE);
  const quiz = page.getByRole('region', { name: 'Quick check' });
  await expect(quiz).toHaveAttribute('data-ready', ''); // the quiz starts after the load event, options in the reader's order
  const q1 = quiz.getByRole('group', { name: /^Question 1\./ });
  await q1.getByRole('radio').nth(await correctIndex(q1)).check();
  await quiz.getByRole('button', { name: 'Check question 1' }).click();
  await expect(q1.locator('xpath=..').getByRole('status')).toContainText('Right.');
  await expect(quiz.getByRole('note')).toContainText('kept only until you leave the page');
  // The exercises on the page say so too, beside the work they would lose.
  await expect(page.getByRole('region', { name: /Exercise: Greet by query parameter/ }).getByRole('note')).toContainText('storage for this site is full');
  expect(watch.problems()).toEqual([]);
});
