import { test, expect, type Locator, type Page } from '@playwright/test';
import { watchPage } from './helpers/watch-page.ts';
import { internals, liveEditor, openEditor, PHASE1, runAndReadStatus, timelineLines, typeCode } from './editor-page.ts';

test.setTimeout(420_000);

// A reader edits phase 1's examples and runs them: one page, one Monaco and one Python start for the
// file (each test runs its own code; a later run uses the warm standby the last one left). Each test
// waits for its own result (the order matters where two tests run the same editor: no test waits for
// a text the test before it left on screen) and reads the page's problems since it began.
test.describe.configure({ mode: 'serial' });
let page: Page;
let watch: ReturnType<typeof watchPage>;
test.beforeAll(async ({ browser }) => {
  page = await browser.newPage();
  watch = watchPage(page);
  await page.goto(PHASE1);
});
test.afterAll(async () => { await page?.close(); });

/** The editor's text area: opened by a click the first time (as a reader would), then as it is. */
async function editorInput(editor: Locator): Promise<Locator> {
  const input = editor.getByRole('textbox', { name: /^Code of .*, editable$/ });
  return (await input.count()) ? input : openEditor(editor);
}

// First in the file: the editor is as the lesson left it, so "modified" appears because of this edit.
test('type code, run, read the response; Ctrl+Enter runs too', async () => {
  const since = watch.problems().length;
  const editor = liveEditor(page, 'hello.py');
  await expect(editor.getByText('modified', { exact: true })).toBeHidden();
  const input = await openEditor(editor);
  await typeCode(page, input, 'def app(environ, start_response):\n    start_response("201 Created", [("Content-Type", "text/plain")])\n    return [b"typed by a test"]\n');
  await expect(editor.getByText('modified', { exact: true })).toBeVisible();
  expect(await runAndReadStatus(editor)).toBe('201 Created');
  await expect(editor.getByLabel('Response body')).toHaveText('typed by a test');

  await typeCode(page, input, 'def app(environ, start_response):\n    start_response("202 Accepted", [])\n    return [b"via keyboard"]\n');
  await page.keyboard.press('Control+Enter');
  await expect(editor.locator('.le-response .le-status')).toHaveText('202 Accepted', { timeout: 30_000 });
  await expect(editor.getByLabel('Response body')).toHaveText('via keyboard');
  await expect(editor.getByRole('status').filter({ hasText: /Python ready: CPython 3\.\d+/ })).toBeVisible();
  expect(watch.problems().slice(since)).toEqual([]);
});

// A script example (run="script": no request composer) runs like `python3 file.py` and shows what it
// printed, by the button and by Ctrl+Enter, with no error on the page.
test('"Be the server for a moment": Run script prints the tuple the prose quotes', async () => {
  const since = watch.problems().length;
  const editor = liveEditor(page, 'call_by_hand.py');
  await editor.scrollIntoViewIfNeeded();
  await editor.getByRole('button', { name: 'Run script' }).click();
  const output = editor.getByRole('tabpanel').getByLabel('Printed (stdout)');
  await expect(output).toHaveText(
    "('200 OK', [('Content-Type', 'text/plain; charset=utf-8')], b'You asked for /hello\\n')\n", { timeout: 90_000 });
  await page.screenshot({ path: test.info().outputPath('call-by-hand.png'), fullPage: false });

  // Ctrl+Enter from the editor's box runs it again.
  await editor.getByRole('button', { name: 'Run script' }).focus();
  await page.keyboard.press('Control+Enter');
  await expect(output).toBeVisible({ timeout: 30_000 });
  expect(watch.problems().slice(since)).toEqual([]);
});

