/**
 * Benchmark of the browser runtime in headless Chromium against the built site (dist/, or
 * $RUNTIME_DIST), served by the runtime's tiny test server with and without cross-origin isolation.
 * Prints a table and writes bench/results/runtime.json. Run: npm run bench:runtime (after a build).
 *
 *   cold start    navigation → first response of hello world (new browser context: nothing cached)
 *   round trip    page → worker → response on warm Python: hello world, and a 3-layer middleware stack
 *   interrupt     cancel() → result of a `while True: pass` run (isolated: KeyboardInterrupt)
 *   respawn       cancel() of C-level work → next response (isolated: standby takes over;
 *                 not isolated: terminate + a fresh worker)
 */
import { chromium, type Browser, type Page } from '@playwright/test';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { chromiumLaunchOptions } from '../tests/e2e/helpers/chromium.ts';
import { distDir, serveStatic } from '../tests/e2e/runtime-server.ts';

const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const ROUND_TRIPS = Number(process.env.BENCH_ROUND_TRIPS ?? 50);

const HELLO = `def app(environ, start_response):
    start_response('200 OK', [('Content-Type', 'text/plain')])
    return [b'Hello, world!']
`;
// The same three-layer stack bench/onion.ts traces, read from its fixture file.
const STACK = readFileSync(new URL('../tests/python/onion/stacks/bench_three_layers.py', import.meta.url), 'utf8');

function stats(values: number[]) {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  const mid = sorted.length / 2;
  const median = sorted.length % 2 ? sorted[Math.floor(mid)] : (sorted[mid - 1] + sorted[mid]) / 2;
  return { n: sorted.length, median, p95: at(0.95), min: sorted[0], max: sorted[sorted.length - 1] };
}

