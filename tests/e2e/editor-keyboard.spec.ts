import { test, expect } from '@playwright/test';
import { liveEditor, PHASE1 } from './editor-page.ts';

test.setTimeout(420_000);

// A reader who uses only the keyboard: reach the code, edit it, leave the editor, run, read the tabs.
test('a whole editor used by keyboard alone', async ({ page }) => {
  await page.goto(PHASE1);
  const editor = liveEditor(page, 'hello.py');
  // Tab through the page until the Run button of the first editor has focus.
  const run = editor.getByRole('button', { name: 'Run' });
  for (let i = 0; i < 80 && !(await run.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press('Tab');
  await expect(run).toBeFocused();
  // Next stop is the code (Reset is disabled): focusing it opens the editor with the caret in it.
  await page.keyboard.press('Tab');
  const input = editor.getByRole('textbox', { name: 'Code of hello.py, editable' });
  await expect(input).toBeFocused({ timeout: 180_000 });
  await expect(input).toHaveAttribute('aria-describedby', 'le-hello-keys');
  await expect(page.locator('#le-hello-keys')).toContainText('Esc then Tab to leave the editor');
  await page.keyboard.press('ControlOrMeta+End');
  await page.keyboard.press('End');
  await page.keyboard.press('Enter');
  await page.keyboard.type('# edited by keyboard');
  await expect(editor.getByText('modified', { exact: true })).toBeVisible();

  // Tab indents inside Monaco (no trap: Esc then Tab leaves, forwards or backwards).
  await page.keyboard.press('Tab');
  await expect(input).toBeFocused();
  await page.keyboard.press('Escape');
  await page.keyboard.press('Tab');
  const summary = editor.getByText('Request: GET /');
  await expect(summary).toBeFocused();
  await page.keyboard.press('Shift+Tab');
  await expect(input).toBeFocused();
  await page.keyboard.press('Escape');
  await page.keyboard.press('Shift+Tab');
  await expect(editor.getByRole('button', { name: 'Reset' })).toBeFocused();
  await page.keyboard.press('Shift+Tab');
  await expect(run).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(editor.locator('.le-response .le-status')).toHaveText('200 OK', { timeout: 180_000 });
  await expect(run).toBeFocused();

  // The result tabs: Tab from Run (past Reset) enters the code, Esc then Tab leaves it, more Tabs
  // reach the tabs.
  await page.keyboard.press('Tab');
  await expect(editor.getByRole('button', { name: 'Reset' })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(input).toBeFocused();
  await page.keyboard.press('Escape');
  await page.keyboard.press('Tab');
  await expect(summary).toBeFocused();
  const responseTab = editor.getByRole('tab', { name: 'Response' });
  for (let i = 0; i < 40 && !(await responseTab.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press('Tab');
  await expect(responseTab).toBeFocused();
  await page.keyboard.press('ArrowRight');
  const environTab = editor.getByRole('tab', { name: 'Environ' });
  await expect(environTab).toBeFocused();
  await expect(environTab).toHaveAttribute('aria-selected', 'true');
  await expect(editor.getByRole('tabpanel')).toContainText('REQUEST_METHOD');

  // Back in the editor, Ctrl+M switches Tab to moving focus: Tab then leaves the editor.
  await input.focus();
  await page.keyboard.press('Control+M');
  await page.keyboard.press('Tab');
  await expect(summary).toBeFocused();
});
