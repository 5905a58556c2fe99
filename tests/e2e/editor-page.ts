import { expect, type Locator, type Page } from '@playwright/test';

/** The phase page whose examples are LiveEditors (phase 1). */
export const PHASE1 = '/phases/what-wsgi-is/';

/** One LiveEditor, found by its accessible name ("Live example: hello.py"). */
export function liveEditor(page: Page, file: string): Locator {
  return page.getByRole('region', { name: `Live example: ${file}` });
}

/** Open the editor by clicking its code and wait until the editable text area has focus. */
export async function openEditor(editor: Locator): Promise<Locator> {
  await editor.getByLabel(/^Code of .*\. Focus or click to edit\.$/).click();
  const input = editor.getByRole('textbox', { name: /^Code of .*, editable$/ });
  await expect(input).toBeFocused({ timeout: 20_000 });
  return input;
}

/** Replace all the code in an open Monaco editor by typing (select all, then type). */
export async function typeCode(page: Page, input: Locator, code: string): Promise<void> {
  await input.focus();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('Delete');
  // Monaco auto-indents and auto-closes brackets as the reader types; insertText types the text as pasted.
  await page.keyboard.insertText(code);
}

/** Click Run and wait for the status line of the response. */
export async function runAndReadStatus(editor: Locator): Promise<string> {
  await editor.getByRole('button', { name: /^Run/ }).click();
  const status = editor.locator('.le-response .le-status');
  await expect(status).toBeVisible({ timeout: 30_000 });
  return (await status.textContent()) ?? '';
}
