import { test, expect, type Locator } from '@playwright/test';
import { watchPage } from './helpers/watch-page.ts';
import { liveEditor, openEditor, PHASE1, runAndReadStatus, typeCode } from './editor-page.ts';

test.setTimeout(240_000);

/** The text of every line of the Timeline tab. */
async function timelineLines(editor: Locator): Promise<string[]> {
  await editor.getByRole('tab', { name: 'Timeline' }).click();
  const items = editor.getByRole('tabpanel').getByRole('listitem');
  await expect(items.first()).toBeVisible();
  return items.allTextContents();
}

/** Words of the trace's data model that must never reach the reader. */
function internals(lines: string[]): string[] {
  return lines.filter((line) => /[{}]|"\w+":|status_line|last_chunk|error_page|errors write|ms error response|response bytes|body_size/.test(line));
}

// The Timeline tells what happened in plain words (no field names, no JSON), and the Output tab
// shows each server log line once.
test('Timeline lines read as plain English; Output shows the log once', async ({ page }) => {
  const watch = watchPage(page);
  await page.goto(PHASE1);
  const editor = liveEditor(page, 'hello.py');
  const input = await openEditor(editor);
  await typeCode(page, input, [
    'def app(environ, start_response):',
    '    environ["wsgi.errors"].write("about to fail\\n")',
    '    raise ValueError("no greeting today")',
    '',
  ].join('\n'));
  expect(await runAndReadStatus(editor)).toBe('500 Internal Server Error');
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
  expect(watch.problems()).toEqual([]);
});

// waitress reports the HTTP version as "1.1": the Timeline still says "HTTP/1.1".
test('a waitress request line in the Timeline names its HTTP version', async ({ page }) => {
  const watch = watchPage(page);
  await page.goto('/phases/why-async/?timeLimit=30000');
  const editor = liveEditor(page, 'thread_workers.py');
  await editor.scrollIntoViewIfNeeded();
  expect(await runAndReadStatus(editor)).toBe('200 OK');
  const lines = await timelineLines(editor);
  expect(internals(lines)).toEqual([]);
  expect(lines.join('\n')).toContain('The server read the request: GET /slow HTTP/1.1');
  expect(watch.problems()).toEqual([]);
});
