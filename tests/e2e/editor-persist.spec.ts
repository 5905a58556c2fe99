import { test, expect } from '@playwright/test';
import { liveEditor, openEditor, PHASE1, typeCode } from './editor-page.ts';

test.setTimeout(420_000);

// These tests never run Python: as on a Save-Data connection, the page must not start it by itself.
test.beforeEach(async ({ context }) => {
  await context.addInitScript(() => Object.defineProperty(navigator, 'connection', { value: { saveData: true }, configurable: true }));
  context.on('request', (request) => {
    if (request.url().includes('/pyodide/')) throw new Error(`Python was loaded on a Save-Data connection: ${request.url()}`);
  });
});

const EDITED = 'def app(environ, start_response):\n    start_response("200 OK", [])\n    return [b"kept across reloads"]';

test('reload keeps the edits and the request; reset and undo, also after a reload', async ({ page }) => {
  await page.goto(PHASE1);
  const editor = liveEditor(page, 'hello.py');
  const input = await openEditor(editor);
  await typeCode(page, input, EDITED);
  await editor.getByText('Request:').click();
  await editor.getByLabel('Method').selectOption('POST');
  await editor.getByLabel('Path and query').fill('/notes?draft=1');
  await editor.getByText('Headers and body').click();
  await editor.getByRole('button', { name: 'Add header' }).click();
  await editor.getByLabel('Header 1 name').fill('X-Trace-Id');
  await editor.getByLabel('Header 1 value').fill('abc123');
  await editor.getByLabel('Body', { exact: true }).fill('{"note": 1}');
  await expect(editor.getByText('modified', { exact: true })).toBeVisible();

  await page.reload();
  const again = liveEditor(page, 'hello.py');
  await expect(again.getByText('modified', { exact: true })).toBeVisible();
  await expect(again.locator('[data-code-host]')).toContainText('kept across reloads');
  await expect(again.getByText('Request: POST /notes?draft=1')).toBeVisible();
  await again.getByText('Request:').click();
  await again.getByText('Headers and body').click();
  await expect(again.getByLabel('Header 1 name')).toHaveValue('X-Trace-Id');
  await expect(again.getByLabel('Body', { exact: true })).toHaveValue('{"note": 1}');

  // Reset brings back the lesson's code; Undo reset brings the edits back, even after a reload.
  await again.getByRole('button', { name: 'Reset' }).click();
  await expect(again.getByText('modified', { exact: true })).toBeHidden();
  await expect(again.locator('[data-code-host]')).toContainText('Hello, WSGI!');
  await page.reload();
  const third = liveEditor(page, 'hello.py');
  await expect(third.locator('[data-code-host]')).toContainText('Hello, WSGI!');
  await third.getByRole('button', { name: 'Undo reset' }).click();
  await expect(third.locator('[data-code-host]')).toContainText('kept across reloads');
  await expect(third.getByText('modified', { exact: true })).toBeVisible();

  // In the open editor, Reset is one step of the editor's own undo: Ctrl+Z brings the code back.
  const input3 = await openEditor(third);
  await third.getByRole('button', { name: 'Reset' }).click();
  await expect(third.locator('.view-lines')).toContainText('Hello, WSGI!');
  await input3.focus();
  await page.keyboard.press('ControlOrMeta+Z');
  await expect(third.locator('.view-lines')).toContainText('kept across reloads');
});

test('two tabs: newer work is taken over, and a real conflict asks instead of overwriting', async ({ context }) => {
  const a = await context.newPage();
  const b = await context.newPage();
  // Tab A's clock is faked, so later its edit can wait in its save delay: when a conflict happens.
  await a.clock.install();
  await a.goto(PHASE1);
  await b.goto(PHASE1);
  await a.bringToFront();
  const edA = liveEditor(a, 'hello.py');
  const edB = liveEditor(b, 'hello.py');
  const inputA = await openEditor(edA);
  await typeCode(a, inputA, 'def app(environ, start_response):\n    start_response("200 OK", [])\n    return [b"from tab A"]');
  // Tab B had no change of its own: it shows tab A's newer work as soon as A saves.
  await expect(edB.locator('[data-code-host]')).toContainText('from tab A', { timeout: 30_000 });

  // A edits its request (waiting in its save delay: its clock stands still) while tab B saves newer
  // work (written as B's editor writes it): A must not overwrite B's work silently.
  await a.clock.pauseAt(await a.evaluate(() => Date.now() + 5000));
  await edA.getByText('Request:').click();
  await edA.getByLabel('Path and query').fill('/from-tab-a');
  await b.evaluate(() => {
    const key = 'wsgi-ground-up:editor:/phases/what-wsgi-is:hello';
    const work = JSON.parse(localStorage.getItem(key)!);
    localStorage.setItem(key, JSON.stringify({ ...work, code: work.code.replace('from tab A', 'from tab B'), rev: work.rev + 1, savedAt: Date.now() }));
  });
  const notice = edA.getByRole('status').filter({ hasText: 'changed in another tab' });
  await expect(notice).toBeVisible({ timeout: 30_000 });
  await notice.getByText('Compare the two versions').click();
  await expect(notice.locator('.le-diff-del', { hasText: 'from tab B' })).toBeVisible();
  await expect(notice.locator('.le-diff-add', { hasText: 'from tab A' })).toBeVisible();

  // A keeps its version on purpose: now B takes it over.
  await notice.getByRole('button', { name: 'Keep this version' }).click();
  await expect(edB.getByText('Request: GET /from-tab-a')).toBeVisible({ timeout: 30_000 });
  await expect(edB.locator('[data-code-host]')).toContainText('from tab A');
});

test('when the lesson’s original changed since the reader edited it, they are told and can compare or reset', async ({ page }) => {
  await page.goto(PHASE1);
  // Work saved against an older version of the example (its hash no longer matches the page's).
  await page.evaluate(() => localStorage.setItem('wsgi-ground-up:editor:/phases/what-wsgi-is:hello', JSON.stringify({
    v: 1, code: 'def app(environ, start_response):\n    start_response("200 OK", [])\n    return [b"my old edit"]',
    request: null, rev: 1, savedAt: 1, originalHash: '00000000',
  })));
  await page.reload();
  const editor = liveEditor(page, 'hello.py');
  const notice = editor.getByRole('status').filter({ hasText: 'The lesson’s version of this example has changed since you edited it' });
  await expect(notice).toBeVisible();
  await expect(editor.locator('[data-code-host]')).toContainText('my old edit');
  await notice.getByText('Compare the lesson’s new version with yours').click();
  await expect(notice.locator('.le-diff-del', { hasText: 'Hello, WSGI!' })).toBeVisible();
  await expect(notice.locator('.le-diff-add', { hasText: 'my old edit' })).toBeVisible();
  await notice.getByRole('button', { name: 'Reset to the new version' }).click();
  await expect(editor.locator('[data-code-host]')).toContainText('Hello, WSGI!');
  await expect(editor.getByRole('button', { name: 'Undo reset' })).toBeVisible();
});
