import { test, expect, type Page } from '@playwright/test';
import { deflateRawSync } from 'node:zlib';
import { watchPage } from './helpers/watch-page.ts';
import { watchLongTasks } from './helpers/long-tasks.ts';

// Hostile share links on /playground/: a link that inflates to 200 MB, payloads of the wrong shape,
// hostile file names, more shared workspaces than a browser should keep, and a link pasted while the
// page is open. Each is refused or bounded with words the reader can act on; the reader's own
// playground stays usable. None of these runs Python.
test.setTimeout(120_000);

const REQUEST = { mode: 'form', method: 'GET', target: '/', headers: [], body: '', raw: 'GET / HTTP/1.1\nHost: localhost\n\n' };
const OK = { v: 1, files: { 'app.py': 'def app(environ, start_response):\n    pass  # shared one\n' }, request: REQUEST, mode: 'reference' };
const SHARED = 'wsgi-ground-up:playground:shared:';

/** A share fragment carrying `payload` (any JSON value, or raw text) exactly as a link would. */
function link(payload: unknown): string {
  const text = typeof payload === 'string' ? payload : JSON.stringify(payload);
  return `#share=${deflateRawSync(text, { level: 9 }).toString('base64url')}`;
}

async function expectOwnPlaygroundWorks(page: Page) {
  await expect(page.locator('[data-code-host]')).toContainText('def app(environ, start_response):');
  await expect(page.locator('[data-shared-tag]')).toBeHidden();
  // Not dead: adding a file works.
  await page.getByRole('button', { name: 'Add file' }).click();
  await page.getByLabel('New file name').fill('helpers.py');
  await page.getByRole('button', { name: 'Create' }).click();
  await expect(page.getByRole('tab', { name: 'helpers.py' })).toHaveAttribute('aria-selected', 'true');
}

test('a 272 KB link that inflates to 200 MB is refused at once; the page never stalls', async ({ page }) => {
  const watch = watchPage(page);
  const tasks = await watchLongTasks(page);
  const bomb = link(`{"v":1,"files":{"app.py":"${'x'.repeat(200_000_000)}"}}`);
  expect(bomb.length).toBeGreaterThan(250_000);
  const started = Date.now();
  await page.goto(`/playground/${bomb}`);
  await expect(page.getByRole('status').filter({ hasText: 'unpacks to more than 1 MB' })).toBeVisible({ timeout: 10_000 });
  const seconds = (Date.now() - started) / 1000;
  const longest = await tasks.longest();
  console.log(`200 MB share link: refused after ${seconds.toFixed(1)} s, longest main-thread task ${longest} ms`);
  expect(longest).toBeLessThan(200);
  await expectOwnPlaygroundWorks(page);
  expect(watch.problems()).toEqual([]);
});

for (const [what, payload, words] of [
  ['request: null', { ...OK, request: null }, 'request is null'],
  ['headers that are not a list', { ...OK, request: { ...REQUEST, headers: 5 } }, 'request.headers is the number 5'],
  ['files: null', { ...OK, files: null }, 'files is null'],
  ['a " in a file name', { ...OK, files: { 'a"b.py': 'x' } }, 'is not a Python module name'],
  ['../evil.py', { ...OK, files: { '../evil.py': 'x' } }, 'is a path'],
  ['/home/pyodide/x.py', { ...OK, files: { '/home/pyodide/x.py': 'x' } }, 'is a path'],
  ['an empty file name', { ...OK, files: { '': 'x' } }, 'cannot be empty'],
  ['"." as a file name', { ...OK, files: { '.': 'x' } }, 'is a path'],
  ['not JSON of a workspace', [1, 2], 'instead of a workspace'],
] as const) {
  test(`a link with ${what} is explained, and the reader's own playground works`, async ({ page }) => {
    const watch = watchPage(page);
    await page.goto(`/playground/${link(payload)}`);
    await expect(page.getByRole('status').filter({ hasText: new RegExp(`This share link cannot be opened: .*${words.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`) })).toBeVisible();
    await expect(page.getByRole('status').filter({ hasText: 'Your own playground is shown instead.' })).toBeVisible();
    await expectOwnPlaygroundWorks(page);
    expect(await page.evaluate((p) => Object.keys(localStorage).filter((k) => k.startsWith(p)), SHARED)).toEqual([]);
    expect(watch.problems()).toEqual([]);
  });
}

