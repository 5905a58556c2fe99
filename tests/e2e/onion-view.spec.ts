import { readFileSync } from 'node:fs';
import { test, expect, type Locator, type Page } from '@playwright/test';
import { distDir, serveStatic, type StaticServer } from './runtime-server.ts';
import { watchPage } from './helpers/watch-page.ts';

// The Onion tab of phase 3's OnionViews, by keyboard: the reader runs their stack, steps the onion
// with the arrow keys, and each step lights its layer's line in the code. Expected lines are read
// from the example files, not written here. Served with cross-origin isolation on port 4594.
const PORT = Number(process.env.ONION_PORT ?? 4594);
const BASE = `http://127.0.0.1:${PORT}`;
const PHASE3 = '/phases/server-and-middleware/';
const EXAMPLES = 'content/phases/03-server-and-middleware/examples/';

test.use({ baseURL: BASE });
test.describe.configure({ mode: 'serial' });
let server: StaticServer;
test.beforeAll(async () => { server = await serveStatic(distDir, PORT, true); });
test.afterAll(async () => { await new Promise((done) => server?.close(done)); });

/** 1-based number of the first line of `file` containing `text` (after line `after`). */
function lineOf(file: string, text: string, after = 0): number {
  const lines = readFileSync(EXAMPLES + file, 'utf8').split('\n');
  const index = lines.findIndex((l, i) => i >= after && l.includes(text));
  if (index < 0) throw new Error(`${text} not in ${file}`);
  return index + 1;
}

/** Run the OnionView of `name` and return its stepper, once the Onion tab shows. */
async function runOnion(page: Page, name: string): Promise<{ view: Locator; stage: Locator }> {
  const view = page.getByRole('region', { name: new RegExp(`${name}\\.py`) });
  await view.scrollIntoViewIfNeeded();
  await view.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(view.getByRole('tab', { name: 'Onion' })).toHaveAttribute('aria-selected', 'true', { timeout: 120_000 });
  return { view, stage: view.getByRole('group', { name: /The onion, step by step/ }) };
}

/** The number of the code line lit for the onion (static copy), or null. */
async function litLine(view: Locator): Promise<number | null> {
  return view.locator('[data-code-host] pre').evaluate((pre) => {
    const lines = [...pre.querySelectorAll('.line')];
    const i = lines.findIndex((l) => l.classList.contains('le-onion-line'));
    return i < 0 ? null : i + 1;
  });
}

test('step the onion by keyboard: each step lights its line; first in is last out', async ({ page }) => {
  test.setTimeout(300_000);
  const watch = watchPage(page);
  await page.goto(PHASE3);
  const { view, stage } = await runOnion(page, 'onion_trace');
  const steps = view.getByRole('list', { name: 'Every step, in order' }).getByRole('listitem');
  const total = await steps.count();
  await expect(stage.getByText(`Step 1 of ${total}`)).toBeVisible();
  await expect(stage).toContainText('The server calls the app');

  const middleware = lineOf('onion_trace.py', 'def middleware(environ, start_response):');
  const callInward = lineOf('onion_trace.py', 'body = app(environ, traced_start)');
  const greeter = lineOf('onion_trace.py', 'def greeter(environ, start_response):');
  await stage.focus();
  await page.keyboard.press('ArrowRight');
  await expect(stage).toContainText("layer (name='outer') receives the request");
  expect(await litLine(view)).toBe(middleware);
  await page.keyboard.press('ArrowRight');
  await expect(stage).toContainText("layer (name='outer') calls inward, to layer (name='middle')");
  expect(await litLine(view)).toBe(callInward);
  await expect(stage.locator('.onion-ring.is-in')).toHaveCount(1);
  for (let i = 0; i < 5; i += 1) await page.keyboard.press('ArrowRight');
  await expect(stage).toContainText('greeter receives the request');
  expect(await litLine(view)).toBe(greeter);
  await page.keyboard.press('ArrowLeft');
  await expect(stage).toContainText("layer (name='inner') calls inward, to greeter");
  expect(await litLine(view)).toBe(callInward);
  await page.keyboard.press('End');
  await expect(stage.getByText(`Step ${total} of ${total}`)).toBeVisible();
  await page.keyboard.press('Home');
  await expect(stage.getByText(`Step 1 of ${total}`)).toBeVisible();

  // The same steps as a list: the first layer to see the request is the last to see the response.
  const texts = await steps.allTextContents();
  const entered = texts.filter((t) => t.includes('receives the request')).map((t) => t.match(/\(name='(\w+)'\)|greeter/)?.[0]);
  const returned = texts.filter((t) => / returns /.test(t)).map((t) => t.match(/\(name='(\w+)'\)|greeter/)?.[0]);
  expect(entered).toEqual(["(name='outer')", "(name='middle')", "(name='inner')", 'greeter']);
  expect(returned).toEqual([...entered].reverse());
  // watchPage knows only the config's baseURL: this spec's own server is not another origin.
  // The offline notice's service-worker watch (another part of the site, being worked on) is not the onion's.
  expect(watch.problems().filter((p) => !p.includes(`another origin: ${BASE}/`) && !p.includes("reading 'waiting'"))).toEqual([]);
});

