import { writeFileSync } from 'node:fs';
import { test, expect, type Page } from '@playwright/test';
import { watchPage } from './helpers/watch-page.ts';
import { asSaveDataReader } from './helpers/save-data.ts';
import { liveEditor, PHASE1 } from './editor-page.ts';

// Saved work read back from storage is hostile input too: an entry edited by hand, imported, or left
// by an older site. A damaged one falls back to the original with a notice and the editor still runs;
// an import lists what it would change and asks first, and takes only known keys and shapes; Reset
// offers to clear the editors' work; the zip and the shown shell commands stay safe.
test.setTimeout(240_000);

const EDITOR_KEY = 'wsgi-ground-up:editor:/phases/what-wsgi-is:hello';
const MINE = 'wsgi-ground-up:playground:mine';
const REQUEST = { mode: 'form', method: 'GET', target: '/', headers: [], body: '', raw: 'GET / HTTP/1.1\nHost: localhost\n\n' };
const entry = (code: string, request: unknown) => JSON.stringify({ v: 1, code, request, rev: 3, savedAt: 1_700_000_000_000, originalHash: 'x' });
const playground = (files: unknown, extra: Record<string, unknown> = {}) =>
  entry(JSON.stringify(files), { request: REQUEST, mode: 'reference', active: 'app.py', appSpec: 'app:app', ...extra });

/** Put `items` into localStorage before the page's scripts run, once per test (not on reloads). */
async function seed(page: Page, items: Record<string, string>) {
  await page.addInitScript((items) => {
    if (window !== window.top || sessionStorage.getItem('seeded')) return;
    sessionStorage.setItem('seeded', '1');
    for (const [k, v] of Object.entries(items)) localStorage.setItem(k, v);
  }, items);
}

for (const [what, value, words] of [
  ['request.headers: 5', entry('def app(e, s): pass  # mine\n', { ...REQUEST, headers: 5 }), 'request.headers is the number 5'],
  ['a string request', entry('def app(e, s): pass  # mine\n', 'GET /'), 'request is text'],
  ['a code that is not text', entry('x', REQUEST).replace('"code":"x"', '"code":5'), 'code is the number 5'],
] as const) {
  test(`a live editor's saved entry with ${what} falls back to the original with a notice, and runs`, async ({ page }) => {
    const watch = watchPage(page);
    await seed(page, { [EDITOR_KEY]: value });
    await page.goto(PHASE1);
    const editor = liveEditor(page, 'hello.py');
    await expect(editor.getByText(`Your saved copy of this example could not be read (${words}`)).toBeVisible();
    await expect(editor.locator('[data-code-host]')).not.toContainText('# mine');
    await editor.getByRole('button', { name: /^Run/ }).click();
    await expect(editor.getByLabel('Response body')).toBeVisible({ timeout: 180_000 });
    // The run saved the original over the damaged copy: the next visit has nothing to complain about.
    await expect.poll(() => page.evaluate((k) => JSON.parse(localStorage.getItem(k) ?? '{}').request?.headers, EDITOR_KEY)).toEqual(expect.any(Array));
    expect(watch.problems()).toEqual([]);
  });
}

for (const [what, files, extra, words] of [
  ['active: "toString"', { 'app.py': 'x = 1  # mine\n' }, { active: 'toString', request: { ...REQUEST, headers: {} } }, 'request.headers is an object'],
  ['a file that is not text', { 'app.py': 5 }, {}, 'files["app.py"] is the number 5'],
  ['hostile names (zip)', { 'app.py': 'x = 1  # mine\n', '../../.bashrc': 'rm -rf ~', '/etc/x.py': 'y' }, {}, 'is a path'],
] as const) {
  test(`a playground entry with ${what} is not used: the starter is shown with a notice, and only safe names are downloaded`, async ({ page }) => {
    await asSaveDataReader(page.context()); // never Run: Python must not start by itself (helpers/save-data.ts)
    const watch = watchPage(page);
    await seed(page, { [MINE]: playground(files, extra) });
    await page.goto('/playground/');
    await expect(page.getByRole('status').filter({ hasText: 'The copy kept in this browser could not be read' })).toContainText(words);
    await expect(page.locator('[data-code-host]')).toContainText('def app(environ, start_response):');
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Download' }).click();
    expect((await download).suggestedFilename()).toBe('app.py');
    // Not dead: a file can be added, and the work is saved over the damaged copy.
    await page.getByRole('button', { name: 'Add file' }).click();
    await page.getByLabel('New file name').fill('helpers.py');
    await page.getByRole('button', { name: 'Create' }).click();
    // Saved in the playground's own format (version 2: the files as an object, not JSON inside `code`).
    await expect.poll(() => page.evaluate((k) => Object.keys(JSON.parse(localStorage.getItem(k) ?? '{}').files ?? {}), MINE)).toEqual(['app.py', 'helpers.py']);
    expect(watch.problems()).toEqual([]);
  });
}

