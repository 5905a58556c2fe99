import { test, expect } from '@playwright/test';
import { liveEditor, PHASE1 } from './editor-page.ts';

test.setTimeout(420_000);

// Python and Monaco stay off the page until it has loaded; Python starts by itself once an editor
// is near the viewport and the browser is idle.
test('nothing of Monaco or Pyodide loads before the load event; Python preloads near an editor', async ({ page }) => {
  const early: string[] = [];
  let loaded = false;
  page.on('load', () => { loaded = true; });
  page.on('request', (r) => { if (!loaded && /\/pyodide\/|monaco|editor\.worker/.test(r.url())) early.push(r.url()); });
  await page.goto(PHASE1);
  expect(early).toEqual([]);
  await liveEditor(page, 'hello.py').scrollIntoViewIfNeeded();
  await expect(liveEditor(page, 'hello.py').getByText(/^Python ready: CPython 3\.\d+\.\d+ \(Pyodide [\d.]+\), in your browser\.$/)).toBeVisible({ timeout: 180_000 });
  // Preloading Python did not pull in the editor.
  expect(await page.evaluate(() => performance.getEntriesByType('resource').filter((e) => /monaco/.test(e.name)).length)).toBe(0);
});

test('when Python cannot load, the reader is told and Retry works', async ({ page }) => {
  // Save-Data: nothing starts until Run, so the failure comes from the reader's own click.
  await page.addInitScript(() => Object.defineProperty(navigator, 'connection', { value: { saveData: true }, configurable: true }));
  await page.route('**/pyodide/**', (route) => route.abort('internetdisconnected'));
  await page.goto(PHASE1);
  const editor = liveEditor(page, 'hello.py');
  await editor.getByRole('button', { name: 'Run' }).click();
  await expect(editor.getByText(/Python could not be started\. Check your connection, then retry\./)).toBeVisible({ timeout: 180_000 });
  await expect(editor.locator('[data-results]')).toContainText(/./);
  await page.unroute('**/pyodide/**');
  await editor.getByRole('button', { name: 'Retry' }).click();
  await expect(editor.getByRole('progressbar', { name: 'Loading Python' }).or(editor.getByText(/^Python ready/))).toBeVisible();
  await expect(editor.getByText(/^Python ready/)).toBeVisible({ timeout: 180_000 });
  await editor.getByRole('button', { name: 'Run' }).click();
  await expect(editor.locator('.le-response .le-status')).toHaveText('200 OK', { timeout: 180_000 });
});