test('a shared workspace is stored under the SHA-256 of its content; pasting another link opens it', async ({ page }) => {
  const watch = watchPage(page);
  await page.goto('/playground/');
  await expect(page.locator('[data-code-host]')).toContainText('def app(environ, start_response):');
  // Pasted into the address bar while on the page: only the fragment changes.
  await page.evaluate((hash) => { location.hash = hash; }, link(OK));
  await expect(page.getByRole('status').filter({ hasText: 'You opened a share link' })).toBeVisible();
  await expect(page.locator('[data-code-host]')).toContainText('# shared one');
  await page.getByLabel('Server to imitate').selectOption('waitress');
  await expect.poll(() => page.evaluate((p) => Object.keys(localStorage).filter((k) => k.startsWith(p)), SHARED))
    .toEqual([expect.stringMatching(/:[0-9a-f]{64}$/)]);
  // A second link differing only in its trailing content gets its own workspace.
  const other = { ...OK, files: { 'app.py': `${OK.files['app.py']}# another\n` } };
  await page.evaluate((hash) => { location.hash = hash; }, link(other));
  await expect(page.locator('[data-code-host]')).toContainText('# another');
  await expect(page.getByLabel('Server to imitate')).toHaveValue('reference');
  // Clearing the fragment brings the reader's own playground back.
  await page.evaluate(() => { location.hash = ''; });
  await expect(page.locator('[data-shared-tag]')).toBeHidden();
  await expect(page.locator('[data-code-host]')).not.toContainText('# another');
  expect(watch.problems()).toEqual([]);
});

test('shared workspaces are bounded in number, listed, and deletable', async ({ page }) => {
  const watch = watchPage(page);
  await page.addInitScript(({ prefix, request }) => {
    if (window !== window.top || sessionStorage.getItem('seeded')) return;
    sessionStorage.setItem('seeded', '1');
    for (let i = 0; i < 8; i++) {
      const code = JSON.stringify({ [`kept${i}.py`]: `# kept ${i}\n` });
      localStorage.setItem(`${prefix}${String(i).repeat(64)}`, JSON.stringify({ v: 1, code, request: { request, mode: 'reference', active: `kept${i}.py`, appSpec: 'app:app' }, rev: 1, savedAt: 1_700_000_000_000 + i, originalHash: '' }));
    }
  }, { prefix: SHARED, request: REQUEST });
  await page.goto(`/playground/${link(OK)}`);
  const list = page.locator('[data-shared-list]');
  await expect(list.locator('summary')).toHaveText('Shared workspaces kept in this browser (8)');
  await list.locator('summary').click();
  await expect(list.getByRole('listitem')).toHaveCount(8);
  // A ninth is not kept: the reader is told why and how to make room.
  await page.getByLabel('Server to imitate').selectOption('gunicorn');
  await expect(page.getByText(/already keeps 8 shared workspaces/)).toBeVisible();
  await list.getByRole('button', { name: 'Delete shared workspace kept3.py' }).click();
  await expect(list.locator('summary')).toHaveText('Shared workspaces kept in this browser (7)');
  await page.getByLabel('Server to imitate').selectOption('waitress');
  await expect(list.locator('summary')).toHaveText('Shared workspaces kept in this browser (8)');
  await expect(list.getByRole('button', { name: 'Delete shared workspace app.py (open now)' })).toBeVisible();
  expect(await page.evaluate((p) => Object.keys(localStorage).filter((k) => k.startsWith(p)).length, SHARED)).toBe(8);
  expect(watch.problems()).toEqual([]);
});
