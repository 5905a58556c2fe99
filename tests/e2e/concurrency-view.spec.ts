import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { test, expect, type Locator, type Page, type Request } from '@playwright/test';
import { distDir, serveStatic, type StaticServer } from './runtime-server.ts';
import { watchPage } from './helpers/watch-page.ts';

// The ConcurrencyView on the built site, against the command line: the p95 the page shows after the
// reader changes the worker count must be the one `npm run simulate-concurrency` computes for the
// same workload and the same example files. Served with cross-origin isolation on port 4582.
const PORT = Number(process.env.CONCURRENCY_PORT ?? 4582);
const BASE = `http://127.0.0.1:${PORT}`;
const PHASE3 = '/phases/server-and-middleware/';
const PHASE4 = '/phases/why-async/';
const EXAMPLES: Record<string, string> = {
  'slow_greeter.py': 'content/phases/03-server-and-middleware/examples/slow_greeter.py',
  'asgi_slow.py': 'content/phases/04-why-async/examples/asgi_slow.py',
  'pitfall_blocking_sleep.py': 'content/phases/04-why-async/examples/pitfall_blocking_sleep.py',
};

test.use({ baseURL: BASE });
test.describe.configure({ mode: 'serial' });

// One page for phase 3's four tests: its view is loaded once, with one Python start (the reader changes
// the workers, re-runs, edits the code, as one visit). Phase 4's test opens a page of its own, with
// nothing of the edits before it kept in its storage.
let server: StaticServer;
let page: Page;
/** Watches the shared page from its first load (test 1) to the end of test 2, as test 2's own page was. */
let watch: ReturnType<typeof watchPage>;
test.beforeAll(async ({ browser }) => {
  server = await serveStatic(distDir, PORT, true);
  page = await browser.newPage({ baseURL: BASE });
});
test.afterAll(async () => {
  await page?.context().close();
  await new Promise((done) => server?.close(done));
});

interface Config { pool: { file: string } | null; loop: { file: string } | null; slowPath: string; fastPath: string; pattern: string; seed: number }
type Metrics = { latency: { p95: number }; max_queue: number };
type CliRun = { metrics: Metrics; loop?: { blocked: unknown[]; blocked_total: number } };

/** What watchPage found, less this spec's own server (watchPage knows only the config's baseURL). */
const problems = (watch: ReturnType<typeof watchPage>) => watch.problems().filter((p) => !p.includes(`another origin: ${BASE}/`));

/** Run the command line on the view's workload (read from the page's controls and config), with
 * the lesson's example files or, for an app listed in `edited`, the reader's code. */
async function cliFor(view: Locator, edited: Record<string, string> = {}): Promise<{ pool?: CliRun; loop?: CliRun }> {
  const dir = mkdtempSync(join(tmpdir(), 'cv-'));
  const appPath = (file: string) => {
    if (!(file in edited)) return resolve(EXAMPLES[file]);
    writeFileSync(join(dir, file), edited[file]);
    return join(dir, file);
  };
  const config = JSON.parse(await view.locator('script[data-config]').textContent() ?? '{}') as Config;
  const value = async (label: string) => Number(await view.getByLabel(label, { exact: true }).inputValue());
  const spec: Record<string, unknown> = {
    generate: {
      requests: await value('Requests'), rate: await value('Arrivals per second'), slow_share: (await value('Slow requests (%)')) / 100,
      slow_path: config.slowPath, fast_path: config.fastPath, pattern: config.pattern, seed: config.seed,
    },
  };
  if (config.pool) spec.pool = { app: `${appPath(config.pool.file)}:app`, workers: await value('Workers') };
  if (config.loop) spec.loop = { app: `${appPath(config.loop.file)}:app` };
  writeFileSync(join(dir, 'view.json'), JSON.stringify(spec));
  execFileSync('npx', ['node', 'scripts/simulate-concurrency.ts', join(dir, 'view.json'), '--out', join(dir, 'out.json')], { stdio: 'pipe', timeout: 120_000 });
  return JSON.parse(readFileSync(join(dir, 'out.json'), 'utf8'));
}

/** The number in a row of the numbers table, in the first (pool) or second (loop) data column. */
async function cell(view: Locator, row: string, column = 0): Promise<number> {
  const table = view.getByRole('table', { name: /numbers that matter/ });
  const text = await table.getByRole('row', { name: new RegExp(`^${row}`) }).getByRole('cell').nth(column).textContent();
  return parseFloat(text ?? 'NaN');
}

async function openView(page: Page, path: string, title: string): Promise<Locator> {
  // A second view of the same page is reached by scrolling: reloading would restart Python.
  if (new URL(page.url(), BASE).pathname !== path) await page.goto(path);
  const view = page.getByRole('region', { name: title });
  await view.scrollIntoViewIfNeeded();
  // The view runs by itself once Python is ready; wait for its table (Python's first start is slow).
  await expect(view.getByRole('table', { name: /numbers that matter/ })).toBeVisible({ timeout: 180_000 });
  return view;
}

