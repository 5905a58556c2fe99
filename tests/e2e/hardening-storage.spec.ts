import { test, expect, type Page } from '@playwright/test';
import { watchPage } from './helpers/watch-page.ts';
import { liveEditor, openEditor, PHASE1, typeCode } from './editor-page.ts';
import { correctIndex } from './helpers/quiz-answers.ts';

// The reader's work survives what can go wrong around it: reloads, a Python worker that had to be
// killed, leaving the page and coming back; and where storage is full or disabled, the page says so
// and nothing on screen is lost.
test.setTimeout(240_000);

// A runaway app whose bare except swallows KeyboardInterrupt: the runtime must kill the worker.
const KILLER = 'def app(environ, start_response):\n    while True:\n        try:\n            while True:\n                pass\n        except BaseException:\n            pass\n';

/** Answer question 1 of the page's quick check correctly and check it. */
async function answerFirstQuestion(page: Page) {
  const quiz = page.getByRole('region', { name: 'Quick check' });
  const q1 = quiz.getByRole('group', { name: /^Question 1\./ });
  await q1.getByRole('radio').nth(await correctIndex(q1)).check();
  await quiz.getByRole('button', { name: 'Check question 1' }).click();
  await expect(q1.locator('xpath=..').getByRole('status')).toContainText('Right.');
  return q1;
}

// The killer only has to outlast its time limit: the reader's default (5 s), not PHASE1's 30 s for slow first runs.
const PHASE1_READER_LIMIT = PHASE1.split('?')[0];

test('edits, the request and quiz progress survive a killed worker, navigation and reload', async ({ page }) => {
  const watch = watchPage(page);
  await page.goto(PHASE1_READER_LIMIT);
  const editor = liveEditor(page, 'hello.py');
  const input = await openEditor(editor);
  await typeCode(page, input, KILLER);
  await editor.getByText('Request:').click();
  await editor.getByLabel('Method').selectOption('POST');
  await editor.getByLabel('Path and query').fill('/kept?after=crash');
  await answerFirstQuestion(page);

  await editor.getByRole('button', { name: /^Run/ }).click();
  await expect(editor.getByText(/Python was restarted/)).toBeVisible({ timeout: 120_000 });
  await expect(editor.locator('[data-code-host]')).toContainText('except BaseException');

  await page.getByRole('link', { name: /^Next: phase 2/ }).click();
  await expect(page.getByText(/^Phase 2 of \d/)).toBeVisible();
  await page.goBack();
  await page.reload();
  const again = liveEditor(page, 'hello.py');
  await expect(again.locator('[data-code-host]')).toContainText('except BaseException');
  await expect(again.getByText('Request: POST /kept?after=crash')).toBeVisible();
  const q1 = page.getByRole('region', { name: 'Quick check' }).getByRole('group', { name: /^Question 1\./ });
  await expect(q1.locator('xpath=..').getByRole('status')).toContainText('Right.');
  expect(watch.problems()).toEqual([]);
});

for (const variant of [
  { name: 'full (every write throws QuotaExceededError)', init: () => {
    Storage.prototype.setItem = () => { throw new DOMException('quota', 'QuotaExceededError'); };
  } },
  { name: 'disabled (reading localStorage throws)', init: () => {
    Object.defineProperty(window, 'localStorage', { configurable: true, get() { throw new DOMException('denied', 'SecurityError'); } });
  } },
]) {
  test(`storage ${variant.name}: a notice, and nothing on screen is lost`, async ({ page }) => {
    const watch = watchPage(page);
    await page.addInitScript(variant.init);
    await page.goto(PHASE1);
    const editor = liveEditor(page, 'hello.py');
    const input = await openEditor(editor);
    await typeCode(page, input, 'def app(environ, start_response):\n    start_response("200 OK", [])\n    return [b"not stored, still here"]\n');
    await expect(editor.getByText(/Your edits cannot be saved in this browser/)).toBeVisible({ timeout: 10_000 });
    await expect(editor.locator('.view-lines')).toContainText('not stored, still here');
    await editor.getByRole('button', { name: /^Run/ }).click();
    await expect(editor.getByLabel('Response body')).toHaveText('not stored, still here', { timeout: 120_000 });
    const q1 = await answerFirstQuestion(page);
    await expect(page.getByRole('region', { name: 'Quick check' }).getByRole('note')).toContainText('kept only until you leave the page');
    await expect(q1.getByRole('radio', { checked: true })).toHaveCount(1);
    await expect(editor.locator('.view-lines')).toContainText('not stored, still here');
    expect(watch.problems()).toEqual([]);
  });
}