// The Timeline tells what happened in plain words (no field names, no JSON), and the Output tab
// shows each server log line once.
test('Timeline lines read as plain English; Output shows the log once', async () => {
  const since = watch.problems().length;
  const editor = liveEditor(page, 'hello.py');
  const input = await editorInput(editor);
  await typeCode(page, input, [
    'def app(environ, start_response):',
    '    environ["wsgi.errors"].write("about to fail\\n")',
    '    raise ValueError("no greeting today")',
    '',
  ].join('\n'));
  // The status of this run (the last test's 202 is on screen until it answers).
  await editor.getByRole('button', { name: 'Run' }).click();
  await expect(editor.locator('.le-response .le-status')).toHaveText('500 Internal Server Error', { timeout: 30_000 });
  const lines = await timelineLines(editor);
  expect(internals(lines)).toEqual([]);
  const text = lines.join('\n');
  expect(text).toContain('The server read the request: GET / HTTP/1.1');
  expect(text).toContain('The app wrote to wsgi.errors (the server’s log): “about to fail”');
  expect(text).toContain('The app raised ValueError: no greeting today');
  expect(text).toContain('The server answered with its own error response: 500 Internal Server Error');
  expect(text).toContain('The server sent the status line, “HTTP/1.0 500 Internal Server Error”');
  await editor.screenshot({ path: test.info().outputPath('timeline.png') });

  await editor.getByRole('tab', { name: 'Output' }).click();
  const output = (await editor.getByRole('tabpanel').textContent()) ?? '';
  expect(output.split('about to fail').length - 1, output).toBe(1);
  expect(output.split('ValueError: no greeting today').length - 1, output).toBe(1);
  expect(watch.problems().slice(since)).toEqual([]);
});

// Errors as the reader meets them: the card, the marked line, the rule broken (each waits for its own card).
// The line Monaco marks: its gutter decoration sits in the same margin row as the line number.
async function markedLine(file: string): Promise<string> {
  const gutter = liveEditor(page, file).locator('.margin-view-overlays .le-error-gutter');
  await expect(gutter).toHaveCount(1);
  return gutter.evaluate((el) => el.parentElement?.querySelector('.line-numbers')?.textContent ?? '');
}

test('a syntax error marks the right line, with the message in plain words', async () => {
  const editor = liveEditor(page, 'hello.py');
  const input = await editorInput(editor);
  await typeCode(page, input, 'def app(environ, start_response):\n    start_response("200 OK", [])\n    body = (b"never closed"\n\n\n    return [body]\n');
  await editor.getByRole('button', { name: 'Run' }).click();
  const card = editor.getByRole('group', { name: 'Error' });
  await expect(card).toContainText('The server could not load your app', { timeout: 180_000 });
  await expect(card).toContainText('Line 3: An opening ( on this line is never closed');
  expect(await markedLine('hello.py')).toBe('3');
  await expect(editor.locator('.le-error-after').first()).toContainText('never closed');
  // The card's button puts the cursor on that line.
  await card.getByRole('button', { name: 'Go to line 3' }).click();
  await expect(input).toBeFocused();
  await page.keyboard.type('# here ');
  // The caret was at the start of line 3: the typed text now begins that line (as saved).
  await expect.poll(() => page.evaluate(() => {
    const saved = localStorage.getItem('wsgi-ground-up:editor:/phases/what-wsgi-is:hello');
    return saved ? (JSON.parse(saved).code as string).split('\n')[2] : '';
  })).toBe('# here     body = (b"never closed"');
});

test('a traceback marks the line of the reader’s code that raised', async () => {
  const editor = liveEditor(page, 'hello.py');
  const input = await editorInput(editor);
  await typeCode(page, input, 'def app(environ, start_response):\n    start_response("200 OK", [])\n    name = environ["HTTP_X_MISSING"]\n    return [name.encode()]\n');
  await editor.getByRole('button', { name: 'Run' }).click();
  const card = editor.getByRole('group', { name: 'Error' });
  await expect(card).toContainText('Your app raised an exception', { timeout: 180_000 });
  await expect(card).toContainText("Line 3: The key 'HTTP_X_MISSING' is not in the dict");
  expect(await markedLine('hello.py')).toBe('3');
  // Fixing the code clears the mark as soon as the reader types.
  await input.press('End');
  await page.keyboard.type(' ');
  await expect(editor.locator('.margin-view-overlays .le-error-gutter')).toHaveCount(0);
});

