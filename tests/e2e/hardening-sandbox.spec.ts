import { test, expect, chromium, type BrowserContext, type Page } from '@playwright/test';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromiumLaunchOptions } from './helpers/chromium.ts';
import { serveStatic, type StaticServer } from './runtime-server.ts';
import { encodeShare } from '../../src/playground/share.ts';
import { ATTACK_APP, HELLO_APP } from './sandbox-attacks.ts';

// The reader's code runs where the browser draws the line (docs/decisions/reader-code-sandbox.md): a
// share link's app, Run by the reader, tries everything the two chains of the sandbox issue did — write
// the site's caches, IndexedDB and storage, fetch the site's own files, forge the runtime's messages —
// and a kept memory snapshot poisoned behind Python's back is dropped instead of breaking every start.
// Each chain ends with a browser restart: every page intact, the reader's saved work untouched, Python
// starts. Served with the service worker on, as a reader gets the site.
test.describe.configure({ mode: 'serial', timeout: 300_000 });

// SANDBOX_PORT: another port when two runs share a machine (stage 70 uses 8483).
const PORT = Number(process.env.SANDBOX_PORT ?? 8483);
const distDir = process.env.SITE_DIST ?? 'dist';
const base = `http://127.0.0.1:${PORT}`;
const PLAYGROUND = `${base}/playground/?timeLimit=30000`;
let server: StaticServer;
let profile: string;

test.beforeAll(async () => { server = await serveStatic(distDir, PORT, true); });
test.afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});
// One reader's profile for the file: the second test goes on in the browser the first one left (the site
// installed, Python started, its memory kept), instead of installing and starting Python again.
test.beforeAll(() => { profile = mkdtempSync(join(tmpdir(), 'wsgi-sandbox-profile-')); });
test.afterAll(() => rmSync(profile, { recursive: true, force: true }));

/** The reader's browser: one profile on disk, so a "restart" keeps every cache and storage area. */
function launch(): Promise<BrowserContext> {
  return chromium.launchPersistentContext(profile, { ...chromiumLaunchOptions(), serviceWorkers: 'allow' });
}

/** Open the site and wait until the service worker has made it work offline (its caches are filled). */
async function installSite(page: Page): Promise<void> {
  await page.goto(`${base}/`);
  await expect(page.getByRole('status').filter({ hasText: 'now works offline' })).toBeVisible({ timeout: 180_000 });
}

/** Open a share link carrying `app` in the playground, Run it `runs` times, and return the response body
 * shown after each Run. */
async function runShared(page: Page, app: string, runs = 1): Promise<string[]> {
  const link = await encodeShare({
    v: 1, files: { 'app.py': app }, mode: 'reference',
    request: { mode: 'form', method: 'GET', target: `/?site=${base}`, headers: [], body: '', raw: '' },
  });
  await page.goto('about:blank'); // a new fragment alone would not reload the playground
  await page.goto(PLAYGROUND + link);
  await expect(page.getByRole('status').filter({ hasText: 'You opened a share link' })).toBeVisible();
  const body = page.getByLabel('Response body');
  const texts: string[] = [];
  for (let i = 1; i <= runs; i++) {
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    await expect(body).toContainText(`run ${i}`, { timeout: 180_000 });
    texts.push((await body.textContent()) ?? '');
  }
  return texts;
}

/** Everything the site keeps in localStorage (saved work, progress), as one comparable value. */
function storage(page: Page): Promise<Record<string, string>> {
  return page.evaluate(() => Object.fromEntries(Object.entries(localStorage)));
}

/** Every script the page loaded from the site, as served to it now (through the service worker). */
async function expectScriptsIntact(page: Page): Promise<void> {
  const urls: string[] = await page.evaluate(() => performance.getEntriesByType('resource')
    .map((e) => new URL(e.name)).filter((u) => u.pathname.startsWith('/_astro/') && u.pathname.endsWith('.js')).map((u) => u.pathname));
  expect(urls.length).toBeGreaterThan(0);
  // The SHA-256 of each as the page gets it, taken in the page (the bytes themselves, copied out one by
  // one as numbers, took seconds per script), against the built file's.
  const served: string[] = await page.evaluate((paths) => Promise.all(paths.map(async (p) => {
    const digest = await crypto.subtle.digest('SHA-256', await (await fetch(p)).arrayBuffer());
    return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
  })), urls);
  urls.forEach((path, i) => {
    expect(served[i], `${path} as the page gets it`).toBe(createHash('sha256').update(readFileSync(join(distDir, path))).digest('hex'));
  });
}

