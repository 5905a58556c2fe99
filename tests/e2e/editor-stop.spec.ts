import { test, expect } from '@playwright/test';
import { watchPage } from './helpers/watch-page.ts';
import { liveEditor, openEditor, PHASE1, typeCode } from './editor-page.ts';

test.setTimeout(420_000);

// An app that never answers is stopped by the reader; the page answers clicks throughout, and the
// next run works.
test('an infinite loop is stopped, the page keeps answering, the next run works', async ({ page }) => {
  const watch = watchPage(page);
  await page.goto(PHASE1);
  const editor = liveEditor(page, 'hello.py');
  const input = await openEditor(editor);
  await typeCode(page, input, 'def app(environ, start_response):\n    while True:\n        pass\n');
  const run = editor.getByRole('button', { name: 'Run' });
  await run.click();
  const stop = editor.getByRole('button', { name: 'Stop' });
  await expect(stop).toBeFocused();
  await expect(editor.getByText(/^Running… \d+\.\d s$/)).toBeVisible({ timeout: 180_000 });
  await expect(run).toBeDisabled();

  // While Python spins, the page still reacts: open and close the request details.
  const composer = editor.locator('details.le-composer');
  const summary = editor.locator('details.le-composer > summary');
  await summary.click();
  await expect(composer).toHaveAttribute('open', '');
  await summary.click();
  await expect(composer).not.toHaveAttribute('open', '');

  await stop.click();
  await expect(editor.getByRole('group', { name: 'Notice' })).toContainText('Stopped: you stopped the run.', { timeout: 30_000 });
  await expect(stop).toBeHidden();
  await expect(run).toBeEnabled();

  await typeCode(page, input, 'def app(environ, start_response):\n    start_response("200 OK", [])\n    return [b"alive again"]\n');
  await run.click();
  await expect(editor.getByLabel('Response body')).toHaveText('alive again', { timeout: 180_000 });
  expect(watch.problems()).toEqual([]);
});
