import { test, expect, type Page } from '@playwright/test';
import { watchPage } from './helpers/watch-page.ts';
import { asSaveDataReader } from './helpers/save-data.ts';

test.setTimeout(420_000);

const PLAYGROUND = '/playground/?timeLimit=30000';

async function openCode(page: Page) {
  await page.getByLabel(/^Code of app\.py\. Focus or click to edit\.$/).click();
  const input = page.getByRole('textbox', { name: 'Code of app.py, editable' });
  await expect(input).toBeFocused({ timeout: 180_000 });
  return input;
}

async function paste(page: Page, code: string) {
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.evaluate((text) => navigator.clipboard.writeText(text), code);
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('ControlOrMeta+V');
}

const APP = 'from helpers import shout\n\ndef app(environ, start_response):\n    start_response("200 OK", [("Content-Type", "text/plain")])\n    return [shout("shared ✓").encode()]';
const HELPERS = 'def shout(text):\n    return text.upper() + "!"';

test('a share link round-trips files, request and mode exactly, runs nothing, and leaves saved work untouched', async ({ page, context }) => {
  const watch = watchPage(page);
  await page.goto(PLAYGROUND);
  const input = await openCode(page);
  await paste(page, APP);
  // A second file, imported by the first.
  await page.getByRole('button', { name: 'Add file' }).click();
  await page.getByLabel('New file name').fill('helpers.py');
  await page.getByRole('button', { name: 'Create' }).click();
  await expect(page.getByRole('tab', { name: 'helpers.py' })).toHaveAttribute('aria-selected', 'true');
  const helpersInput = page.getByRole('textbox', { name: 'Code of helpers.py, editable' });
  await helpersInput.focus();
  await paste(page, HELPERS);
  await page.getByLabel('Server to imitate').selectOption('gunicorn');
  await page.getByLabel('Method').selectOption('PUT');
  await page.getByLabel('Path and query').fill('/shared?x=1');
  await page.getByRole('button', { name: 'Run' }).click();
  await expect(page.getByLabel('Response body')).toHaveText('SHARED ✓!', { timeout: 180_000 });
  await expect(page.getByText(/^Served like gunicorn 20\.1\.0/)).toBeVisible();

  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.getByRole('button', { name: 'Copy share link' }).click();
  await expect(page.getByText(/^Share link copied/)).toBeVisible();
  const url = await page.evaluate(() => navigator.clipboard.readText());
  expect(url).toMatch(/\/playground\/#share=[A-Za-z0-9_-]+$/);
  expect(await page.evaluate(() => localStorage.getItem('wsgi-ground-up:playground:mine'))).toContain('helpers.py');

  // Change the reader's own work after sharing: the link must not carry or overwrite it.
  await page.getByRole('tab', { name: 'app.py' }).click();
  await page.getByRole('textbox', { name: 'Code of app.py, editable' }).focus();
  await paste(page, 'def app(environ, start_response):\n    start_response("200 OK", [])\n    return [b"my own later work"]');
  await expect.poll(() => page.evaluate(() => localStorage.getItem('wsgi-ground-up:playground:mine') ?? '')).toContain('my own later work');
  const savedBefore = await page.evaluate(() => localStorage.getItem('wsgi-ground-up:playground:mine'));

  // Open the link in a new tab of the same browser: its own workspace, nothing run.
  const other = await context.newPage();
  const pythonRequests: string[] = [];
  other.on('request', (r) => { if (r.url().includes('/pyodide/')) pythonRequests.push(r.url()); });
  await other.goto(url.replace('#', '?timeLimit=30000#'));
  await expect(other.getByRole('status').filter({ hasText: 'You opened a share link' })).toBeVisible();
  await expect(other.locator('[data-results]')).toBeHidden();
  await expect(other.getByRole('tab', { name: 'app.py' })).toBeVisible();
  await expect(other.locator('[data-code-host]')).toContainText('from helpers import shout');
  await other.getByRole('tab', { name: 'helpers.py' }).click();
  await expect(other.locator('[data-code-host]')).toContainText('return text.upper() + "!"');
  await expect(other.getByLabel('Server to imitate')).toHaveValue('gunicorn');
  await expect(other.getByLabel('Method')).toHaveValue('PUT');
  await expect(other.getByLabel('Path and query')).toHaveValue('/shared?x=1');
  // Exactly what was shared, character for character: sharing again from here gives the same link.
  await other.getByRole('button', { name: 'Copy share link' }).click();
  await expect(other.getByText(/^Share link copied/)).toBeVisible();
  expect(await other.evaluate(() => navigator.clipboard.readText())).toBe(url);
  expect(await page.evaluate(() => localStorage.getItem('wsgi-ground-up:playground:mine'))).toBe(savedBefore);

  // Running it works, and still leaves the reader's own playground alone.
  await other.getByRole('button', { name: 'Run' }).click();
  await expect(other.getByLabel('Response body')).toHaveText('SHARED ✓!', { timeout: 180_000 });
  expect(await other.evaluate(() => localStorage.getItem('wsgi-ground-up:playground:mine'))).toBe(savedBefore);
  await other.getByRole('link', { name: 'Back to my own playground' }).click();
  await expect(other.locator('[data-code-host]')).toContainText('my own later work');
  expect(watch.problems()).toEqual([]);
});

test('download gives app.py alone, or a zip of several files, with the command to run it', async ({ page }) => {
  // Nothing here runs: Python must not start by itself (helpers/save-data.ts; a request for its files fails the test).
  await asSaveDataReader(page.context());
  await page.goto(PLAYGROUND);
  const single = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download' }).click();
  const file = await single;
  expect(file.suggestedFilename()).toBe('app.py');
  const text = await (await file.createReadStream()).toArray();
  expect(Buffer.concat(text).toString()).toContain('def app(environ, start_response):');
  await expect(page.getByText('Run it on a real server')).toBeVisible();
  await expect(page.locator('[data-commands]')).toContainText("from app import app; make_server('127.0.0.1', 8000, app).serve_forever()");
  await page.getByLabel('Server to imitate').selectOption('gunicorn');
  await expect(page.locator('[data-commands]')).toHaveText('python3 -m pip install gunicorn\ngunicorn --bind 127.0.0.1:8000 app:app');

  await page.getByRole('button', { name: 'Add file' }).click();
  await page.getByLabel('New file name').fill('helpers.py');
  await page.getByRole('button', { name: 'Create' }).click();
  const zipped = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download' }).click();
  const zip = await zipped;
  expect(zip.suggestedFilename()).toBe('wsgi-app.zip');
  const bytes = Buffer.concat(await (await zip.createReadStream()).toArray());
  expect(bytes.subarray(0, 2).toString()).toBe('PK');
  expect(bytes.includes(Buffer.from('helpers.py'))).toBe(true);
  expect(bytes.includes(Buffer.from('app.py'))).toBe(true);
});
