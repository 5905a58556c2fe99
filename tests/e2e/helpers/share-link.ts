import { expect, type Page } from '@playwright/test';
import { deflateRawSync } from 'node:zlib';

// Share links as the playground reads them, for the share specs (hardening-share, hardening-share-bomb).

/** A share fragment carrying `payload` (any JSON value, or raw text) exactly as a link would. */
export function link(payload: unknown): string {
  const text = typeof payload === 'string' ? payload : JSON.stringify(payload);
  return `#share=${deflateRawSync(text, { level: 9 }).toString('base64url')}`;
}

/** The reader's own playground is back and usable: their code shown, no shared tag, a file can be added. */
export async function expectOwnPlaygroundWorks(page: Page) {
  await expect(page.locator('[data-code-host]')).toContainText('def app(environ, start_response):');
  await expect(page.locator('[data-shared-tag]')).toBeHidden();
  // Not dead: adding a file works.
  await page.getByRole('button', { name: 'Add file' }).click();
  await page.getByLabel('New file name').fill('helpers.py');
  await page.getByRole('button', { name: 'Create' }).click();
  await expect(page.getByRole('tab', { name: 'helpers.py' })).toHaveAttribute('aria-selected', 'true');
}
