import { test, expect } from '@playwright/test';
import { liveEditor, openEditor, PHASE1, typeCode } from './editor-page.ts';

test.setTimeout(420_000);

// The line Monaco marks: its gutter decoration sits in the same margin row as the line number.
async function markedLine(page: import('@playwright/test').Page, file: string): Promise<string> {
  const gutter = liveEditor(page, file).locator('.margin-view-overlays .le-error-gutter');
  await expect(gutter).toHaveCount(1);
  return gutter.evaluate((el) => el.parentElement?.querySelector('.line-numbers')?.textContent ?? '');
}

test('a syntax error marks the right line, with the message in plain words', async ({ page }) => {
  await page.goto(PHASE1);
  const editor = liveEditor(page, 'hello.py');
  const input = await openEditor(editor);
  await typeCode(page, input, 'def app(environ, start_response):\n    start_response("200 OK", [])\n    body = (b"never closed"\n\n\n    return [body]\n');
  await editor.getByRole('button', { name: 'Run' }).click();
  const card = editor.getByRole('group', { name: 'Error' });
  await expect(card).toContainText('The server could not load your app', { timeout: 180_000 });
  await expect(card).toContainText('Line 3: An opening ( on this line is never closed');
  expect(await markedLine(page, 'hello.py')).toBe('3');
  await expect(editor.locator('.le-error-after').first()).toContainText('never closed');
  // The card's button puts the cursor on that line.
  await card.getByRole('button', { name: 'Go to line 3' }).click();
  await expect(input).toBeFocused();
  await page.keyboard.type('# here ');
  // The caret was at the start of line 3: the typed text now begins that line (as saved).
  await expect.poll(() => page.evaluate(() => {
    const saved = localStorage.getItem('wsgi-ground-up:editor:/phases/what-wsgi-is:hello');
    return saved ? (JSON.parse(saved).code as string).split('\n')[2] : '';
  })).toBe('# here     body = (b"never closed"');
});

test('a traceback marks the line of the reader’s code that raised', async ({ page }) => {
  await page.goto(PHASE1);
  const editor = liveEditor(page, 'hello.py');
  const input = await openEditor(editor);
  await typeCode(page, input, 'def app(environ, start_response):\n    start_response("200 OK", [])\n    name = environ["HTTP_X_MISSING"]\n    return [name.encode()]\n');
  await editor.getByRole('button', { name: 'Run' }).click();
  const card = editor.getByRole('group', { name: 'Error' });
  await expect(card).toContainText('Your app raised an exception', { timeout: 180_000 });
  await expect(card).toContainText("Line 3: The key 'HTTP_X_MISSING' is not in the dict");
  expect(await markedLine(page, 'hello.py')).toBe('3');
  // Fixing the code clears the mark as soon as the reader types.
  await input.press('End');
  await page.keyboard.type(' ');
  await expect(editor.locator('.margin-view-overlays .le-error-gutter')).toHaveCount(0);
});

test('a broken WSGI rule is a card with the rule, the fix and the real traceback', async ({ page }) => {
  await page.goto(PHASE1);
  const editor = liveEditor(page, 'pitfall_str_body.py');
  await editor.getByRole('button', { name: 'Run' }).click();
  const card = editor.getByRole('group', { name: 'Rule broken' });
  await expect(card).toContainText('every item must be bytes', { timeout: 180_000 });
  await expect(card.getByRole('link', { name: 'PEP 3333: Unicode Issues' })).toHaveAttribute('href', 'https://peps.python.org/pep-3333/#unicode-issues');
  await expect(card).toContainText("How to fix it: Encode text before yielding it");
  await card.getByText('The real traceback').click();
  await expect(card.locator('pre')).toContainText('Traceback (most recent call last)');
  await expect(editor.locator('.le-response .le-status')).toHaveText('500 Internal Server Error');
});
