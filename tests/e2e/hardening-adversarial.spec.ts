import { test, expect, type Page } from '@playwright/test';
import { watchPage } from './helpers/watch-page.ts';
import { expectClicksAnswered } from './runtime-page.ts';
import { LOOP_LIMIT_MS, MISBEHAVING, RUNAWAY, SLOW_LIMIT_MS } from './hardening-apps.ts';
import { fuzzRequests } from './hardening-fuzz.ts';

// The adversarial suite, through the browser client the site uses, on the built site under its CSP:
// every hostile or broken app ends with a message a reader can act on, the page answers clicks
// while it runs, the next run works, and nothing uncaught reaches the console. (runtime-stops.spec.ts
// covers the same stops without cross-origin isolation.)

interface Outcome { notice: string | null; kind: string | null; exception: string | null; status: string | null; error: string | null; violations: string[]; body: string; bodyBytes: number }

const HELLO = { 'app.py': "def app(environ, start_response):\n    start_response('200 OK', [])\n    return [b'still fine']\n" };

/** Send GET / to `files`' app through window.runtimeTest.client; everything back as plain data. */
function send(page: Page, files: Record<string, string>, timeLimitMs = 3000): Promise<Outcome> {
  return page.evaluate(async ({ files, timeLimitMs }) => {
    const { client } = (window as any).runtimeTest;
    await client.setFiles(files);
    const r = await client.request({ method: 'GET', target: '/' }, { timeLimitMs }).result;
    const s = r.server;
    return {
      notice: r.notice?.message ?? null, kind: r.notice?.kind ?? null,
      exception: r.exception ? `${r.exception.type}: ${r.exception.message}` : null, status: s?.status ?? null,
      error: s?.error ? `${s.error.kind}: ${s.error.message}` : null,
      violations: (s?.violations ?? []).map((v: { message: string; fix: string }) => `${v.message} ${v.fix}`),
      body: s ? new TextDecoder().decode(s.body.slice(0, 200)) : '', bodyBytes: s?.body.length ?? 0,
    };
  }, { files, timeLimitMs });
}

/** The words the reader is given: the notice, else the server's error, else the broken rules. */
function message(o: Outcome): string {
  return [o.notice, o.exception, o.error, ...o.violations].filter(Boolean).join(' | ');
}

async function expectNextRunWorks(page: Page) {
  const next = await send(page, HELLO);
  expect(next.status, JSON.stringify(next)).toBe('200 OK');
  expect(next.body).toBe('still fine');
}

// One page for the whole file (Python loads once); a failure restarts the worker and reloads it.
// mode 'default': the tests in order in one worker. The config runs files fullyParallel, which makes
// each test a group of its own, and Playwright runs beforeAll and afterAll around every group: a new
// page and a Python start per test (36, 196 s). In one page each attack is also followed by the next
// one, so "the next run works" holds after every attack in turn, and the last test sees the whole suite.
test.describe.configure({ mode: 'default', timeout: 240_000 });

let page: Page;
let watch: ReturnType<typeof watchPage>;

test.beforeAll(async ({ browser }) => {
  page = await browser.newPage();
  watch = watchPage(page);
  const opened = await page.goto('/runtime-test/');
  // A test page the build keeps beside the site, not in it: astro preview serves it with SITE_TEST_PAGES=1.
  expect(opened?.status(), '/runtime-test/: run with SITE_TEST_PAGES=1 (tests/stages/70-e2e-hardening.sh does)').toBe(200);
  await page.getByRole('button', { name: 'Load Python' }).click();
  await expect(page.locator('#rt-state')).toHaveText('ready', { timeout: 120_000 });
  expect(await page.evaluate(() => crossOriginIsolated)).toBe(true);
});
test.afterAll(async () => { await page?.close(); });

