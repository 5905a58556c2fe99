/**
 * Benchmark of the onion in headless Chromium against the built site ($RUNTIME_DIST or
 * dist/): the round trip page → worker → response of a request through a 3-layer middleware stack
 * with tracing on (every layer recorded) and off, on warm Python; the overhead of recording; and the
 * time the page needs to turn the trace into onion steps. Target: traced round trip ≤ 60 ms median.
 * Prints a table and writes bench/results/onion.json. Run: npm run bench:onion (after a build).
 */
import { chromium } from '@playwright/test';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { chromiumLaunchOptions } from '../tests/e2e/helpers/chromium.ts';
import { distDir, serveStatic } from '../tests/e2e/runtime-server.ts';
import { buildOnion } from '../src/lesson/onion/model.ts';
import { median, p95 } from './lib/stats.ts';

const ROUND_TRIPS = Number(process.env.BENCH_ROUND_TRIPS ?? 40);
const PORT = 4597;

// timing > AddHeader (class, wraps start_response) > auth (closure) > hello: three layers and the app.
const STACK = readFileSync('tests/python/onion/stacks/bench_three_layers.py', 'utf8');

const stats = (values: number[]) => ({ n: values.length, median: median(values), p95: p95(values) });

async function main() {
  const server = await serveStatic(distDir, PORT, true);
  const browser = await chromium.launch(chromiumLaunchOptions());
  try {
    const page = await browser.newPage();
    await page.goto(`http://127.0.0.1:${PORT}/runtime-test/`);
    const measured = await page.evaluate(async ({ app, count }) => {
      const { client } = (window as any).runtimeTest;
      await client.load();
      await client.setFiles({ 'app.py': app });
      const request = { method: 'GET', target: '/', headers: [['Authorization', 'Bearer ok']] };
      const traced: number[] = [];
      const untraced: number[] = [];
      let events: unknown[] = [];
      let bytesEqual = true;
      let reference: number[] | null = null;
      // Alternate traced and untraced runs, so both see the same machine load.
      for (let i = 0; i < count + 3; i++) {
        for (const trace of [true, false]) {
          const t0 = performance.now();
          const r = await client.request(request, { trace }).result;
          const ms = performance.now() - t0;
          if (!r.server || r.server.status !== '200 OK') throw new Error('no 200 response');
          const body = Array.from(r.server.body as Uint8Array);
          reference ??= body;
          bytesEqual &&= body.join() === reference.join();
          if (i < 3) continue; // warm-up: first imports and caches
          (trace ? traced : untraced).push(ms);
          if (trace) events = r.server.events;
        }
      }
      return { traced, untraced, events, bytesEqual };
    }, { app: STACK, count: ROUND_TRIPS });
    const layers = (measured.events as { type: string; name?: string }[]).filter((e) => e.type === 'layer_enter').map((e) => e.name);
    const build: number[] = [];
    for (let i = 0; i < 200; i++) {
      const t0 = performance.now();
      buildOnion(measured.events as never);
      build.push(performance.now() - t0);
    }
    const traced = stats(measured.traced);
    const untraced = stats(measured.untraced);
    const results = {
      date: new Date().toISOString(), roundTrips: ROUND_TRIPS, layers,
      tracedRoundTripMs: traced, untracedRoundTripMs: untraced,
      overheadMedianMs: traced.median - untraced.median,
      overheadMedianPercent: ((traced.median / untraced.median) - 1) * 100,
      layerEvents: (measured.events as { layer?: unknown }[]).filter((e) => e.layer !== undefined).length,
      stepsBuildMs: stats(build),
      bodyEqualTracedAndUntraced: measured.bytesEqual,
      targetMedianMs: 60, withinTarget: traced.median <= 60,
    };
    console.log(`layers recorded: ${layers.join(' > ')} (${results.layerEvents} layer events)`);
    for (const [key, value] of Object.entries(results)) {
      if (value && typeof value === 'object' && 'median' in value) {
        const v = value as { median: number; p95: number };
        console.log(`  ${key.padEnd(22)} median ${v.median.toFixed(2).padStart(8)} ms   p95 ${v.p95.toFixed(2).padStart(8)} ms`);
      }
    }
    console.log(`  overhead (median)      ${results.overheadMedianMs.toFixed(2)} ms (${results.overheadMedianPercent.toFixed(0)} %)`);
    console.log(`  within the 60 ms target: ${results.withinTarget}; same body traced and untraced: ${results.bodyEqualTracedAndUntraced}`);
    mkdirSync('bench/results', { recursive: true });
    writeFileSync('bench/results/onion.json', JSON.stringify(results, null, 2));
    if (!results.bodyEqualTracedAndUntraced || layers.length !== 4) process.exitCode = 1;
  } finally {
    await browser.close();
    server.close();
  }
}

await main();
