import { expect, type Locator, type Page } from '@playwright/test';

/**
 * The phase page whose examples are LiveEditors (phase 1). A 30 s run limit instead of 5 s: on a
 * busy test machine a first `import wsgiref` alone can take seconds; a stuck run is stopped by hand.
 */
export const PHASE1 = '/phases/what-wsgi-is/?timeLimit=30000';

/** One LiveEditor, found by its accessible name ("Live example: hello.py"). */
export function liveEditor(page: Page, file: string): Locator {
  return page.getByRole('region', { name: `Live example: ${file}` });
}

/** Open the editor by clicking its code and wait until the editable text area has focus. */
export async function openEditor(editor: Locator): Promise<Locator> {
  await editor.getByLabel(/^Code of .*\. Focus or click to edit\.$/).click();
  const input = editor.getByRole('textbox', { name: /^Code of .*, editable$/ });
  await expect(input).toBeFocused({ timeout: 60_000 });
  return input;
}

/**
 * Replace all the code in an open editor as a reader pasting it would: select all, paste.
 * (Typed text would be re-indented by Monaco's auto-indent, as it is for a reader typing.)
 */
export async function typeCode(page: Page, input: Locator, code: string): Promise<void> {
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.evaluate((text) => navigator.clipboard.writeText(text), code);
  await input.focus();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('ControlOrMeta+V');
  const first = code.split('\n')[0];
  await expect.poll(() => input.evaluate((el) => {
    const box = el.closest('[data-live-editor]');
    const area = box?.querySelector<HTMLTextAreaElement>('textarea.le-textarea');
    return (area ? area.value : box?.querySelector('.view-lines')?.textContent ?? '').replace(/\u00a0/g, ' ');
  }), { timeout: 30_000 }).toContain(first);
}

/** Click Run and wait for the status line of the response. */
export async function runAndReadStatus(editor: Locator): Promise<string> {
  await editor.getByRole('button', { name: /^Run/ }).click();
  const status = editor.locator('.le-response .le-status');
  await expect(status).toBeVisible({ timeout: 30_000 });
  return (await status.textContent()) ?? '';
}

/** The text of every line of the Timeline tab. */
export async function timelineLines(editor: Locator): Promise<string[]> {
  await editor.getByRole('tab', { name: 'Timeline' }).click();
  const items = editor.getByRole('tabpanel').getByRole('listitem');
  await expect(items.first()).toBeVisible();
  return items.allTextContents();
}

/** Lines that show words of the trace's data model, which must never reach the reader. */
export function internals(lines: string[]): string[] {
  return lines.filter((line) => /[{}]|"\w+":|status_line|last_chunk|error_page|errors write|ms error response|response bytes|body_size/.test(line));
}
