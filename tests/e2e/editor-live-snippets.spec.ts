import { readFileSync } from 'node:fs';
import { test, expect, type Page } from '@playwright/test';
import { watchPage } from './helpers/watch-page.ts';
import { internals, liveEditor, openEditor, runAndReadStatus, timelineLines, typeCode } from './editor-page.ts';

// Every snippet live: one snippet per phase that used to be static text (or is new), run
// as a reader runs it — one page load and one Python start per phase. Phase 2's HEAD example and
// phase 4's waitress Timeline (once editor-head.spec.ts and editor-timeline.spec.ts, each with a page
// load and a Python of its own) run on their phase's page after its snippet: each test runs its own
// editor, waits for its own result and reads the page's problems since the test before it read them
// (the first test on a page, since the load). In order in one worker; a failed test does not skip the next on its page,
// which then gets a new worker and loads the page again.
test.setTimeout(240_000);
const page_ = (slug: string) => `/phases/${slug}/?timeLimit=30000`;

/**
 * One page of `slug` for the tests of a describe block, its problems watched from the load.
 * `problemsSince()`, called as a test begins, gives that test's reader of the problems since the last
 * test's reading (for the first test, since the load).
 */
function sharedPhasePage(slug: string): { page: () => Page; problemsSince: () => () => string[] } {
  let page: Page;
  let watch: ReturnType<typeof watchPage>;
  let read = 0;
  test.describe.configure({ mode: 'default' });
  test.beforeAll(async ({ browser }) => {
    page = await browser.newPage();
    watch = watchPage(page);
    read = 0;
    await page.goto(page_(slug));
  });
  test.afterAll(async () => { await page?.close(); });
  return {
    page: () => page,
    problemsSince: () => {
      const since = read;
      return () => { const all = watch.problems(); read = all.length; return all.slice(since); };
    },
  };
}

test('phase 1: the body-framing primer runs on gunicorn and shows a chunked body', async ({ page }) => {
  const watch = watchPage(page);
  await page.goto(page_('what-wsgi-is'));
  const editor = liveEditor(page, 'body_framing.py');
  expect(await runAndReadStatus(editor)).toBe('200 OK');
  await expect(editor.locator('.le-results')).toContainText('Transfer-Encoding');
  await expect(editor.getByLabel('Response body')).toHaveText('Hello, body!');
  expect(watch.problems()).toEqual([]);
});

test.describe('phase 2, one page', () => {
  const shared = sharedPhasePage('an-app-from-scratch');

  test('phase 2: /café arrives as latin-1 characters and decodes back to UTF-8', async () => {
    const page = shared.page();
    const problems = shared.problemsSince();
    const editor = liveEditor(page, 'path_bytes.py');
    expect(await runAndReadStatus(editor)).toBe('200 OK');
    await expect(editor.getByLabel('Response body')).toContainText("PATH_INFO:        '/cafÃ©' (6 characters)");
    await expect(editor.getByLabel('Response body')).toContainText("bytes as UTF-8:   '/café'");
    expect(problems()).toEqual([]);
  });

  // Phase 2's HEAD example sends HEAD / as its prose does, and its right answer (GET's headers,
  // Content-Length 24, no body) is shown as right: no broken rule, not a cut response — as wsgiref,
  // gunicorn and waitress answer it. (Its own editor: its status line is its own run's.)
  test('the HEAD example: HEAD / by default, answered with no rule broken and nothing cut', async () => {
    const page = shared.page();
    const problems = shared.problemsSince();
    const editor = liveEditor(page, 'head_request.py');
    await editor.scrollIntoViewIfNeeded();
    await expect(editor.getByText('Request: HEAD /')).toBeVisible();
    expect(await runAndReadStatus(editor)).toBe('200 OK');
    await expect(editor.getByRole('group', { name: 'Rule broken' })).toHaveCount(0);
    await expect(editor.getByText('The server cut the connection')).toHaveCount(0);
    await editor.getByRole('tab', { name: 'Raw HTTP' }).click();
    await expect(editor.getByRole('tabpanel')).toContainText('Content-Length: 24');
    await editor.screenshot({ path: test.info().outputPath('head-request.png') });
    expect(problems()).toEqual([]);
  });
});

test('phase 3: catch_errors answers 500 for the broken app, traced layer by layer', async ({ page }) => {
  const watch = watchPage(page);
  await page.goto(page_('server-and-middleware'));
  const editor = page.locator('[data-live-editor][data-name="error_middleware"]');
  await editor.getByRole('button', { name: /^Run/ }).click();
  await expect(editor.getByRole('tab', { name: 'Onion' })).toHaveAttribute('aria-selected', 'true', { timeout: 60_000 });
  await editor.getByRole('tab', { name: 'Response' }).click();
  await expect(editor.locator('.le-response .le-status')).toHaveText('500 Internal Server Error');
  await expect(editor.getByLabel('Response body')).toHaveText('Internal error. It has been logged.');
  expect(watch.problems()).toEqual([]);
});

test.describe('phase 4, one page', () => {
  const shared = sharedPhasePage('why-async');

  test('phase 4: a WebSocket conversation, message by message, with the reader\'s own messages and code', async () => {
    const page = shared.page();
    const problems = shared.problemsSince();
    const editor = liveEditor(page, 'asgi_websocket.py');
    await editor.getByLabel(/^What the WebSocket client sends/).fill('ping\nbye');
    await editor.getByRole('button', { name: /^Run/ }).click();
    const messages = editor.getByRole('list', { name: 'ASGI messages in order' }).getByRole('listitem');
    await expect(messages).toHaveCount(7, { timeout: 60_000 });
    await expect(messages.nth(0)).toContainText('app received websocket.connect');
    await expect(messages.nth(1)).toContainText('app sent websocket.accept');
    await expect(messages.nth(2)).toContainText('1 s app received websocket.receive "ping"');
    await expect(messages.nth(3)).toContainText('1 s app sent websocket.send "echo: ping"');
    await expect(messages.nth(6)).toContainText('3 s app received websocket.disconnect code 1000');
    await expect(editor.locator('.asgi-summary')).toContainText('101 Switching Protocols — closed cleanly at 3 s');

    // The reader's edit is what runs; Reset brings back the lesson's code (read from the page).
    const original = readFileSync('content/phases/04-why-async/examples/asgi_websocket.py', 'utf8');
    const input = await openEditor(editor);
    await typeCode(page, input, original.replace('"echo: "', '"ECHO: "'));
    await expect(editor.getByText('modified', { exact: true })).toBeVisible();
    await editor.getByRole('button', { name: /^Run/ }).click();
    await expect(messages.nth(3)).toContainText('app sent websocket.send "ECHO: ping"', { timeout: 60_000 });
    await editor.getByRole('button', { name: 'Reset' }).click();
    await expect(editor.getByText('modified', { exact: true })).toBeHidden();
    expect(problems()).toEqual([]);
  });

  // waitress reports the HTTP version as "1.1": the Timeline still says "HTTP/1.1". (The Timeline's
  // plain-English test on phase 1 shares editor-run.spec.ts's page.)
  test('a waitress request line in the Timeline names its HTTP version', async () => {
    const page = shared.page();
    const problems = shared.problemsSince();
    const editor = liveEditor(page, 'thread_workers.py');
    await editor.scrollIntoViewIfNeeded();
    expect(await runAndReadStatus(editor)).toBe('200 OK');
    const lines = await timelineLines(editor);
    expect(internals(lines)).toEqual([]);
    expect(lines.join('\n')).toContain('The server read the request: GET /slow HTTP/1.1');
    expect(problems()).toEqual([]);
  });
});
