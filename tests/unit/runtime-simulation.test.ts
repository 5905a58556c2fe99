import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RuntimeClient, type SimulationSpec } from '../../src/runtime/client.ts';
import { createNodeWorker } from '../../src/runtime/node-runtime.ts';
import { runChecks, type CheckOutcome, type CheckSpec } from '../../src/lesson/exercise/run-checks.ts';

// The `run-simulation` message (and `run-checks`, which shares its Python wrapper) end to end: the client, the real worker core and Pyodide in a Node
// worker thread, concurrency.api.run_spec on the workspace. Schedules below are worked out by hand.
let client: RuntimeClient;
// Each test runs real Python: 1-8 s alone, several times that when CI runs browser stages beside this one.
// The tests judge what Python did, not how fast; a hung run still fails, after this bound.
const PYTHON_TEST_TIMEOUT = 60_000;

beforeAll(async () => {
  client = new RuntimeClient({ createWorker: createNodeWorker, isolated: true, standby: false, indexURL: 'unused',
    // One worker throughout: these check the resets between runs inside it (the page swaps workers for other code).
    workerPerWorkspace: false,
    // These judge that KeyboardInterrupt stops the run (notice.restarted false); the page's 500 ms grace
    // ran out under CI's load (a run beside the type check acknowledged it later) and counted as a restart.
    interruptGraceMs: 20_000 });
  await client.load();
}, 180_000);
afterAll(() => client?.dispose());

const WSGI = [
  'from simulate import slow_io, cpu_work',
  'def app(environ, start_response):',
  '    if environ["PATH_INFO"] == "/slow":',
  '        slow_io(10)',
  '    else:',
  '        cpu_work(1)',
  '    start_response("200 OK", [("Content-Type", "text/plain")])',
  '    return [b"ok"]',
].join('\n');

const ASGI_BLOCKING = [
  'import time',
  'async def app(scope, receive, send):',
  '    if scope["path"] == "/slow":',
  '        time.sleep(2)',
  '    await send({"type": "http.response.start", "status": 200, "headers": []})',
  '    await send({"type": "http.response.body", "body": b"ok"})',
].join('\n');

// One slow request and three quick ones, all at t = 0.
const REQUESTS = ['/slow', '/', '/', '/'];

async function simulate(files: Record<string, string>, spec: SimulationSpec, timeLimitMs?: number) {
  await client.setFiles(files);
  return client.simulate(spec, timeLimitMs ? { timeLimitMs } : {}).result;
}