test('short-circuit, a header added through start_response, and the timing pitfall', async ({ page }) => {
  test.setTimeout(300_000);
  await page.goto(PHASE3);
  const auth = await runOnion(page, 'auth_middleware');
  await expect(auth.view.getByRole('list', { name: 'Every step, in order' })).toContainText('Short-circuit: require_token');

  const header = await runOnion(page, 'header_middleware');
  await expect(header.view.getByRole('list', { name: 'Every step, in order' })).toContainText('+ X-Content-Type-Options: nosniff');

  const pitfall = await runOnion(page, 'pitfall_timing_on_return');
  const list = pitfall.view.getByRole('list', { name: 'Every step, in order' });
  await expect(list).toContainText('A clock stopped here misses that time');
  const texts = await list.getByRole('listitem').allTextContents();
  const timingReturned = texts.findIndex((t) => t.includes('timing returns'));
  const firstChunk = texts.findIndex((t) => t.includes('body produces'));
  expect(timingReturned).toBeGreaterThan(0);
  expect(firstChunk).toBeGreaterThan(timingReturned);
});

test('the Monaco editor lights the step line too', async ({ page }) => {
  test.setTimeout(300_000);
  await page.goto(PHASE3);
  const { view, stage } = await runOnion(page, 'onion_trace');
  await view.locator('[data-code-host]').click();
  await expect(view.locator('.monaco-editor')).toBeVisible({ timeout: 60_000 });
  await stage.focus();
  await page.keyboard.press('ArrowRight');
  await expect(view.locator('.monaco-editor .le-onion-line')).toHaveCount(1);
  await expect(stage).toBeFocused();
});

test('the playground shows the Onion tab and lights lines in its editor', async ({ page }) => {
  test.setTimeout(300_000);
  const { encodeShare } = await import('../../src/playground/share.ts');
  const { fromPreset } = await import('../../src/lesson/composer/request-state.ts');
  const app = readFileSync(EXAMPLES + 'auth_middleware.py', 'utf8');
  const hash = await encodeShare({ v: 1, files: { 'app.py': app }, request: fromPreset('GET /'), mode: 'reference' });
  await page.goto(`/playground/${hash}`);
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  const tab = page.getByRole('tab', { name: 'Onion' });
  await expect(tab).toBeVisible({ timeout: 180_000 });
  await tab.click();
  const stage = page.getByRole('group', { name: /The onion, step by step/ });
  await stage.focus();
  await page.keyboard.press('ArrowRight');
  await expect(stage).toContainText('require_token receives the request');
  await expect(page.locator('[data-code-host] .le-onion-line')).toHaveCount(1);
  await page.keyboard.press('End');
  await expect(page.getByRole('list', { name: 'Every step, in order' })).toContainText('Short-circuit');
});
