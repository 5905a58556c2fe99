import { test, expect } from '@playwright/test';
import { watchPage } from './helpers/watch-page.ts';
import { liveEditor, runAndReadStatus } from './editor-page.ts';

test.setTimeout(180_000);

// Phase 2's HEAD example sends HEAD / as its prose does, and its right answer (GET's headers,
// Content-Length 24, no body) is shown as right: no broken rule, not a cut response — as wsgiref,
// gunicorn and waitress answer it.
test('the HEAD example: HEAD / by default, answered with no rule broken and nothing cut', async ({ page }) => {
  const watch = watchPage(page);
  await page.goto('/phases/an-app-from-scratch/?timeLimit=30000');
  const editor = liveEditor(page, 'head_request.py');
  await editor.scrollIntoViewIfNeeded();
  await expect(editor.getByText('Request: HEAD /')).toBeVisible();
  expect(await runAndReadStatus(editor)).toBe('200 OK');
  await expect(editor.getByRole('group', { name: 'Rule broken' })).toHaveCount(0);
  await expect(editor.getByText('The server cut the connection')).toHaveCount(0);
  await editor.getByRole('tab', { name: 'Raw HTTP' }).click();
  await expect(editor.getByRole('tabpanel')).toContainText('Content-Length: 24');
  await editor.screenshot({ path: test.info().outputPath('head-request.png') });
  expect(watch.problems()).toEqual([]);
});
