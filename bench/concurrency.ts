// Benchmark: 1,000 simulated requests through the pre-fork pool and through the event loop,
// in Pyodide under Node (the browser's stack). Target: ≤ 1 s each. Prints numbers, asserts nothing.
//   npm run bench:concurrency
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { simulate, startSimulator } from '../scripts/simulate-concurrency.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const APPS = join(ROOT, 'tests/python/concurrency/apps');
const REQUESTS = 1000;
const RUNS = 3;

const started = performance.now();
const py = await startSimulator();
console.log(`Pyodide + packages ready in ${(performance.now() - started).toFixed(0)} ms`);

const generate = { requests: REQUESTS, rate: 50, slow_share: 0.1, seed: 1 };
const cases = {
  pool: { generate, pool: { app: join(APPS, 'wsgi_basic/app.py:app'), workers: 4 } },
  loop: { generate, loop: { app: join(APPS, 'asgi_basic/app.py:app') } },
};
for (const [name, spec] of Object.entries(cases)) {
  try {
    runCase(name, spec);
  } catch (err) {
    // A Python error's message ends with the traceback's last lines; the rest is Pyodide's stack.
    const lines = String(err instanceof Error ? err.message : err).trim().split('\n');
    console.log(`${name}: FAILED\n  ${lines.slice(-6).join('\n  ')}`);
    process.exitCode = 1;
  }
}

function runCase(name: string, spec: Record<string, unknown>): void {
  const times: number[] = [];
  let result: Record<string, any> = {};
  for (let run = 0; run < RUNS; run++) {
    const t0 = performance.now();
    result = simulate(py, spec, ROOT, run)[name] as Record<string, any>;
    times.push(performance.now() - t0);
  }
  if (result.error) throw new Error(`${name}: ${JSON.stringify(result.error)}`);
  const m = result.metrics;
  console.log(
    `${name}: ${REQUESTS} requests, wall ${times.map((t) => t.toFixed(0)).join(' / ')} ms ` +
      `(best ${Math.min(...times).toFixed(0)} ms, target ≤ 1000), Python CPU ${result.real.cpu_ms.toFixed(0)} ms; ` +
      `virtual: p50 ${m.latency.p50} s, p95 ${m.latency.p95} s, max ${m.latency.max} s, duration ${m.duration} s`,
  );
}
