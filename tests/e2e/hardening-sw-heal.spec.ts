import { test, expect, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { cpSync, mkdtempSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serveStatic, type StaticServer } from './runtime-server.ts';
import { PHASE1 } from './editor-page.ts';
import { asSaveDataReader } from './helpers/save-data.ts';

// The service worker heals instead of trusting its caches (src/integrations/service-worker/sw-template.js):
// Cache Storage is writable by any script of the origin, so an entry rewritten there is never served (it
// is fetched again, or not served at all offline); a build with one file missing still installs; a
// deleted cache falls back to the network; a removed or broken sw.js unregisters the old worker
// (src/components/offline-notice.ts) instead of leaving readers on it forever.
test.use({ serviceWorkers: 'allow' });
test.describe.configure({ mode: 'serial', timeout: 240_000 });
// Nothing here runs Python: every browser is a Save-Data reader's, whose phase pages never start it by
// themselves (helpers/save-data.ts). Each of the ~15 loads of a phase page started it in the background.
// Python's files are still precached and served by the worker (its install does not ask the page).
test.beforeEach(async ({ context }) => { await asSaveDataReader(context, false); });

// SW_HEAL_PORT: another port when two runs share a machine (stage 70 uses 8482).
const PORT = Number(process.env.SW_HEAL_PORT ?? 8482);
const distDir = process.env.SITE_DIST ?? 'dist';
const base = `http://127.0.0.1:${PORT}`;
const PAGE = PHASE1.split('?')[0];
let root: string;
let server: StaticServer | null = null;

async function serve(prepare: (root: string) => void = () => {}) {
  await stop();
  if (root) rmSync(root, { recursive: true, force: true });
  root = mkdtempSync(join(tmpdir(), 'wsgi-sw-heal-'));
  cpSync(distDir, root, { recursive: true });
  prepare(root);
  server = await serveStatic(root, PORT, true);
}
async function stop() {
  if (!server) return;
  server.closeAllConnections();
  await new Promise((resolve) => server!.close(resolve));
  server = null;
}
test.afterAll(async () => {
  await shared?.context.close();
  await stop();
  if (root) rmSync(root, { recursive: true, force: true });
});

/** Open `path` and wait until the service worker controls the page (installed, activated, claimed). */
async function installed(page: Page, path = PAGE): Promise<void> {
  await page.goto(base + path);
  await expect(page.getByRole('status').filter({ hasText: 'now works offline' })).toBeVisible({ timeout: 120_000 });
  await expect.poll(() => page.evaluate(() => Boolean(navigator.serviceWorker.controller))).toBe(true);
}

/**
 * The first four tests attack one installed worker in turn (each install precaches ~20 MB): one context,
 * installed by the first; each later test brings the server back and opens the page, controlled, online.
 * (A test that fails skips the rest: the file runs in order.)
 */
let shared: { context: BrowserContext; page: Page } | null = null;
async function installedOnce(browser: Browser): Promise<{ context: BrowserContext; page: Page }> {
  if (!shared) {
    await serve();
    const context = await browser.newContext({ serviceWorkers: 'allow' });
    await asSaveDataReader(context, false);
    shared = { context, page: await context.newPage() };
    await installed(shared.page);
    return shared;
  }
  server ??= await serveStatic(root, PORT, true);
  await shared.context.setOffline(false);
  const { page } = shared;
  await page.goto(base + PAGE);
  await expect.poll(() => page.evaluate(() => Boolean(navigator.serviceWorker.controller))).toBe(true);
  return shared;
}

/** The controlling worker's verification counters. */
function swStats(page: Page): Promise<{ verified: number; bytes: number; ms: number; mismatches: number; stored: number; missingAtInstall: string[] }> {
  return page.evaluate(() => new Promise((resolve) => {
    navigator.serviceWorker.addEventListener('message', (e) => { if (e.data?.type === 'sw-stats') resolve(e.data); });
    navigator.serviceWorker.controller!.postMessage('stats');
  }));
}

/** Overwrite `path` in the site's cache with `body`, as hostile code on the origin could. */
function tamper(page: Page, path: string, body: string, type: string): Promise<void> {
  return page.evaluate(async ({ path, body, type }) => {
    const name = (await caches.keys()).find((n) => n.startsWith('wsgi-site-'))!;
    const cache = await caches.open(name);
    if (!(await cache.match(path))) throw new Error(`${path} is not in ${name}`);
    await cache.put(path, new Response(body, { headers: { 'Content-Type': type } }));
  }, { path, body, type });
}

/** The text the site's cache holds for `path` (null when none). */
function cachedText(page: Page, path: string): Promise<string | null> {
  return page.evaluate(async (path) => {
    const name = (await caches.keys()).find((n) => n.startsWith('wsgi-site-'));
    const hit = name ? await (await caches.open(name)).match(path) : undefined;
    return hit ? hit.text() : null;
  }, path);
}

test('a script or page rewritten in the cache is never served: fetched again online, refused offline', async ({ browser }) => {
  const { context, page } = await installedOnce(browser);
  const script = await page.evaluate(() => new URL(document.querySelector<HTMLScriptElement>('script[type=module][src^="/_astro/"]')!.src).pathname);
  const payload = 'document.documentElement.dataset.pwned = "yes";';
  await tamper(page, script, payload, 'text/javascript');
  await tamper(page, PAGE, '<!doctype html><title>pwned</title><h1>pwned</h1>', 'text/html');

  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).not.toHaveText('pwned');
  expect(await page.evaluate(() => document.documentElement.dataset.pwned ?? null)).toBeNull();
  // Healed: the right bytes are back in the cache.
  await expect.poll(() => cachedText(page, script)).not.toBe(payload);
  expect(await cachedText(page, script)).not.toBeNull();
  const stats = await swStats(page);
  expect(stats.mismatches).toBeGreaterThanOrEqual(2);
  // The cost of verifying every answer from the cache on a phase page, for a returning reader's new tab.
  const before = await swStats(page);
  const visit = await context.newPage();
  await visit.goto(base + PAGE);
  await visit.waitForLoadState('load');
  const after = await swStats(visit);
  const answers = await visit.evaluate(() => performance.getEntriesByType('resource').length + 1);
  console.log(`verification on a phase page visit: ${after.verified - before.verified} cached answers checked (of ${answers} requests before load), ${((after.bytes - before.bytes) / 1024).toFixed(0)} KB, ${(after.ms - before.ms).toFixed(1)} ms summed over concurrent answers`);
  await visit.close();

  // Offline, a rewritten page has no good copy to fall back on: the site's 404 page, never the fake.
  await tamper(page, '/', '<!doctype html><title>pwned</title><h1>pwned</h1>', 'text/html');
  await stop();
  await context.setOffline(true);
  await page.goto(base + '/');
  await expect(page.getByRole('heading', { level: 1 })).not.toHaveText('pwned');
  expect(await page.title()).not.toBe('pwned');
  await context.setOffline(false);
});

