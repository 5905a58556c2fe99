import { test, expect, type Page } from '@playwright/test';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serveStatic, type StaticServer } from './runtime-server.ts';
import { watchPage } from './helpers/watch-page.ts';
import { liveEditor, openEditor, PHASE1, typeCode } from './editor-page.ts';

// The service worker (src/integrations/service-worker/): after one visit the tutorial works with the
// server gone; its answers carry COOP/COEP, so a host that sends no headers at all still gets
// cross-origin isolation (and the fast interrupt) from the second load on, offline too; site search
// works offline without the search page ever having been opened online; a new build
// is downloaded in the background, announced, and used from the next visit.
test.use({ serviceWorkers: 'allow' });
test.describe.configure({ mode: 'serial', timeout: 240_000 });

// OFFLINE_PORT: another port when two runs share a machine (stage 70 uses 8481).
const PORT = Number(process.env.OFFLINE_PORT ?? 8481);
const distDir = process.env.SITE_DIST ?? 'dist';
const base = `http://127.0.0.1:${PORT}`;
let root: string;
let server: StaticServer | null = null;

async function stopServer() {
  if (!server) return;
  server.closeAllConnections();
  await new Promise((resolve) => server!.close(resolve));
  server = null;
}

/** The version of the service worker controlling `page`. */
function controllerVersion(page: Page): Promise<string | null> {
  return page.evaluate(() => new Promise<string | null>((resolve) => {
    const sw = navigator.serviceWorker.controller;
    if (!sw) return resolve(null);
    navigator.serviceWorker.addEventListener('message', (e) => { if (e.data?.type === 'sw-version') resolve(e.data.version); });
    sw.postMessage('version');
  }));
}

test.beforeAll(async () => {
  // A private copy: the update test rewrites its sw.js. No isolation headers: like a bare static host.
  root = mkdtempSync(join(tmpdir(), 'wsgi-offline-'));
  cpSync(distDir, root, { recursive: true });
  server = await serveStatic(root, PORT, false);
});
test.afterAll(async () => {
  await stopServer();
  rmSync(root, { recursive: true, force: true });
});

test('after one visit, pages, editor and Python work with the server gone, isolated', async ({ context, page }) => {
  const watch = watchPage(page, { origin: base });
  // The reader's time limit (5 s), not PHASE1's 30 s: the runaway loop below waits it out.
  await page.goto(base + PHASE1.split('?')[0]);
  expect(await page.evaluate(() => crossOriginIsolated)).toBe(false);
  await expect(page.getByRole('status').filter({ hasText: 'now works offline' })).toBeVisible({ timeout: 120_000 });
  await page.getByRole('button', { name: 'Dismiss' }).click();

  await stopServer();
  await context.setOffline(true);
  const reloaded = await page.reload();
  expect(reloaded?.fromServiceWorker()).toBe(true);
  // The server never sent COOP/COEP: isolation comes from the service worker's answers.
  expect(await page.evaluate(() => crossOriginIsolated)).toBe(true);
  await expect(page.getByRole('status').filter({ hasText: 'You are offline' })).toBeVisible();

  await page.getByRole('link', { name: /^Next: phase 2/ }).click();
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await page.goBack();

  const editor = liveEditor(page, 'hello.py');
  const input = await openEditor(editor);
  await typeCode(page, input, 'def app(environ, start_response):\n    start_response("200 OK", [("Content-Type", "text/plain")])\n    return [b"served offline"]\n');
  await editor.getByRole('button', { name: /^Run/ }).click();
  await expect(editor.locator('.le-response .le-status')).toHaveText('200 OK', { timeout: 120_000 });
  await expect(editor.getByLabel('Response body')).toHaveText('served offline');

  // The fast interrupt survives offline: a runaway loop is stopped by KeyboardInterrupt, not a restart.
  await typeCode(page, input, 'def app(environ, start_response):\n    while True:\n        pass\n');
  await editor.getByRole('button', { name: /^Run/ }).click();
  await expect(editor.getByText(/Python raised KeyboardInterrupt in your code/)).toBeVisible({ timeout: 60_000 });
  expect(watch.problems()).toEqual([]);
});

test('after one visit elsewhere, search finds a phase with the server gone and opens it', async ({ context, page }) => {
  server ??= await serveStatic(root, PORT, false);
  const watch = watchPage(page, { origin: base });
  await page.goto(base + '/');
  await expect(page.getByRole('status').filter({ hasText: 'now works offline' })).toBeVisible({ timeout: 120_000 });

  await stopServer();
  await context.setOffline(true);
  // The search page, pagefind.js, its worker, wasm and index were never fetched online: all from the precache.
  const fromCache: string[] = [];
  page.on('response', (response) => {
    if (new URL(response.url()).pathname.startsWith('/pagefind/') && response.fromServiceWorker()) fromCache.push(response.url());
  });
  const opened = await page.goto(base + '/search/');
  expect(opened?.fromServiceWorker()).toBe(true);
  const input = page.getByRole('searchbox', { name: 'Search the tutorial' });
  await input.pressSequentially('middleware');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status').filter({ hasText: /^\d+ results? for “middleware”/ })).toBeVisible({ timeout: 30_000 });
  const results = page.getByRole('list').filter({ has: page.locator('mark') });
  const phase3 = results.getByRole('link', { name: 'The server and middleware', exact: true });
  await expect(phase3).toHaveAttribute('href', '/phases/server-and-middleware/');
  const fetched = fromCache.map((url) => new URL(url).pathname);
  expect(fetched).toEqual(expect.arrayContaining(['/pagefind/pagefind.js', '/pagefind/pagefind-worker.js', '/pagefind/wasm.en.pagefind']));
  expect(fetched.some((path) => path.startsWith('/pagefind/index/'))).toBe(true);

  await phase3.click();
  await expect(page).toHaveURL(base + '/phases/server-and-middleware/');
  await expect(page.getByRole('heading', { level: 1, name: 'The server and middleware' })).toBeVisible();
  expect(watch.problems()).toEqual([]);
});

test('a new build is downloaded in the background, announced, and used from the next visit', async ({ context, page }) => {
  server = await serveStatic(root, PORT, false);
  // A fresh browser context: the first visit installs the current build, the reload is controlled by it.
  await page.goto(base + '/');
  await expect(page.getByRole('status').filter({ hasText: 'now works offline' })).toBeVisible({ timeout: 120_000 });
  await page.reload();
  const before = await controllerVersion(page);
  expect(before).toMatch(/^[0-9a-f]{16}$/);

  // A new build: the same files with a new version (the hash of the files changes with any edit).
  const next = 'f'.repeat(16);
  const sw = readFileSync(join(root, 'sw.js'), 'utf8');
  writeFileSync(join(root, 'sw.js'), sw.replace(`const VERSION = "${before}"`, `const VERSION = "${next}"`));
  await page.reload();
  await expect(page.getByRole('status').filter({ hasText: 'A new version of the tutorial has been downloaded' })).toBeVisible({ timeout: 120_000 });
  // Not swapped under the reader's feet: this visit keeps the version it started with.
  expect(await controllerVersion(page)).toBe(before);

  await page.close();
  const later = await context.newPage();
  await expect.poll(async () => {
    await later.goto(base + '/');
    return controllerVersion(later);
  }, { timeout: 30_000 }).toBe(next);
});
