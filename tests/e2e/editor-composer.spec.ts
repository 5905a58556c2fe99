import { test, expect } from '@playwright/test';
import { liveEditor, PHASE1 } from './editor-page.ts';

test.setTimeout(420_000);

// The composer: form ↔ raw HTTP, the environ linked to the request bytes, copy as curl.
test('a raw request reaches the app byte for byte; the environ points at the bytes each key came from', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto(PHASE1);
  const editor = liveEditor(page, 'environ_explorer.py');
  await editor.getByText('Request:').click();
  await expect(editor.getByLabel('Path and query')).toHaveValue('/hello?name=Ada');
  await editor.getByRole('button', { name: 'Copy as curl' }).click();
  await expect(editor.getByText(/^Copied\. Run your app with gunicorn/)).toBeVisible({ timeout: 60_000 });
  expect(await page.evaluate(() => navigator.clipboard.readText()))
    .toBe("curl -i 'http://localhost:8000/hello?name=Ada' -H 'User-Agent: curl/7.88.1' -H 'Accept: */*' -H 'X-Trace-Id: abc123'");

  await editor.getByLabel('Type the raw HTTP request').check();
  const raw = editor.getByLabel(/^Raw HTTP request/);
  await expect(raw).toHaveValue(/^GET \/hello\?name=Ada HTTP\/1\.1\nHost: localhost\nUser-Agent: curl\/7\.88\.1/);
  await raw.fill('GET /raw/path?q=%41 HTTP/1.1\nHost: example.test\nX-Odd-Header: seen\n\n');
  await expect(editor.getByText('Request: GET /raw/path?q=%41 HTTP/1.1')).toBeVisible();
  await editor.getByRole('button', { name: 'Run' }).click();
  const body = editor.getByLabel('Response body');
  await expect(body).toContainText("HTTP_X_ODD_HEADER = 'seen'", { timeout: 180_000 });
  await expect(body).toContainText("PATH_INFO = '/raw/path'");
  await expect(body).toContainText("QUERY_STRING = 'q=%41'");

  await editor.getByRole('tab', { name: 'Raw HTTP' }).click();
  await expect(editor.getByLabel('Raw request')).toHaveText('GET /raw/path?q=%41 HTTP/1.1␍␊\nHost: example.test␍␊\nX-Odd-Header: seen␍␊\n␍␊\n');

  await editor.getByRole('tab', { name: 'Environ' }).click();
  const row = editor.getByRole('row', { name: /HTTP_X_ODD_HEADER/ });
  await expect(row).toContainText('One key per request header');
  await row.getByRole('button', { name: /show where HTTP_X_ODD_HEADER came from/ }).click();
  await expect(editor.locator('.le-environ-request mark')).toHaveText('X-Odd-Header: seen');

  // Back to the form: the raw request's parts are in the fields.
  await editor.getByLabel('Type the raw HTTP request').uncheck();
  await expect(editor.getByLabel('Path and query')).toHaveValue('/raw/path?q=%41');
});
