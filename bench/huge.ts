// Benchmark of the worst results a reader's app can produce: for each app of
// tests/e2e/helpers/huge-apps.ts (a 50 MB body, 9.9 MB of text, 9.9 MB of one-line JSON, 100,000
// headers), the longest main-thread task from the Run click to the rendered result, and after switching
// the body's views and opening Raw HTTP. Headless Chromium against the built site (npm run build first),
// served by `astro preview` on 127.0.0.1:4467.   npm run bench:huge   (RUNS=2 by default)
// Prints a table and writes bench/results/huge.json. Asserts nothing: hardening-huge.spec.ts does.
import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Page } from '@playwright/test';
import { HUGE_APPS } from '../tests/e2e/helpers/huge-apps.ts';
import { watchLongTasks } from '../tests/e2e/helpers/long-tasks.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const PORT = Number(process.env.BENCH_PORT ?? 4467);
const ORIGIN = `http://127.0.0.1:${PORT}`;
const PAGE = `${ORIGIN}/phases/what-wsgi-is/?timeLimit=120000`;
const RUNS = Number(process.env.RUNS ?? 2);
const DIST = process.env.SITE_DIST ? ['--outDir', process.env.SITE_DIST] : [];
const BOX = '[data-live-editor][data-name="hello"]';

async function waitForServer() {
  for (let i = 0; i < 120; i++) {
    try { if ((await fetch(`${ORIGIN}/`)).ok) return; } catch { /* not up yet */ }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`astro preview did not answer on ${ORIGIN}`);
}

/** Open the hello.py editor and paste `code` as a reader would. */
async function pasteCode(page: Page, code: string) {
  await page.locator(`${BOX} [data-code-host] pre`).click();
  const input = page.getByRole('textbox', { name: 'Code of hello.py, editable' });
  await input.waitFor({ state: 'attached', timeout: 120_000 });
  await page.evaluate((text) => navigator.clipboard.writeText(text), code);
  await input.focus();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('ControlOrMeta+V');
  await page.waitForFunction(([box, first]) => (document.querySelector(`${box} .view-lines`)?.textContent ?? (document.querySelector(`${box} textarea`) as HTMLTextAreaElement | null)?.value ?? '').replace(/\u00a0/g, ' ').includes(first), [BOX, code.split('\n')[0]] as const);
}

/** One app: [longest task on Run, longest task including view switches], in ms. */
async function measure(page: Page, tasks: Awaited<ReturnType<typeof watchLongTasks>>): Promise<[number, number]> {
  await page.waitForFunction((box) => !(document.querySelector(`${box} [data-action="run"]`) as HTMLButtonElement).disabled, BOX);
  await tasks.reset();
  await page.locator(`${BOX} [data-action="run"]`).click();
  await page.locator(`${BOX} .le-response .le-status`).waitFor({ timeout: 300_000 });
  await page.waitForTimeout(1000); // trailing layout and paint
  const onRun = await tasks.longest();
  for (const view of ['hex', 'text', 'json']) {
    const radio = page.locator(`${BOX} .le-body-views input[value="${view}"]`);
    if (await radio.count()) { await radio.check(); await page.waitForTimeout(300); }
  }
  await page.locator(`${BOX} .le-tab`, { hasText: 'Raw HTTP' }).click();
  await page.waitForTimeout(500);
  const overall = await tasks.longest();
  await page.locator(`${BOX} .le-tab`, { hasText: 'Response' }).click();
  return [onRun, overall];
}

async function main() {
  const server = spawn('npx', ['astro', 'preview', ...DIST, '--ignore-lock', '--host', '127.0.0.1', '--port', String(PORT)], { cwd: ROOT, stdio: 'ignore', detached: true });
  const stop = () => { try { process.kill(-server.pid!, 'SIGTERM'); } catch { /* already gone */ } };
  process.on('exit', stop);
  await waitForServer();
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
  const rows: { app: string; onRun: number[]; overall: number[] }[] = HUGE_APPS.map((a) => ({ app: a.name, onRun: [], overall: [] }));
  try {
    for (let run = 0; run < RUNS; run++) {
      for (const [i, app] of HUGE_APPS.entries()) {
        const context = await browser.newContext({ serviceWorkers: 'block' });
        await context.grantPermissions(['clipboard-read', 'clipboard-write']);
        const page = await context.newPage();
        const tasks = await watchLongTasks(page);
        await page.goto(PAGE, { waitUntil: 'load' });
        await pasteCode(page, app.code);
        const [onRun, overall] = await measure(page, tasks);
        rows[i].onRun.push(onRun);
        rows[i].overall.push(overall);
        process.stderr.write(`${app.name}: ${onRun} ms on Run, ${overall} ms with views\n`);
        await context.close();
      }
    }
  } finally {
    await browser.close();
    stop();
  }
  mkdirSync(join(ROOT, 'bench/results'), { recursive: true });
  writeFileSync(join(ROOT, 'bench/results/huge.json'), JSON.stringify({ date: new Date().toISOString(), runs: RUNS, rows }, null, 2));
  console.log(`Longest main-thread task per huge result (ms; worst of ${RUNS} runs; no task may pass 200)`);
  for (const r of rows) console.log(`  ${r.app.padEnd(26)} on Run ${String(Math.max(...r.onRun)).padStart(4)}   with view switches ${String(Math.max(...r.overall)).padStart(4)}`);
  const worst = Math.max(...rows.flatMap((r) => r.overall));
  console.log(`  worst case                 ${worst} ms (${rows.find((r) => r.overall.includes(worst))?.app})`);
}

await main();
process.exit(0);
