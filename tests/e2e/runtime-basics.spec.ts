import { test, expect, type Page } from '@playwright/test';
import { distDir, serveStatic, type StaticServer } from './runtime-server.ts';
import { collectErrors, openRuntime, sendRequest } from './runtime-page.ts';

// The reader's first contact with Python in the page: it loads with progress, answers a request, shows
// output live, and a failed download says so and can be retried.
let server: StaticServer;
const port = 4413;
const base = `http://127.0.0.1:${port}`;

// The first three tests share one page (a new browser context: nothing cached, nothing kept), in order:
// its first start with progress, requests to it, then a second start after a reload. Each start of
// Python costs seconds of CPU; a page per test started it five times for these checks, now twice.
let shared: Page;
test.beforeAll(async ({ browser }) => {
  server = await serveStatic(distDir, port, true);
  shared = await browser.newPage();
});
test.afterAll(async () => {
  await shared?.context().close();
  await new Promise((resolve) => server?.close(resolve));
});
// Loading Python is CPU-bound (~3 s on a quiet machine, far more on a busy shared one).
test.describe.configure({ mode: 'serial', timeout: 180_000 });

test('loads Python with progress and answers GET / from the app in the editor', async () => {
  const page = shared;
  const errors = collectErrors(page);
  await openRuntime(page, base);
  const progress = page.getByRole('progressbar', { name: 'Loading Python' });
  expect(await progress.evaluate((p: HTMLProgressElement) => p.value === p.max)).toBe(true);
  const seen: { stage: string; loaded: number; total: number }[] = await page.evaluate(() => (window as any).runtimeTest.progressSeen);
  const stages = [...new Set(seen.map((p) => p.stage))];
  expect(stages[0]).toBe('download');
  expect(stages.at(-1)).toBe('ready');
  expect(stages).toContain('load-server');
  const downloads = seen.filter((p) => p.stage === 'download' || p.stage === 'start-python');
  expect(downloads.at(-1)!.loaded).toBeGreaterThan(9_000_000); // the wasm alone is 9.6 MB
  for (let i = 1; i < downloads.length; i++) expect(downloads[i].loaded).toBeGreaterThanOrEqual(downloads[i - 1].loaded);

  await page.getByRole('button', { name: 'Send GET /' }).click();
  const response = page.getByLabel('Response');
  await expect(response).toContainText('HTTP/1.1 200 OK');
  await expect(response).toContainText('Hello, world!');
  expect(errors).toEqual([]);
});

test('a request carries method, path, headers and body; the result has trace, environ and live output', async () => {
  const page = shared; // Python loaded by the test above
  await expect(page.locator('#rt-state')).toHaveText('ready');
  const app = [
    'import sys',
    'def app(environ, start_response):',
    '    body = environ["wsgi.input"].read(int(environ.get("CONTENT_LENGTH") or 0))',
    '    print("got", len(body), "bytes")',
    '    print("to stderr", file=sys.stderr)',
    '    start_response("201 Created", [("Content-Type", "text/plain")])',
    '    return [environ["REQUEST_METHOD"].encode(), b" ", environ["PATH_INFO"].encode(), b" ", environ["QUERY_STRING"].encode(), b" ", environ.get("HTTP_X_TEST", "").encode(), b" ", body]',
  ].join('\n');
  const result = await sendRequest(page, { 'app.py': app },
    { method: 'POST', target: '/items?x=1', headers: [['X-Test', 'yes']], body: 'héllo' });
  expect(result.status).toBe('201 Created');
  expect(result.body).toBe('POST /items x=1 yes héllo');
  expect(result.stdout).toBe('got 6 bytes\n');
  expect(result.stderr).toContain('to stderr\n');
  const details = await page.evaluate(async () => {
    const { client } = (window as any).runtimeTest;
    const live: string[] = [];
    const r = await client.request(new TextEncoder().encode('GET /raw HTTP/1.1\r\nHost: example\r\n\r\n'), {
      onOutput: (_stream: string, text: string) => live.push(text),
    }).result;
    return { live: live.join(''), events: r.server.events.map((e: { type: string }) => e.type), host: r.server.environ.HTTP_HOST, mode: r.server.mode.name };
  });
  expect(details.live).toContain('got 0 bytes\n');
  expect(details.events).toEqual(expect.arrayContaining(['request_parsed', 'environ_built', 'app_called', 'start_response', 'done']));
  expect(details.host).toBe('example');
  expect(details.mode).toBe('reference');
});

test('a second start restores the memory kept by the first, and Python answers', async () => {
  const page = shared; // its first start was the first test's, in this browser context
  const kept = () => page.evaluate(async () => {
    const cache = await caches.open('wsgi-python-memory');
    return Promise.all((await cache.keys()).map(async (r) => `${new URL(r.url).pathname} ${(await cache.match(r))?.headers.get('x-kept-at')}`));
  });
  // The first start keeps the snapshot's gunzipped container (keyed by its ETag) once it is stored.
  await expect.poll(kept).toEqual([expect.stringMatching(/^\/pyodide\/snapshot\.pages\.gz \d{4}-/)]);
  const first = await kept();
  await page.reload();
  await openRuntime(page, base);
  expect(await kept(), 'the second start used the kept copy instead of storing a new one').toEqual(first);
  const result = await sendRequest(page, { 'app.py': 'def app(environ, start_response):\n    start_response("200 OK", [])\n    return [b"again"]\n' });
  expect(result.body).toBe('again');
});

test('a failed download says so, and Load retries', async ({ page }) => {
  server.failing.add('/pyodide/pyodide.asm.wasm');
  await page.goto(`${base}/runtime-test/`);
  await page.getByRole('button', { name: 'Load Python' }).click();
  await expect(page.locator('#rt-state')).toHaveText('failed', { timeout: 60_000 });
  await expect(page.getByRole('status', { name: 'Runtime notice' })).toContainText(/Python (could not be downloaded|failed to start).*[Rr]etry/);
  server.failing.clear();
  await page.getByRole('button', { name: 'Load Python' }).click();
  await expect(page.locator('#rt-state')).toHaveText('ready', { timeout: 60_000 });
  const result = await sendRequest(page, { 'app.py': 'def app(e, s):\n    s("200 OK", [])\n    return [b"back"]\n' });
  expect(result.body).toBe('back');
});
