import { test, expect } from '@playwright/test';
import { encodeShare } from '../../src/pages/_playground/share.ts';

// The client either keeps the connection open (as a browser does) or closes its sending side after
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
