// Benchmark of the live editors, in headless Chromium against the built site (npm run build first),
// served by `astro preview` on 127.0.0.1:4465 (uncompressed; sizes below are gzip of the files sent).
//   npm run bench:editor            (RUNS=5 WARM=20 by default; env vars change them)
// Measures: editor bytes on demand (click → Monaco ready), first Run click → response cold (Python
// not loaded yet) and with Python preloaded, and Run → rendered response on warm Python (median, p95).
// Prints a table and writes bench/results/editor.json. Asserts nothing.
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { chromium, type Page } from '@playwright/test';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const PORT = Number(process.env.BENCH_PORT ?? 4465);
const ORIGIN = `http://127.0.0.1:${PORT}`;
const PAGE = `${ORIGIN}/phases/what-wsgi-is/`;
const RUNS = Number(process.env.RUNS ?? 5);
const WARM = Number(process.env.WARM ?? 20);
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'];

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)];
const p95 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil(xs.length * 0.95) - 1)];
// ASTRO_CONFIG / SITE_DIST: benchmark a build made with another astro config (e.g. a private outDir).
const DIST = process.env.SITE_DIST ?? join(ROOT, 'dist');
const CONFIG = process.env.ASTRO_CONFIG ? ['--config', process.env.ASTRO_CONFIG] : [];
const gz = (path: string) => { try { return gzipSync(readFileSync(join(DIST, path))).length; } catch { return 0; } };

async function waitForServer() {
  for (let i = 0; i < 120; i++) {
    try { if ((await fetch(`${ORIGIN}/`)).ok) return; } catch { /* not up yet */ }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`astro preview did not answer on ${ORIGIN}`);
}

const editor = (page: Page) => page.locator('[data-live-editor][data-name="hello"]');

/** Click Run, wait for the response status; ms from the click to the rendered response. */
async function timeRun(page: Page): Promise<number> {
  return page.evaluate(async () => {
    const box = document.querySelector('[data-live-editor][data-name="hello"]')!;
    const results = box.querySelector('[data-results]')!;
    results.replaceChildren();
    const t0 = performance.now();
    (box.querySelector('[data-action="run"]') as HTMLButtonElement).click();
    await new Promise<void>((resolve) => {
      const check = () => (results.querySelector('.le-response .le-status') ? resolve() : requestAnimationFrame(check));
      check();
    });
    return performance.now() - t0;
  });
}

async function main() {
  const server = spawn('npx', ['astro', 'preview', ...CONFIG, '--ignore-lock', '--host', '127.0.0.1', '--port', String(PORT)], { cwd: ROOT, stdio: 'ignore', detached: true });
  const stop = () => { try { process.kill(-server.pid!, 'SIGTERM'); } catch { /* already gone */ } };
  process.on('exit', stop);
  await waitForServer();
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args: ARGS });
  const out: Record<string, unknown> = { date: new Date().toISOString(), runs: RUNS, warm: WARM };
  try {
    // Editor bytes on demand: everything fetched from the click on the code until Monaco has focus.
    {
      const context = await browser.newContext();
      const page = await context.newPage();
      await page.goto(PAGE, { waitUntil: 'load' });
      const fetched: string[] = [];
      page.on('request', (r) => { const u = new URL(r.url()); if (u.origin === ORIGIN && !u.pathname.startsWith('/pyodide/')) fetched.push(u.pathname); });
      const t0 = Date.now();
      await editor(page).locator('[data-code-host] pre').click();
      await page.getByRole('textbox', { name: 'Code of hello.py, editable' }).waitFor({ state: 'attached', timeout: 120_000 });
      await page.waitForLoadState('networkidle');
      const files = fetched.map((p) => ({ path: p, gzip: gz(p) }));
      out.editorOnDemand = { ms: Date.now() - t0, gzipBytes: files.reduce((s, f) => s + f.gzip, 0), files };
      await context.close();
    }
    // First Run: cold (clicked as soon as the page has loaded) and with Python preloaded.
    const cold: number[] = [];
    const preloaded: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const c1 = await browser.newContext();
      const p1 = await c1.newPage();
      await p1.goto(PAGE, { waitUntil: 'load' });
      cold.push(await timeRun(p1));
      await c1.close();
      const c2 = await browser.newContext();
      const p2 = await c2.newPage();
      await p2.goto(PAGE, { waitUntil: 'load' });
      await editor(p2).scrollIntoViewIfNeeded();
      await p2.waitForFunction(() => (globalThis as { __wsgiRuntime?: { state: string } }).__wsgiRuntime?.state === 'ready', null, { timeout: 120_000 });
      preloaded.push(await timeRun(p2));
      // Warm runs on the last page only.
      if (i === RUNS - 1) {
        const warm: number[] = [];
        for (let j = 0; j < WARM; j++) warm.push(await timeRun(p2));
        out.warm = { median: median(warm), p95: p95(warm), all: warm };
      }
      await c2.close();
    }
    out.firstRunCold = { median: median(cold), all: cold };
    out.firstRunPreloaded = { median: median(preloaded), all: preloaded };
  } finally {
    await browser.close();
    stop();
  }
  mkdirSync(join(ROOT, 'bench/results'), { recursive: true });
  writeFileSync(join(ROOT, 'bench/results/editor.json'), JSON.stringify(out, null, 2));
  const od = out.editorOnDemand as { ms: number; gzipBytes: number; files: { path: string; gzip: number }[] };
  const w = out.warm as { median: number; p95: number };
  console.log('LiveEditor benchmark (ms unless noted)');
  console.log(`  editor bytes on demand     ${(od.gzipBytes / 1024).toFixed(0)} KB gzip in ${od.files.length} files (click → editor ready ${od.ms} ms)`);
  for (const f of od.files) console.log(`      ${(f.gzip / 1024).toFixed(1).padStart(7)} KB  ${f.path}`);
  console.log(`  first Run, cold            median ${median(out.firstRunCold ? (out.firstRunCold as { all: number[] }).all : []).toFixed(0)}  (${(out.firstRunCold as { all: number[] }).all.map((x) => x.toFixed(0)).join(', ')})`);
  console.log(`  first Run, preloaded       median ${(out.firstRunPreloaded as { median: number }).median.toFixed(0)}  (${(out.firstRunPreloaded as { all: number[] }).all.map((x) => x.toFixed(0)).join(', ')})`);
  console.log(`  warm Run → response        median ${w.median.toFixed(1)}  p95 ${w.p95.toFixed(1)}  (${WARM} runs)`);
}

await main();
process.exit(0);
