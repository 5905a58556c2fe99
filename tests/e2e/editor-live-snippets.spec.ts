import { readFileSync } from 'node:fs';
import { test, expect } from '@playwright/test';
import { watchPage } from './helpers/watch-page.ts';
import { liveEditor, openEditor, runAndReadStatus, typeCode } from './editor-page.ts';

// Every snippet live: one snippet per phase that used to be static text (or is new), run
// as a reader runs it — one page load and one Python start per phase.
test.setTimeout(240_000);
const page_ = (slug: string) => `/phases/${slug}/?timeLimit=30000`;

test('phase 1: the body-framing primer runs on gunicorn and shows a chunked body', async ({ page }) => {
  const watch = watchPage(page);
  await page.goto(page_('what-wsgi-is'));
  const editor = liveEditor(page, 'body_framing.py');
  expect(await runAndReadStatus(editor)).toBe('200 OK');
  await expect(editor.locator('.le-results')).toContainText('Transfer-Encoding');
  await expect(editor.getByLabel('Response body')).toHaveText('Hello, body!');
  expect(watch.problems()).toEqual([]);
});

test('phase 2: /café arrives as latin-1 characters and decodes back to UTF-8', async ({ page }) => {
  const watch = watchPage(page);
  await page.goto(page_('an-app-from-scratch'));
  const editor = liveEditor(page, 'path_bytes.py');
  expect(await runAndReadStatus(editor)).toBe('200 OK');
  await expect(editor.getByLabel('Response body')).toContainText("PATH_INFO:        '/cafÃ©' (6 characters)");
  await expect(editor.getByLabel('Response body')).toContainText("bytes as UTF-8:   '/café'");
  expect(watch.problems()).toEqual([]);
});

test('phase 3: catch_errors answers 500 for the broken app, traced layer by layer', async ({ page }) => {
  const watch = watchPage(page);
  await page.goto(page_('server-and-middleware'));
  const editor = page.locator('[data-live-editor][data-name="error_middleware"]');
  await editor.getByRole('button', { name: /^Run/ }).click();
  await expect(editor.getByRole('tab', { name: 'Onion' })).toHaveAttribute('aria-selected', 'true', { timeout: 60_000 });
  await editor.getByRole('tab', { name: 'Response' }).click();
  await expect(editor.locator('.le-response .le-status')).toHaveText('500 Internal Server Error');
  await expect(editor.getByLabel('Response body')).toHaveText('Internal error. It has been logged.');
  expect(watch.problems()).toEqual([]);
});

test('phase 4: a WebSocket conversation, message by message, with the reader\'s own messages and code', async ({ page }) => {
  const watch = watchPage(page);
  await page.goto(page_('why-async'));
  const editor = liveEditor(page, 'asgi_websocket.py');
  await editor.getByLabel(/^What the WebSocket client sends/).fill('ping\nbye');
  await editor.getByRole('button', { name: /^Run/ }).click();
  const messages = editor.getByRole('list', { name: 'ASGI messages in order' }).getByRole('listitem');
  await expect(messages).toHaveCount(7, { timeout: 60_000 });
  await expect(messages.nth(0)).toContainText('app received websocket.connect');
  await expect(messages.nth(1)).toContainText('app sent websocket.accept');
  await expect(messages.nth(2)).toContainText('1 s app received websocket.receive "ping"');
  await expect(messages.nth(3)).toContainText('1 s app sent websocket.send "echo: ping"');
  await expect(messages.nth(6)).toContainText('3 s app received websocket.disconnect code 1000');
  await expect(editor.locator('.asgi-summary')).toContainText('101 Switching Protocols — closed cleanly at 3 s');

  // The reader's edit is what runs; Reset brings back the lesson's code (read from the page).
  const original = readFileSync('content/phases/04-why-async/examples/asgi_websocket.py', 'utf8');
  const input = await openEditor(editor);
  await typeCode(page, input, original.replace('"echo: "', '"ECHO: "'));
  await expect(editor.getByText('modified', { exact: true })).toBeVisible();
  await editor.getByRole('button', { name: /^Run/ }).click();
  await expect(messages.nth(3)).toContainText('app sent websocket.send "ECHO: ping"', { timeout: 60_000 });
  await editor.getByRole('button', { name: 'Reset' }).click();
  await expect(editor.getByText('modified', { exact: true })).toBeHidden();
  expect(watch.problems()).toEqual([]);
});