describe('simulations through the runtime client', { timeout: PYTHON_TEST_TIMEOUT }, () => {
  it('runs the reader\'s WSGI app in a pool of sync workers, in virtual time', async () => {
    const result = await simulate({ 'app.py': WSGI }, { pool: { app_spec: 'app:app', workers: 2 }, requests: REQUESTS });
    expect(result.notice).toBeNull();
    expect(result.exception).toBeNull();
    const pool = result.simulation?.pool;
    expect(pool?.error).toBeNull();
    // Worker 0 holds the slow request 0-10 s; worker 1 serves the quick ones one after another.
    expect(pool?.requests.map((r) => [r.worker, r.start, r.end])).toEqual([[0, 0, 10], [1, 0, 1], [1, 1, 2], [1, 2, 3]]);
    expect(pool?.metrics?.latency).toMatchObject({ p50: 2, p95: 10, max: 10 });
    expect(pool?.metrics?.max_queue).toBe(2);
    expect(result.simulation?.loop).toBeUndefined();
  });

  it('shows a blocking time.sleep stalling the event loop', async () => {
    const result = await simulate({ 'async_app.py': ASGI_BLOCKING }, { loop: { app_spec: 'async_app:app' }, requests: ['/slow', '/slow', '/'] });
    const loop = result.simulation?.loop;
    expect(loop?.error).toBeNull();
    // Each sleep holds the only thread: the second slow request and the quick one wait for both.
    expect(loop?.loop?.blocked.map((s) => [s.call, s.start, s.end, s.request])).toEqual([
      ['time.sleep(2)', 0, 2, 0], ['time.sleep(2)', 2, 4, 1],
    ]);
    expect(loop?.requests.map((r) => r.latency)).toEqual([2, 4, 4]);
    expect(loop?.requests[0].warnings.map((w) => w.rule)).toEqual(['blocking-call']);
  });

  it('gives identical results on every run (only the host CPU time differs)', async () => {
    const files = { 'app.py': WSGI, 'async_app.py': ASGI_BLOCKING };
    const spec: SimulationSpec = { pool: { workers: 3 }, loop: { app_spec: 'async_app:app' },
      generate: { requests: 40, rate: 4, slow_share: 0.3, seed: 7 } };
    const strip = (r: Awaited<ReturnType<typeof simulate>>) =>
      JSON.stringify({ pool: { ...r.simulation?.pool, real: null }, loop: { ...r.simulation?.loop, real: null } });
    const first = await simulate(files, spec);
    const second = await simulate(files, spec);
    expect(first.simulation?.pool?.requests).toHaveLength(40);
    expect(strip(second)).toBe(strip(first));
  });

  it('makes `simulate` importable in ordinary runs too', async () => {
    await client.setFiles({ 'app.py': 'from simulate import slow_io, cpu_work, slow_io_async\nprint(slow_io.__name__)\n' });
    const result = await client.runScript('app.py').result;
    expect(result.exception).toBeNull();
    expect(result.stdout).toBe('slow_io\n');
  });

  it('reports an app that fails to import, with its line', async () => {
    const result = await simulate({ 'app.py': 'def app(environ, start_response):\n    return [b""]\n1/0\n' },
      { pool: { workers: 1 }, requests: ['/'] });
    expect(result.simulation?.pool?.error).toMatchObject({ kind: 'app_load', line: 3 });
    expect(result.simulation?.pool?.metrics).toBeNull();
  });

  it('stops a simulation at the time limit, then runs the next one', async () => {
    const spin = 'def app(environ, start_response):\n    while True:\n        pass\n';
    const stopped = await simulate({ 'app.py': spin }, { pool: { workers: 1 }, requests: ['/'] }, 300);
    expect(stopped.notice).toMatchObject({ kind: 'time-limit' });
    expect(stopped.simulation).toBeUndefined();
    const next = await simulate({ 'app.py': WSGI }, { pool: { workers: 1 }, requests: ['/'] });
    expect(next.simulation?.pool?.requests[0]).toMatchObject({ outcome: 'complete', latency: 1 });
  });
});

describe('exercise checks through the runtime client (run-checks)', { timeout: PYTHON_TEST_TIMEOUT }, () => {
  const GREET = 'def app(environ, start_response):\n    start_response("200 OK", [("Content-Type", "text/plain")])\n    return [b"Hello, stranger!\\n"]\n';
  const checks: CheckSpec[] = [
    { name: 'answers 200', request: { method: 'GET', path: '/' }, expect: { status: 200, no_violations: true } },
    { name: 'greets Ada', server: 'wsgiref', request: { method: 'GET', path: '/?name=Ada' }, expect: { body_equals: 'Hello, Ada!\n' } },
  ];

  it('serves each check on the reader\'s code and judges it in Python, one outcome per check', async () => {
    const outcomes: CheckOutcome[] = [];
    await runChecks(client, 'wsgi', GREET, checks, (o) => outcomes.push(o));
    expect(outcomes).toEqual([
      { name: 'answers 200', failures: [] },
      { name: 'greets Ada', failures: [{ what: 'body', expected: '"Hello, Ada!\\n"', actual: '"Hello, stranger!\\n"' }] },
    ]);
  });

  it('a check run stopped at its time limit is interrupted and judges nothing; the next run works', async () => {
    const spin = 'def app(environ, start_response):\n    while True:\n        pass\n';
    const stopped = await client.checks('wsgi', checks, { files: { 'app.py': spin }, timeLimitMs: 300 }).result;
    expect(stopped.notice).toMatchObject({ kind: 'time-limit', restarted: false });
    expect(stopped.checks).toBeUndefined();
    const next = await client.checks('wsgi', checks.slice(0, 1), { files: { 'app.py': GREET } }).result;
    expect(next.checks).toEqual([{ name: 'answers 200', failures: [] }]);
  });
});