test('a broken WSGI rule is a card with the rule, the fix and the real traceback', async () => {
  const editor = liveEditor(page, 'pitfall_str_body.py');
  await editor.getByRole('button', { name: 'Run' }).click();
  const card = editor.getByRole('group', { name: 'Rule broken' });
  await expect(card).toContainText('every item must be bytes', { timeout: 180_000 });
  await expect(card.getByRole('link', { name: 'PEP 3333: Unicode Issues' })).toHaveAttribute('href', 'https://peps.python.org/pep-3333/#unicode-issues');
  await expect(card).toContainText("How to fix it: Encode text before yielding it");
  await card.getByText('The real traceback').click();
  await expect(card.locator('pre')).toContainText('Traceback (most recent call last)');
  await expect(editor.locator('.le-response .le-status')).toHaveText('500 Internal Server Error');
});

// The composer: form ↔ raw HTTP, the environ linked to the request bytes, copy as curl.
test('a raw request reaches the app byte for byte; the environ points at the bytes each key came from', async () => {
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  const editor = liveEditor(page, 'environ_explorer.py');
  await editor.getByText('Request:').click();
  await expect(editor.getByLabel('Path and query')).toHaveValue('/hello?name=Ada');
  await editor.getByRole('button', { name: 'Copy as curl' }).click();
  await expect(editor.getByText(/^Copied\. Run your app with gunicorn/)).toBeVisible({ timeout: 60_000 });
  expect(await page.evaluate(() => navigator.clipboard.readText()))
    .toBe("curl -i 'http://localhost:8000/hello?name=Ada' -H 'User-Agent: curl/7.88.1' -H 'Accept: */*' -H 'X-Trace-Id: abc123'");

  await editor.getByLabel('Type the raw HTTP request').check();
  const raw = editor.getByLabel(/^Raw HTTP request/);
  await expect(raw).toHaveValue(/^GET \/hello\?name=Ada HTTP\/1\.1\nHost: localhost\nUser-Agent: curl\/7\.88\.1/);
  await raw.fill('GET /raw/path?q=%41 HTTP/1.1\nHost: example.test\nX-Odd-Header: seen\n\n');
  await expect(editor.getByText('Request: GET /raw/path?q=%41 HTTP/1.1')).toBeVisible();
  await editor.getByRole('button', { name: 'Run' }).click();
  const body = editor.getByLabel('Response body');
  await expect(body).toContainText("HTTP_X_ODD_HEADER = 'seen'", { timeout: 180_000 });
  await expect(body).toContainText("PATH_INFO = '/raw/path'");
  await expect(body).toContainText("QUERY_STRING = 'q=%41'");

  await editor.getByRole('tab', { name: 'Raw HTTP' }).click();
  await expect(editor.getByLabel('Raw request')).toHaveText('GET /raw/path?q=%41 HTTP/1.1␍␊\nHost: example.test␍␊\nX-Odd-Header: seen␍␊\n␍␊\n');

  await editor.getByRole('tab', { name: 'Environ' }).click();
  const row = editor.getByRole('row', { name: /HTTP_X_ODD_HEADER/ });
  await expect(row).toContainText('One key per request header');
  await row.getByRole('button', { name: /show where HTTP_X_ODD_HEADER came from/ }).click();
  await expect(editor.locator('.le-environ-request mark')).toHaveText('X-Odd-Header: seen');

  // Back to the form: the raw request's parts are in the fields.
  await editor.getByLabel('Type the raw HTTP request').uncheck();
  await expect(editor.getByLabel('Path and query')).toHaveValue('/raw/path?q=%41');
});