/** Navigation → Python loaded → first response, in ms since navigation start (fresh context each time). */
async function coldStart(browser: Browser, base: string): Promise<{ ready: number; firstResponse: number }> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${base}/runtime-test/`);
  const times = await page.evaluate(async (hello) => {
    const { client } = (window as any).runtimeTest;
    await client.load();
    const ready = performance.now();
    await client.setFiles({ 'app.py': hello });
    await client.request({ method: 'GET', target: '/' }).result;
    return { ready, firstResponse: performance.now() };
  }, HELLO);
  await context.close();
  return times;
}

/** Median and p95 of `count` sequential requests to `app` on an already loaded page. */
async function roundTrips(page: Page, app: string, headers: [string, string][], count: number): Promise<number[]> {
  return page.evaluate(async ({ app, headers, count }) => {
    const { client } = (window as any).runtimeTest;
    await client.setFiles({ 'app.py': app });
    const times: number[] = [];
    for (let i = 0; i < count + 3; i++) {
      const t0 = performance.now();
      const r = await client.request({ method: 'GET', target: '/', headers }).result;
      if (!r.server || r.server.status === null) throw new Error('no response');
      if (i >= 3) times.push(performance.now() - t0); // the first few warm up imports and caches
    }
    return times;
  }, { app, headers, count });
}

/** cancel() → result, for a run of `code` (as a script), plus → next response. */
async function stopTimes(page: Page, code: string): Promise<{ stopped: number; nextResponse: number; restarted: boolean }> {
  return page.evaluate(async ({ code, hello }) => {
    const { client } = (window as any).runtimeTest;
    await client.setFiles({ 'app.py': hello, 'loop.py': code });
    const handle = client.runScript('loop.py', { timeLimitMs: 60_000 });
    await new Promise<void>((resolve) => {
      const off = client.on('state', (s: string) => { if (s === 'running') { off(); resolve(); } });
      if (client.state === 'running') { off(); resolve(); }
    });
    await new Promise((resolve) => setTimeout(resolve, 200)); // let the loop get going
    const t0 = performance.now();
    handle.cancel();
    const result = await handle.result;
    const stopped = performance.now() - t0;
    await client.request({ method: 'GET', target: '/' }).result;
    return { stopped, nextResponse: performance.now() - t0, restarted: result.notice.restarted };
  }, { code, hello: HELLO });
}

async function main() {
  const isolatedServer = await serveStatic(distDir, 4420, true);
  const plainServer = await serveStatic(distDir, 4421, false);
  const browser = await chromium.launch(chromiumLaunchOptions());
  const results: Record<string, unknown> = { runs: RUNS, roundTrips: ROUND_TRIPS, date: new Date().toISOString() };
  try {
    for (const [name, base] of [['isolated', 'http://127.0.0.1:4420'], ['not isolated', 'http://127.0.0.1:4421']] as const) {
      const log = (what: string) => console.error(`[bench:runtime] ${name}: ${what}`);
      const cold = [];
      for (let i = 0; i < RUNS; i++) cold.push(await coldStart(browser, base));
      log(`cold start ${cold.map((c) => c.firstResponse.toFixed(0)).join(', ')} ms`);
      const page = await browser.newPage();
      await page.goto(`${base}/runtime-test/`);
      // Steady state: the standby (isolated pages) loads right after the first worker; wait for it,
      // or the first round trips share the CPU with a booting interpreter.
      await page.evaluate(async () => {
        const { client } = (window as any).runtimeTest;
        await client.load();
        await client.whenStandbyReady();
      });
      const hello = await roundTrips(page, HELLO, [], ROUND_TRIPS);
      const stack = await roundTrips(page, STACK, [['Authorization', 'Bearer ok']], ROUND_TRIPS);
      const untraced = await page.evaluate(async () => {
        const { client } = (window as any).runtimeTest;
        const times: number[] = [];
        for (let i = 0; i < 23; i++) {
          const t0 = performance.now();
          await client.request({ method: 'GET', target: '/', headers: [['Authorization', 'Bearer ok']] }, { trace: false }).result;
          if (i >= 3) times.push(performance.now() - t0);
        }
        return times;
      });
      // Wait until the standby (isolated only) is loaded, so respawn measures the switch, not a load.
      log(`round trips hello ${stats(hello).median.toFixed(1)} ms, stack ${stats(stack).median.toFixed(1)} ms (median)`);
      const interrupt = [];
      const respawn = [];
      for (let i = 0; i < RUNS; i++) {
        // Each stop starts from a loaded worker and (isolated) a loaded standby: it measures the switch.
        const settle = () => page.evaluate(async () => {
          const { client } = (window as any).runtimeTest;
          await client.load();
          await client.whenStandbyReady();
        });
        await settle();
        interrupt.push(await stopTimes(page, 'while True:\n    pass\n'));
        await settle();
        respawn.push(await stopTimes(page, 'sum(range(10**12))\n'));
      }
      await page.close();
      results[name] = {
        coldReadyMs: stats(cold.map((c) => c.ready)),
        coldFirstResponseMs: stats(cold.map((c) => c.firstResponse)),
        helloRoundTripMs: stats(hello),
        stack3RoundTripMs: stats(stack),
        stack3UntracedRoundTripMs: stats(untraced),
        loopStopMs: stats(interrupt.map((s) => s.stopped)),
        loopStopRestarted: interrupt.map((s) => s.restarted),
        loopStopToNextResponseMs: stats(interrupt.map((s) => s.nextResponse)),
        cLevelStopMs: stats(respawn.map((s) => s.stopped)),
        cLevelStopToNextResponseMs: stats(respawn.map((s) => s.nextResponse)),
      };
    }
  } finally {
    await browser.close();
    isolatedServer.close();
    plainServer.close();
  }
  console.log(JSON.stringify(results, null, 2));
  for (const name of ['isolated', 'not isolated']) {
    const r = results[name] as Record<string, { median: number; p95: number } | boolean[]>;
    console.log(`\n${name}`);
    for (const [key, value] of Object.entries(r)) {
      if (Array.isArray(value)) console.log(`  ${key.padEnd(30)} ${value.join(', ')}`);
      else console.log(`  ${key.padEnd(30)} median ${value.median.toFixed(1).padStart(8)} ms   p95 ${value.p95.toFixed(1).padStart(8)} ms`);
    }
  }
  mkdirSync('bench/results', { recursive: true });
  writeFileSync('bench/results/runtime.json', JSON.stringify(results, null, 2));
}

await main();
