import { test, expect } from '@playwright/test';
import { watchPage } from './helpers/watch-page.ts';
import { liveEditor, openEditor, PHASE1, runAndReadStatus, typeCode } from './editor-page.ts';

test.setTimeout(420_000);

// A reader edits an example, runs it with the button and with Ctrl+Enter, and reads the response.
test('type code, run, read the response; Ctrl+Enter runs too', async ({ page }) => {
  const watch = watchPage(page);
  await page.goto(PHASE1);
  const editor = liveEditor(page, 'hello.py');
  const input = await openEditor(editor);
  await typeCode(page, input, 'def app(environ, start_response):\n    start_response("201 Created", [("Content-Type", "text/plain")])\n    return [b"typed by a test"]\n');
  await expect(editor.getByText('modified', { exact: true })).toBeVisible();
  expect(await runAndReadStatus(editor)).toBe('201 Created');
  await expect(editor.getByLabel('Response body')).toHaveText('typed by a test');

  await typeCode(page, input, 'def app(environ, start_response):\n    start_response("202 Accepted", [])\n    return [b"via keyboard"]\n');
  await page.keyboard.press('Control+Enter');
  await expect(editor.locator('.le-response .le-status')).toHaveText('202 Accepted', { timeout: 30_000 });
  await expect(editor.getByLabel('Response body')).toHaveText('via keyboard');
  await expect(editor.getByRole('status').filter({ hasText: /Python ready: CPython 3\.\d+/ })).toBeVisible();
  expect(watch.problems()).toEqual([]);
});