// An app that never answers is stopped by the reader; the page answers clicks throughout, and the
// next run works.
test('an infinite loop is stopped, the page keeps answering, the next run works', async () => {
  const since = watch.problems().length;
  const editor = liveEditor(page, 'hello.py');
  const input = await editorInput(editor);
  await typeCode(page, input, 'def app(environ, start_response):\n    while True:\n        pass\n');
  const run = editor.getByRole('button', { name: 'Run' });
  await run.click();
  const stop = editor.getByRole('button', { name: 'Stop' });
  await expect(stop).toBeFocused();
  await expect(editor.getByText(/^Running… \d+\.\d s$/)).toBeVisible({ timeout: 180_000 });
  await expect(run).toBeDisabled();

  // While Python spins, the page still reacts: open and close the request details.
  const composer = editor.locator('details.le-composer');
  const summary = editor.locator('details.le-composer > summary');
  await summary.click();
  await expect(composer).toHaveAttribute('open', '');
  await summary.click();
  await expect(composer).not.toHaveAttribute('open', '');

  await stop.click();
  await expect(editor.getByRole('group', { name: 'Notice' })).toContainText('Stopped: you stopped the run.', { timeout: 30_000 });
  await expect(stop).toBeHidden();
  await expect(run).toBeEnabled();

  await typeCode(page, input, 'def app(environ, start_response):\n    start_response("200 OK", [])\n    return [b"alive again"]\n');
  await run.click();
  // The results keep the tab the reader chose last (the Timeline test's Output).
  await editor.getByRole('tab', { name: 'Response' }).click({ timeout: 180_000 });
  await expect(editor.getByLabel('Response body')).toHaveText('alive again', { timeout: 180_000 });
  expect(watch.problems().slice(since)).toEqual([]);
});

// The app answers HTML whose script tries to reach the page and the network. Last in the file: when
// the stop test came after it, the preview's blocked loads were logged again during that test's runs.
const HOSTILE = `def app(environ, start_response):
    page = b"""<!doctype html><title>x</title>
<h1 id=h>Hello from the app</h1>
<img src="https://tracker.invalid/pixel.gif" alt="">
<script>
let reached = "no";
try { parent.document.title = "hacked"; reached = "yes"; } catch (e) { reached = "blocked: " + e.name; }
fetch("https://api.invalid/data").catch(() => {});
document.getElementById("h").textContent = "script ran; parent " + reached;
</script>"""
    start_response("200 OK", [("Content-Type", "text/html; charset=utf-8")])
    return [page]`;

test('an HTML response is previewed sandboxed: its scripts cannot reach the page, its requests are blocked and reported', async () => {
  const since = watch.problems().length;
  const title = await page.title();
  const editor = liveEditor(page, 'hello.py');
  const input = await editorInput(editor);
  await typeCode(page, input, HOSTILE);
  await editor.getByRole('button', { name: 'Run' }).click();
  await editor.getByRole('tab', { name: 'Preview' }).click({ timeout: 180_000 });

  const iframe = editor.locator('iframe.le-preview-frame');
  await expect(iframe).toHaveAttribute('sandbox', 'allow-scripts');
  const frame = editor.frameLocator('iframe.le-preview-frame');
  await expect(frame.locator('h1')).toHaveText(/^script ran; parent blocked: SecurityError$/);
  expect(await page.title()).toBe(title);

  const blocked = editor.getByRole('status').filter({ hasText: 'tried to load something from the network' });
  await expect(blocked).toContainText('https://tracker.invalid/pixel.gif');
  await expect(blocked).toContainText('https://api.invalid/data');
  // The two loads were stopped by the preview's policy inside the browser ("csp"), nothing else went wrong.
  const problems = watch.problems().slice(since);
  expect(problems).toContain('failed request: https://tracker.invalid/pixel.gif (csp)');
  expect(problems.filter((p) => !/https:\/\/(tracker|api)\.invalid\//.test(p))).toEqual([]);
});