test('the right bytes under rewritten headers are served with the type of their path, status 200', async ({ browser }) => {
  const { page } = await installedOnce(browser);
  await page.evaluate(async (path) => {
    const name = (await caches.keys()).find((n) => n.startsWith('wsgi-site-'))!;
    const cache = await caches.open(name);
    const body = await (await cache.match(path))!.arrayBuffer();
    await cache.put(path, new Response(body, { status: 500, headers: { 'Content-Type': 'text/plain', 'Content-Security-Policy': "script-src 'unsafe-inline'" } }));
  }, PAGE);
  const response = await page.reload();
  expect(response?.status()).toBe(200);
  expect(response?.headers()['content-type']).toBe('text/html; charset=utf-8');
  expect(response?.headers()['content-security-policy']).toContain("frame-ancestors 'none'");
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
});

test('Python’s files are verified too when they come from the cache (offline)', async ({ browser }) => {
  const { context, page } = await installedOnce(browser);
  await tamper(page, '/pyodide/pyodide-lock.json', '{"packages": {}}', 'application/json');
  await stop();
  await context.setOffline(true);
  // no-store: past the HTTP cache (which the worker's network-first answer would otherwise hit) to the worker's cache.
  const lock = await page.evaluate(() => fetch('/pyodide/pyodide-lock.json', { cache: 'no-store' }).then((r) => r.text(), (e) => `failed: ${e}`));
  expect(lock.slice(0, 40)).toMatch(/^failed/);
  // An intact file is served offline, after its check: the cost for Python's biggest file.
  const before = await swStats(page);
  const size = await page.evaluate(() => fetch('/pyodide/pyodide.asm.wasm', { cache: 'no-store' }).then((r) => r.arrayBuffer()).then((b) => b.byteLength));
  const after = await swStats(page);
  expect(size).toBeGreaterThan(1_000_000);
  console.log(`verifying pyodide.asm.wasm (${(size / 1e6).toFixed(1)} MB) from the cache: ${(after.ms - before.ms).toFixed(1)} ms`);
  await context.setOffline(false);
});

test('a deleted cache falls back to the network, and the cache fills again', async ({ browser }) => {
  const { page } = await installedOnce(browser);
  await page.evaluate(async () => { for (const name of await caches.keys()) await caches.delete(name); });
  const reloaded = await page.reload();
  expect(reloaded?.status()).toBe(200);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  expect(await page.evaluate(() => Boolean(navigator.serviceWorker.controller))).toBe(true);
  await expect.poll(async () => (await swStats(page)).stored).toBeGreaterThan(0);
  await expect.poll(() => cachedText(page, PAGE)).toContain('<h1');
});

test('a build with one file missing from the server still installs; the file is fetched when it exists', async ({ page }) => {
  await serve((dir) => unlinkSync(join(dir, 'favicon.svg')));
  await installed(page, '/');
  expect((await swStats(page)).missingAtInstall).toEqual(['/favicon.svg']);
  expect(await cachedText(page, '/')).toContain('<h1');
});

for (const [name, breakIt] of [
  ['removed (404)', (dir: string) => unlinkSync(join(dir, 'sw.js'))],
  ['broken (a syntax error)', (dir: string) => writeFileSync(join(dir, 'sw.js'), 'self.addEventListener("fetch", (event) => {\n')],
] as [string, (dir: string) => void][]) {
  test(`a ${name} sw.js unregisters the old worker and its caches; the site comes from the network`, async ({ context, page }) => {
    await serve();
    await installed(page);
    breakIt(root);
    // A returning reader: a new tab, first answered by the old worker from its cache.
    const later = await context.newPage();
    await later.goto(base + PAGE);
    await expect.poll(() => later.evaluate(async () => (await navigator.serviceWorker.getRegistrations()).length), { timeout: 30_000 }).toBe(0);
    await expect.poll(() => later.evaluate(async () => (await caches.keys()).filter((n) => n.startsWith('wsgi-site-')).length)).toBe(0);
    const next = await context.newPage();
    const response = await next.goto(base + PAGE);
    expect(response?.fromServiceWorker()).toBe(false);
    expect(await next.evaluate(() => navigator.serviceWorker.controller)).toBeNull();
    await expect(next.getByRole('heading', { level: 1 })).toBeVisible();
  });
}
