import { test, expect } from '@playwright/test';
import { watchPage } from './helpers/watch-page.ts';
import { expectOwnPlaygroundWorks, link } from './helpers/share-link.ts';
import { asSaveDataReader } from './helpers/save-data.ts';

// Hostile share links on /playground/: payloads of the wrong shape, hostile file names, more shared
// workspaces than a browser should keep, and a link pasted while the page is open. Each is refused or
// bounded with words the reader can act on; the reader's own playground stays usable. None of these
// runs Python: each is a Save-Data reader's page, which never starts it. (The link that inflates to
// 200 MB bounds a time on the page: hardening-share-bomb.spec.ts, run alone in stage 71.)
test.setTimeout(120_000);

const REQUEST = { mode: 'form', method: 'GET', target: '/', headers: [], body: '', raw: 'GET / HTTP/1.1\nHost: localhost\n\n' };
const OK = { v: 1, files: { 'app.py': 'def app(environ, start_response):\n    pass  # shared one\n' }, request: REQUEST, mode: 'reference' };
const SHARED = 'wsgi-ground-up:playground:shared:';

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
    await asSaveDataReader(page.context());
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
  await asSaveDataReader(page.context());
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
  await asSaveDataReader(page.context());
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
