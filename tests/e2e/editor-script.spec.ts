import { test, expect } from '@playwright/test';
import { watchPage } from './helpers/watch-page.ts';
import { liveEditor, PHASE1 } from './editor-page.ts';

test.setTimeout(180_000);

// A script example (run="script": no request composer) runs like `python3 file.py` and shows what it
// printed, by the button and by Ctrl+Enter, with no error on the page.
test('"Be the server for a moment": Run script prints the tuple the prose quotes', async ({ page }) => {
  const watch = watchPage(page);
  await page.goto(PHASE1);
  const editor = liveEditor(page, 'call_by_hand.py');
  await editor.scrollIntoViewIfNeeded();
  await editor.getByRole('button', { name: 'Run script' }).click();
  const output = editor.getByRole('tabpanel').getByLabel('Printed (stdout)');
  await expect(output).toHaveText(
    "('200 OK', [('Content-Type', 'text/plain; charset=utf-8')], b'You asked for /hello\\n')\n", { timeout: 90_000 });
  await page.screenshot({ path: test.info().outputPath('call-by-hand.png'), fullPage: false });

  // Ctrl+Enter from the editor's box runs it again.
  await editor.getByRole('button', { name: 'Run script' }).focus();
  await page.keyboard.press('Control+Enter');
  await expect(output).toBeVisible({ timeout: 30_000 });
  expect(watch.problems()).toEqual([]);
});