for (const c of RUNAWAY) {
  test(`runaway: ${c.name}`, async () => {
    const running = send(page, c.files, c.limitMs ?? LOOP_LIMIT_MS);
    await expectClicksAnswered(page, 2);
    const outcome = await running;
    expect(message(outcome), JSON.stringify(outcome)).toMatch(c.expect);
    expect(message(outcome).length).toBeGreaterThan(20);
    // A cut response never hands the page more than the response limit.
    expect(outcome.bodyBytes).toBeLessThan(50 * 1024 * 1024);
    await expectNextRunWorks(page);
  });
}

for (const c of MISBEHAVING) {
  test(`contract: an app that ${c.name} gets a clear message`, async () => {
    const outcome = await send(page, c.files, SLOW_LIMIT_MS);
    const words = message(outcome);
    // Either the run is refused with words (500/cut + error or broken rule), or it is served as the
    // reference server would and the broken rule is named.
    expect(words.length, JSON.stringify(outcome)).toBeGreaterThan(20);
    expect(outcome.kind).not.toBe('crash');
    await expectNextRunWorks(page);
  });
}

test('python cannot reach the page through `js`', async () => {
  const before = await page.locator('h1').textContent();
  const outcome = await send(page, { 'app.py': [
    'import js',
    'def app(environ, start_response):',
    '    found = []',
    "    for name in ('document', 'window', 'parent', 'opener', 'top'):",
    '        try:',
    '            getattr(js, name).body.innerHTML = "pwned"',
    "            found.append(name)",
    '        except Exception as e:',
    "            found.append(type(e).__name__)",
    "    start_response('200 OK', [])",
    "    return [' '.join(found).encode()]",
  ].join('\n') });
  expect(outcome.status).toBe('200 OK');
  expect(outcome.body).not.toMatch(/document|window|parent|opener|top/);
  expect(await page.locator('h1').textContent()).toBe(before);
  expect(await page.content()).not.toContain('pwned');
  await expectNextRunWorks(page);
});

test('forged protocol messages from Python are ignored by the client', async () => {
  const outcome = await send(page, { 'app.py': [
    'import js',
    'from pyodide.ffi import to_js',
    'FORGED = [None, "result", 42, [1, 2], {"type": "result", "id": "forged"}, {"type": "ready", "id": "x", "info": None},',
    '          {"type": "output", "id": "x", "stream": "stdout", "text": "forged"}, {"type": "progress", "id": "x", "stage": "ready", "loaded": "NaN"},',
    '          {"type": "failed", "id": 1, "message": {}}, {"type": "load-failed", "id": "", "message": "x"}, {"type": "result"},',
    '          {"type": "__proto__", "id": "constructor"}, {"type": "files-set", "id": None}, {"type": "pong"}]',
    'def app(environ, start_response):',
    '    for message in FORGED:',
    '        js.postMessage(to_js(message, dict_converter=js.Object.fromEntries))',
    "    start_response('200 OK', [])",
    "    return [b'the real answer']",
  ].join('\n') });
  expect(outcome.status, JSON.stringify(outcome)).toBe('200 OK');
  expect(outcome.body).toBe('the real answer');
  await expectClicksAnswered(page, 1);
  await expect(page.locator('#rt-state')).toHaveText('ready');
  await expectNextRunWorks(page);
});

const ECHO_APP = [
  'def app(environ, start_response):',
  '    try:',
  "        n = max(int(environ.get('CONTENT_LENGTH') or 0), 0)",
  '    except ValueError:',
  '        n = 0',
  "    body = environ['wsgi.input'].read(min(n, 4096))",
  "    start_response('200 OK', [('Content-Type', 'text/plain')])",
  "    return [environ['REQUEST_METHOD'].encode('latin-1', 'replace'), b' ', body[:64]]",
].join('\n');

