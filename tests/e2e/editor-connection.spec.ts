import { test, expect } from '@playwright/test';
import { encodeShare } from '../../src/playground/share.ts';

// One connection as the reader composes it. The client either keeps the connection open (as a browser does) or closes its sending side after
// the request (a half-close), and the servers differ there: wsgiref's unsized wsgi.input.read() waits
// for bytes that never come on an open connection, and answers once the client has half-closed.
test.setTimeout(240_000);

const APP = 'def app(environ, start_response):\n    body = environ["wsgi.input"].read()\n    start_response("200 OK", [("Content-Type", "text/plain")])\n    return [f"got {len(body)} bytes".encode()]\n';

test('an unsized read() under wsgiref waits on an open connection, and answers after a half-close', async ({ page }) => {
  const link = await encodeShare({
    v: 1, files: { 'app.py': APP }, mode: 'wsgiref',
    request: { mode: 'form', method: 'POST', target: '/', headers: [['Content-Type', 'text/plain']], body: 'hi', raw: '' },
  });
  await page.goto(`/playground/?timeLimit=30000${link}`);
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(page.getByRole('group', { name: 'Error' })).toContainText('The server is still waiting for the rest of the request', { timeout: 180_000 });
  await page.getByLabel(/Then the client closes its sending side/).check();
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(page.getByLabel('Response body')).toHaveText('got 2 bytes', { timeout: 60_000 });
});

test('two requests typed into one raw request are both answered by waitress, which keeps the connection open', async ({ page }) => {
  const app = 'def app(environ, start_response):\n    start_response("200 OK", [("Content-Type", "text/plain")])\n    return [environ["PATH_INFO"].encode()]\n';
  const raw = 'GET /first HTTP/1.1\nHost: example\n\nGET /second HTTP/1.1\nHost: example\n';
  const link = await encodeShare({
    v: 1, files: { 'app.py': app }, mode: 'waitress',
    request: { mode: 'raw', method: 'GET', target: '/', headers: [], body: '', raw },
  });
  await page.goto(`/playground/?timeLimit=30000${link}`);
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  const card = page.getByRole('group', { name: 'Requests on this connection' });
  await expect(card).toContainText('This connection carried 2 requests', { timeout: 180_000 });
  await expect(card.getByRole('listitem')).toHaveText([/GET \/first HTTP\/1\.1 — answered 200 OK/, /GET \/second HTTP\/1\.1 — answered 200 OK/]);
  await page.getByRole('tab', { name: 'Raw HTTP' }).click();
  await expect(page.getByRole('tabpanel')).toContainText('/second');
});