/** A Run of a plain app answers: Python starts. */
async function expectPythonStarts(page: Page): Promise<void> {
  expect((await runShared(page, HELLO_APP))[0]).toContain('hello after the restart');
}

test('a share link’s code cannot reach the site’s caches, storage or network, nor forge a result; after a restart all is intact', async () => {
  let context = await launch();
  let page = context.pages()[0] ?? await context.newPage();
  await installSite(page);
  // The reader's own work, saved as they type.
  await page.goto(PLAYGROUND);
  await page.evaluate(() => localStorage.setItem('wsgi-ground-up:playground:mine', JSON.stringify({
    files: { 'app.py': 'def app(environ, start_response):\n    start_response("200 OK", [])\n    return [b"my own work"]\n' },
  })));
  const saved = await storage(page);

  // One page, two Runs of the same code (it keeps its worker): the first probes and attacks, the second
  // reports how the first Run's attempts ended (they settle asynchronously).
  const [run1, run2] = await runShared(page, ATTACK_APP, 2);
  const first = JSON.parse(run1.replace(/^run 1 /, ''));
  // What the reader's code can see of the site from where it runs.
  expect(first.origin, 'the worker has an opaque origin').toBe('null');
  expect(first.caches, 'no Cache Storage').toBe(false);
  expect(first.indexedDB).toMatch(/SecurityError|denied/i);
  expect(first.localStorage).toBe(false);
  expect(first.boot, 'the runtime\u2019s ports are out of reach').toBe(false);
  const second = JSON.parse(run2.replace(/^run 2 /, ''));
  expect(second.attempts.length).toBeGreaterThanOrEqual(5);
  for (const line of second.attempts) expect(line, 'every attempt on the site failed').toMatch(/denied|Error/);
  await expect(page.getByText(/FORGED/)).toHaveCount(0); // case-sensitive: the source says "forged"
  // The page itself notes the shared workspace and that Python has run; nothing the reader had changed.
  expect(await storage(page), 'saved work and progress untouched').toMatchObject(saved);

  // Restart the browser: same profile, same caches.
  await context.close();
  context = await launch();
  page = context.pages()[0] ?? await context.newPage();
  for (const path of ['/', '/phases/what-wsgi-is/', '/playground/']) {
    await page.goto(base + path);
    await expectScriptsIntact(page);
  }
  expect(await storage(page)).toMatchObject(saved);
  await expectPythonStarts(page);
  await context.close();
});

test('a kept memory snapshot poisoned with a well-formed all-zero copy is dropped, and Python starts', async () => {
  let context = await launch();
  let page = context.pages()[0] ?? await context.newPage();
  const kept = () => page.evaluate(async () => {
    const cache = await caches.open('wsgi-python-memory');
    return Promise.all((await cache.keys()).map(async (request) => {
      const bytes = new Uint8Array(await (await cache.match(request))!.arrayBuffer());
      return { url: request.url, size: bytes.length, nonZero: bytes.subarray(16).some((b) => b !== 0) };
    }));
  });
  await page.goto(`${base}/`);
  // Run alone (the profile is new): install the site and start Python first, as the test before did.
  if (!(await page.evaluate(() => navigator.serviceWorker.controller !== null)) || (await kept()).length === 0) {
    await installSite(page);
    await expectPythonStarts(page);
  }
  await expect.poll(kept, { timeout: 60_000 }).toEqual([expect.objectContaining({ nonZero: true })]);
  // What the old hole let one Run do: replace the kept copy with one that decodes to all-zero memory.
  await page.evaluate(async () => {
    const cache = await caches.open('wsgi-python-memory');
    const [request] = await cache.keys();
    const header = new Uint32Array((await (await cache.match(request))!.arrayBuffer()).slice(0, 16));
    const [magic, version, length, pageSize] = header;
    const zeros = new Uint8Array(16 + Math.ceil(Math.ceil(length / pageSize) / 8));
    new Uint32Array(zeros.buffer, 0, 4).set([magic, version, length, pageSize]);
    await cache.put(request, new Response(zeros));
  });
  expect((await kept())[0].nonZero).toBe(false);

  await context.close();
  context = await launch();
  page = context.pages()[0] ?? await context.newPage();
  await page.goto(`${base}/`);
  await expectPythonStarts(page);
  // The poisoned copy is gone; whatever is kept now is a real one.
  for (const entry of await kept()) expect(entry.nonZero).toBe(true);
  await context.close();
});