// One batch call: a script run through the client feeds every case to the same server core the
// Run button uses (wsgisim.api.run_request) inside the worker, and tallies what came back.
const FUZZ_SCRIPT = [
  'import base64, json, os',
  'from wsgisim.api import run_request',
  'here = os.path.dirname(os.path.abspath(__file__))',
  'counts, bad = {}, []',
  "for raw in json.load(open(os.path.join(here, 'cases.json'))):",
  "    r = run_request(base64.b64decode(raw), app_dir=here, app_spec='app:app', trace=False)",
  "    key = 'error:' + r['error']['kind'] if r.get('error') else 'status:' + (r.get('status') or 'none')[:3]",
  '    counts[key] = counts.get(key, 0) + 1',
  "    if not r.get('status') and not r.get('error'):",
  '        bad.append(raw[:40])',
  "print(json.dumps({'counts': counts, 'bad': bad}))",
].join('\n');

function tallyProblems(counts: Record<string, number>): string[] {
  const done = Object.values(counts).reduce((a, b) => a + b, 0);
  const problems: string[] = [];
  if (!(counts['status:200'] > 0)) problems.push('no fuzzed request reached the app');
  if (Object.keys(counts).every((k) => k === 'status:200')) problems.push('no fuzzed request was refused');
  return done ? problems : ['nothing ran'];
}

test('1,000 seeded fuzzed raw requests in one batch call: each answered or refused in words', async () => {
  test.setTimeout(300_000);
  const cases = fuzzRequests(20261121, 1000).map((raw) => Buffer.from(raw).toString('base64'));
  const clicking = expectClicksAnswered(page, 3);
  const result = await page.evaluate(async ({ cases, app, script }) => {
    const { client } = (window as any).runtimeTest;
    await client.setFiles({ 'app.py': app, 'fuzz.py': script, 'cases.json': JSON.stringify(cases) });
    const r = await client.runScript('fuzz.py', { timeLimitMs: 240_000 }).result;
    return { stdout: r.stdout as string, notice: r.notice?.message ?? null, exception: r.exception ? `${r.exception.type}: ${r.exception.message}` : null };
  }, { cases, app: ECHO_APP, script: FUZZ_SCRIPT });
  await clicking;
  expect(result.notice ?? result.exception).toBeNull();
  const tally = JSON.parse(result.stdout) as { counts: Record<string, number>; bad: string[] };
  console.log('fuzz (batch) outcomes:', JSON.stringify(tally.counts));
  expect(Object.values(tally.counts).reduce((a, b) => a + b, 0)).toBe(1000);
  expect(tally.bad).toEqual([]);
  expect(tallyProblems(tally.counts)).toEqual([]);
  await expectNextRunWorks(page);
});

test('100 more fuzzed raw requests one by one through client.request: bytes in, a result out, no hang', async () => {
  test.setTimeout(240_000);
  const requests = fuzzRequests(7, 100);
  await page.evaluate((app) => (window as any).runtimeTest.client.setFiles({ 'app.py': app }), ECHO_APP);
  const tally = await page.evaluate(async (all) => {
    const { client } = (window as any).runtimeTest;
    const counts: Record<string, number> = {};
    const bad: string[] = [];
    for (const raw of all) {
      const r = await client.request(new Uint8Array(raw), { timeLimitMs: 10_000, trace: false }).result;
      const s = r.server;
      const key = r.notice ? `notice:${r.notice.kind}` : s?.error ? `error:${s.error.kind}` : `status:${(s?.status ?? 'none').slice(0, 3)}`;
      counts[key] = (counts[key] ?? 0) + 1;
      if (r.notice || !s || (!s.status && !s.error)) bad.push(`${key} for ${JSON.stringify(String.fromCharCode(...raw.slice(0, 60)))}`);
    }
    return { counts, bad };
  }, requests);
  console.log('fuzz (one by one) outcomes:', JSON.stringify(tally.counts));
  expect(tally.bad).toEqual([]);
  expect(tallyProblems(tally.counts)).toEqual([]);
  await expectNextRunWorks(page);
});

test('no uncaught error, console error or CSP violation reached the page during the suite', () => {
  expect(watch.problems()).toEqual([]);
});