test('nothing of Python or the editor loads before the load event', async () => {
  const early: string[] = [];
  let loaded = false;
  const onRequest = (r: Request) => { if (!loaded && /pyodide|monaco|controller|python_stdlib/i.test(r.url())) early.push(r.url()); };
  const onLoad = () => { loaded = true; };
  page.on('request', onRequest);
  page.on('load', onLoad);
  watch = watchPage(page);
  await page.goto(PHASE3);
  await page.waitForLoadState('load');
  page.off('request', onRequest);
  page.off('load', onLoad);
  expect(early).toEqual([]);
  await expect(page.getByRole('region', { name: 'A pool of sync workers under load' }).getByLabel('Workers', { exact: true })).toHaveValue('2');
});

test('changing the worker count shows the p95 the command line computes', async () => {
  test.setTimeout(420_000);
  const view = await openView(page, PHASE3, 'A pool of sync workers under load');
  const before = await cliFor(view);
  await expect.poll(() => cell(view, 'Latency p95')).toBe(before.pool!.metrics.latency.p95);

  await view.getByLabel('Workers', { exact: true }).fill('4');
  await view.getByLabel('Workers', { exact: true }).press('Tab');
  await expect(view.getByRole('table', { name: /numbers that matter/ }).getByRole('columnheader', { name: 'Pool of 4 sync workers' })).toBeVisible({ timeout: 90_000 });
  const after = await cliFor(view);
  expect(after.pool!.metrics.latency.p95).not.toBe(before.pool!.metrics.latency.p95);
  expect(await cell(view, 'Latency p95')).toBe(after.pool!.metrics.latency.p95);
  expect(await cell(view, 'Longest queue')).toBe(after.pool!.metrics.max_queue);
  // One lane per worker in the timeline.
  await expect(view.getByRole('img', { name: /^Timeline/ }).locator('[data-lane="worker"]')).toHaveCount(4);
  await view.screenshot({ path: 'tests/output/concurrency/pool-1280-light.png' });
  test.info().annotations.push({ type: 'simulation ms (browser, 40 requests)', description: await view.getAttribute('data-elapsed-ms') ?? '' });
  expect(problems(watch)).toEqual([]);
});

test('the same controls give the same numbers on every run', async () => {
  test.setTimeout(300_000);
  const view = await openView(page, PHASE3, 'A pool of sync workers under load');
  const table = view.getByRole('table', { name: /numbers that matter/ });
  const first = await table.textContent();
  await view.getByRole('button', { name: 'Run simulation' }).click();
  await expect(view.getByRole('button', { name: 'Run simulation' })).toBeEnabled();
  await expect(table).toHaveText(first ?? '');
});

test('the reader\'s edited code is what runs', async () => {
  test.setTimeout(420_000);
  const view = await openView(page, PHASE3, 'A pool of sync workers under load');
  const edited = readFileSync(EXAMPLES['slow_greeter.py'], 'utf8').replace('time.sleep(2)', 'time.sleep(5)');
  await view.getByLabel('Code of slow_greeter.py. Focus or click to edit.').click();
  const editor = view.getByRole('textbox', { name: 'Code of slow_greeter.py, editable' });
  await expect(editor).toBeFocused({ timeout: 60_000 });
  // Pasted, as a reader would (typed text would be re-indented by Monaco's auto-indent).
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.evaluate((text) => navigator.clipboard.writeText(text), edited);
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('ControlOrMeta+V');
  await expect(view.getByText('modified', { exact: true })).toBeVisible();
  await page.keyboard.press('ControlOrMeta+Enter');
  const cli = await cliFor(view, { 'slow_greeter.py': edited });
  await expect.poll(() => cell(view, 'Latency p95'), { timeout: 90_000 }).toBe(cli.pool!.metrics.latency.p95);
  expect(cli.pool!.metrics.latency.p95).toBeGreaterThanOrEqual(5);
});

test('a blocking time.sleep stalls the loop lane; await asyncio.sleep does not', async ({ page }) => {
  test.setTimeout(420_000);
  const blocked = await openView(page, PHASE4, 'A blocking time.sleep inside the event loop');
  const cli = await cliFor(blocked);
  const stalls = cli.loop!.loop!.blocked.length;
  expect(stalls).toBeGreaterThan(0);
  const chart = blocked.getByRole('img', { name: /^Timeline/ });
  await expect(chart.locator('[data-lane="loop-thread"] .cv-stall')).toHaveCount(stalls);
  expect(await cell(blocked, 'Loop blocked', 1)).toBe(cli.loop!.loop!.blocked_total);
  expect(await cell(blocked, 'Latency p95', 1)).toBe(cli.loop!.metrics.latency.p95);
  await blocked.getByText('The timeline as tables').click();
  await expect(blocked.getByRole('table', { name: /Loop stalls/ }).getByRole('row')).toHaveCount(stalls + 1);

  const awaiting = await openView(page, PHASE4, 'Sync workers vs one event loop, same requests');
  await expect(awaiting.getByRole('img', { name: /^Timeline/ }).locator('[data-lane="loop-requests"] rect')).not.toHaveCount(0);
  await expect(awaiting.getByRole('img', { name: /^Timeline/ }).locator('.cv-stall')).toHaveCount(0);
  await awaiting.screenshot({ path: 'tests/output/concurrency/pool-vs-loop-1280-light.png' });
});
