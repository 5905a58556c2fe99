import { test, expect, type Page } from '@playwright/test';
import { liveEditor, PHASE1 } from './editor-page.ts';

test.setTimeout(420_000);

// One reader's two visits to phase 1 share a page (one Python start; a test per visit started it
// twice): the first visit, then the returning reader's. In order in one worker; when the first test
// fails, the second makes the first visit itself (after a failure it gets a new worker and page).
test.describe('a first visit, then a returning reader', () => {
  test.describe.configure({ mode: 'default' });
  let page: Page;
  // Counted on the page's requests, which include its workers' (Python downloads from its worker).
  let python = 0;
  test.beforeAll(async ({ browser }) => {
    page = await browser.newPage();
    page.on('request', (r) => { if (/\/pyodide\//.test(r.url())) python++; });
  });
  test.afterAll(async () => { await page?.close(); });

  // Python and Monaco stay off the page until it has loaded; Python starts by itself once an editor
  // is near the viewport and the browser is idle, and not while none is near.
  test('nothing of Monaco or Pyodide loads before the load event; Python preloads near an editor', async () => {
    const early: string[] = [];
    let loaded = false;
    page.on('load', () => { loaded = true; });
    page.on('request', (r) => { if (!loaded && /\/pyodide\/|monaco|editor\.worker/.test(r.url())) early.push(r.url()); });
    await page.goto(PHASE1);
    expect(early).toEqual([]);
    const editor = liveEditor(page, 'hello.py');
    const far = await editor.evaluate((el) => el.getBoundingClientRect().top - innerHeight);
    expect(far, 'the first editor starts more than the 600 px preload margin below the fold').toBeGreaterThan(600);
    await page.waitForTimeout(3000);
    expect(python, 'a first visit leaves Python alone while no editor is near').toBe(0);
    await editor.scrollIntoViewIfNeeded();
    await expect(editor.getByText(/^Python ready: CPython 3\.\d+\.\d+ \(Pyodide [\d.]+\), in your browser\.$/)).toBeVisible({ timeout: 180_000 });
    // Preloading Python did not pull in the editor.
    expect(await page.evaluate(() => performance.getEntriesByType('resource').filter((e) => /monaco/.test(e.name)).length)).toBe(0);
  });

  // The warm start: once Python has started in this browser its files are cached, so a returning reader's
  // page starts it at once — no scrolling to an editor, no waiting for idle time.
  test('a returning reader’s page starts Python without waiting for an editor to come near', async () => {
    const editor = liveEditor(page, 'hello.py');
    if (!page.url().includes('/phases/what-wsgi-is/') || !(await editor.getByText(/^Python ready/).isVisible())) {
      // The first visit's test failed before Python started: this test makes the first visit itself.
      await page.goto(PHASE1);
      await editor.scrollIntoViewIfNeeded();
      await expect(editor.getByText(/^Python ready/), 'the first visit starts Python').toBeVisible({ timeout: 180_000 });
    }

    python = 0;
    // The page's <head> starts the Python worker (in its sandbox frame) before the page's own scripts
    // run; the editors adopt it. Seen from the page: when the sandbox frame appears.
    await page.addInitScript(() => {
      const seen: string[] = ((window as unknown as { __seen: string[] }).__seen = []);
      new MutationObserver((records) => {
        for (const r of records) for (const n of r.addedNodes) if ((n as Element).matches?.('iframe[title="Python sandbox"]')) seen.push('python sandbox');
      }).observe(document, { childList: true, subtree: true });
      addEventListener('DOMContentLoaded', () => seen.push('DOMContentLoaded'));
    });
    await page.goto(PHASE1); // a new visit, at the top of the page
    expect(await page.evaluate(() => scrollY)).toBe(0);
    await expect(editor.getByText(/^Python ready/)).toBeVisible({ timeout: 180_000 });
    expect(python).toBeGreaterThan(0);
    await editor.getByRole('button', { name: 'Run' }).click();
    await expect(editor.locator('.le-response .le-status')).toHaveText('200 OK', { timeout: 60_000 });
    // One Python (the warm standby comes 2 s after a run): the head's early start, adopted by the editors,
    // or — when the head's asynchronous import lands after the page's scripts asked for Python — the
    // page's own, never both. The import usually lands before DOMContentLoaded; that order is not asserted.
    const seen = await page.evaluate(() => (window as unknown as { __seen: string[] }).__seen);
    expect(seen.filter((s) => s === 'python sandbox')).toHaveLength(1);
    const early = await page.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name).filter((n) => /\/_astro\/early-python\.[\w-]+\.js$/.test(n)));
    expect(early, 'the head imported the early-start module').toHaveLength(1);
  });
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