test('an application spec from storage is quoted in the shell commands shown', async ({ page }) => {
  await asSaveDataReader(page.context());
  await seed(page, { [MINE]: playground({ 'app.py': 'x = 1\n' }, { appSpec: 'app:app; touch /tmp/pwned', mode: 'gunicorn' }) });
  await page.goto('/playground/');
  await expect(page.locator('[data-commands]')).toHaveText("python3 -m pip install gunicorn\ngunicorn --bind 127.0.0.1:8000 'app:app; touch /tmp/pwned'");
  await page.getByLabel('Server to imitate').selectOption('wsgiref');
  await expect(page.locator('[data-commands]')).toHaveText(/^# The application 'app:app; touch \/tmp\/pwned' is not module:callable/);
});

test('import lists what it changes, asks first, and takes only known keys and shapes', async ({ page }, info) => {
  const watch = watchPage(page);
  const mine = entry('def app(e, s): pass  # mine\n', REQUEST);
  await seed(page, { [EDITOR_KEY]: mine, 'wsgi-theme': 'dark' });
  await page.goto('/');
  const file = info.outputPath('import.json');
  writeFileSync(file, JSON.stringify({ format: 'wsgi-ground-up/progress', version: 1, exported: '2026-12-01T00:00:00Z', entries: {
    'wsgi-ground-up:progress': JSON.stringify({ 'what-wsgi-is': { visited: true, quiz: {}, exercises: {} } }),
    [EDITOR_KEY]: entry('def app(e, s): pass  # imported\n', REQUEST),
    'wsgi-theme': 'dark',
    'wsgi-anything': 'evil',
    'wsgi-ground-up:editor:/phases/what-wsgi-is:other': entry('x', { ...REQUEST, headers: 5 }),
    'wsgi-ground-up:playground:mine': playground({ '../evil.py': 'x' }),
  } }));
  await page.getByText('Import progress').setInputFiles(file);
  const dialog = page.getByRole('dialog', { name: 'Import this progress file?' });
  await expect(dialog).toContainText('import.json would change 2 items in this browser. 1 are already the same.');
  await expect(dialog.getByRole('listitem').filter({ hasText: 'Your edits to the example “hello” on /phases/what-wsgi-is' })).toBeVisible();
  await expect(dialog.getByRole('listitem').filter({ hasText: 'Quiz answers and passed exercises' })).toBeVisible();
  await expect(dialog.getByRole('listitem').filter({ hasText: 'wsgi-anything: not something this site keeps for you' })).toBeVisible();
  await expect(dialog.getByRole('listitem').filter({ hasText: 'request.headers is the number 5' })).toBeVisible();
  await expect(dialog.getByRole('listitem').filter({ hasText: 'is a path' })).toBeVisible();
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Nothing imported from import.json' })).toBeVisible();
  expect(await page.evaluate((k) => localStorage.getItem(k), EDITOR_KEY)).toBe(mine);

  await page.getByText('Import progress').setInputFiles(file);
  await dialog.getByRole('button', { name: 'Import' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Imported 3 saved items from import.json' })).toBeVisible();
  await page.waitForURL('/');
  const stored = await page.evaluate(() => ({ ...localStorage }));
  expect(stored[EDITOR_KEY]).toContain('# imported');
  expect(stored['wsgi-anything']).toBeUndefined();
  expect(stored['wsgi-ground-up:editor:/phases/what-wsgi-is:other']).toBeUndefined();
  expect(stored[MINE]).toBeUndefined();
  expect(watch.problems()).toEqual([]);
});

test('Reset progress offers to clear the editors’ and the playground’s work too', async ({ page }) => {
  const watch = watchPage(page);
  await seed(page, { [EDITOR_KEY]: entry('x', REQUEST), [MINE]: playground({ 'app.py': 'x' }), 'wsgi-ground-up:progress': '{}' });
  await page.goto('/');
  await page.getByRole('button', { name: 'Reset progress…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Reset your progress?' });
  const also = dialog.getByRole('checkbox', { name: /Also clear my edits in the live examples and the playground, shared workspaces included \(2 saved\)/ });
  await expect(also).not.toBeChecked();
  await dialog.getByRole('button', { name: 'Reset' }).click();
  await page.waitForURL('/');
  await expect.poll(() => page.evaluate(() => Object.keys(localStorage).sort())).toEqual([EDITOR_KEY, MINE].sort());
  await page.getByRole('button', { name: 'Reset progress…' }).click();
  await also.check();
  await dialog.getByRole('button', { name: 'Reset' }).click();
  await expect.poll(() => page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('wsgi-ground-up:')))).toEqual([]);
  expect(watch.problems()).toEqual([]);
});
