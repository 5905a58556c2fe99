import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RuntimeClient } from '../../src/runtime/client.ts';
import { createNodeWorker } from '../../src/runtime/node-runtime.ts';

// The real worker core and Python (Pyodide from node_modules) behind the same client the page uses,
// in a Node worker thread: fast checks of isolation between runs, limits and stops.
let client: RuntimeClient;
// Each test runs real Python: 1-8 s alone, several times that when CI runs browser stages beside this one.
// The tests judge what Python did, not how fast; a hung run still fails, after this bound.
const PYTHON_TEST_TIMEOUT = 60_000;

beforeAll(async () => {
  client = new RuntimeClient({ createWorker: createNodeWorker, isolated: true, standby: false, indexURL: 'unused',
    // One worker throughout: these check the resets between runs inside it (the page swaps workers for other code).
    workerPerWorkspace: false });
  await client.load();
}, 180_000); // loading Pyodide is CPU-bound: seconds alone, far more on a busy shared machine
afterAll(() => client?.dispose());

async function script(files: Record<string, string>, options: Parameters<RuntimeClient['runScript']>[1] = {}) {
  await client.setFiles(files);
  return client.runScript('app.py', options).result;
}

describe('the runtime in Node', { timeout: PYTHON_TEST_TIMEOUT }, () => {
  it('loads Pyodide\'s CPython 3.14 and runs a script with live output', async () => {
    expect(client.readyInfo?.python).toMatch(/^3\.14\./);
    const live = { stdout: '', stderr: '' };
    const result = await script({ 'app.py': 'print("hello")\nimport sys\nprint("oops", file=sys.stderr)\n' },
      { onOutput: (stream, text) => { live[stream] += text; } });
    expect(result.stdout).toBe('hello\n');
    expect(result.stderr).toBe('oops\n');
    expect(live).toEqual({ stdout: 'hello\n', stderr: 'oops\n' });
    expect(result.notice).toBeNull();
  });

  it('starts each run from the files: module state does not leak', async () => {
    const files = { 'app.py': 'import counter\ncounter.n += 1\nprint(counter.n)\n', 'counter.py': 'n = 0\n' };
    expect((await script(files)).stdout).toBe('1\n');
    expect((await script(files)).stdout).toBe('1\n');
  });

  it('replacing the files removes the ones left out', async () => {
    await script({ 'app.py': 'import helper\n', 'helper.py': '' });
    const result = await script({ 'app.py': 'import helper\n' });
    expect(result.exception?.type).toBe('ModuleNotFoundError');
    expect(result.exception?.line).toBe(1);
    expect(result.exception?.traceback).not.toMatch(/runpy|worker_support/);
  });

  it('puts back cwd, sys.path, os.environ and the recursion limit', async () => {
    await script({ 'app.py': 'import os, sys\nos.chdir("/")\nsys.path.append("/x")\nos.environ["LEAK"] = "1"\nsys.setrecursionlimit(60)\n' });
    const result = await script({ 'app.py': 'import os, sys\nprint(os.getcwd(), "/x" in sys.path, "LEAK" in os.environ, sys.getrecursionlimit() > 60)\n' });
    expect(result.stdout).toBe('/home/pyodide/app False False True\n');
  });

  it('cancels asyncio tasks a run leaves behind', async () => {
    await script({ 'app.py': [
      'import asyncio',
      'async def tick():',
      '    while True:',
      '        open("/tmp/ticks", "a").write("t")',
      '        await asyncio.sleep(0)',
      'asyncio.ensure_future(tick())',
    ].join('\n') });
    const size = { 'app.py': 'import os\nprint(os.path.getsize("/tmp/ticks") if os.path.exists("/tmp/ticks") else 0)\n' };
    const first = (await script(size)).stdout;
    await client.setFiles({});
    const second = (await script(size)).stdout;
    expect(second).toBe(first);
  });

  it('says plainly that threads are not available', async () => {
    const result = await script({ 'app.py': 'import threading\nthreading.Thread(target=print).start()\n' });
    expect(result.notice?.kind).toBe('threads');
    expect(result.notice?.message).toMatch(/Threads are not available in the browser's Python/);
    expect(result.exception?.line).toBe(2);
  });

  it('interrupts a Python loop at the time limit, then runs the next script', async () => {
    // The limit must leave time to reach the loop even on a busy machine (else print() gets the interrupt).
    const result = await script({ 'app.py': 'print("start")\nwhile True:\n    pass\n' }, { timeLimitMs: 1500 });
    expect(result.notice).toMatchObject({ kind: 'time-limit', restarted: false });
    expect(result.exception?.type).toBe('KeyboardInterrupt');
    expect([2, 3]).toContain(result.exception?.line); // in the loop: its test or its body
    expect(result.stdout).toBe('start\n');
    expect((await script({ 'app.py': 'print("next")\n' })).stdout).toBe('next\n');
  });

  it('a stop still pending after a run ended on its own does not hit the next files', async () => {
    // The race of a time limit reached as a run ends by itself (an output flood being cut on a busy
    // machine, hardening-adversarial) leaves the interrupt in the buffer; here it is left there by hand.
    // set-files runs Python too: it raised KeyboardInterrupt ("The files could not be written").
    expect((await script({ 'app.py': 'print("done")\n' })).stdout).toBe('done\n');
    expect((client as unknown as { active: { interruptNow(): boolean } }).active.interruptNow()).toBe(true);
    expect((await script({ 'app.py': 'print("next")\n' })).stdout).toBe('next\n');
  });

  it('restarts Python when C-level work ignores the interrupt, and reloads the files', async () => {
    await client.setFiles({ 'app.py': 'print(sum(range(10**12)))\n', 'keep.py': 'print("kept")\n' });
    const result = await client.runScript('app.py', { timeLimitMs: 300 }).result;
    expect(result.notice).toMatchObject({ kind: 'time-limit', restarted: true });
    expect(result.notice?.message).toMatch(/Python was restarted and your files were reloaded/);
    expect((await client.runScript('keep.py').result).stdout).toBe('kept\n');
  }, 180_000);

  it('cancels a run through its handle', async () => {
    await client.setFiles({ 'app.py': 'while True:\n    pass\n' });
    const handle = client.runScript('app.py', { timeLimitMs: 60_000, onOutput: () => {} });
    const stopped = new Promise<void>((resolve) => { const off = client.on('state', (s) => { if (s === 'running') { off(); resolve(); } }); });
    await stopped;
    handle.cancel();
    const result = await handle.result;
    expect(result.notice).toMatchObject({ kind: 'cancelled', restarted: false });
  });

  it('serves a request through the server core and returns the exact response bytes', async () => {
    await client.setFiles({ 'app.py': 'def app(environ, start_response):\n    start_response("200 OK", [("Content-Type", "text/plain")])\n    return [b"Hello, world!"]\n' });
    const result = await client.request({ method: 'GET', target: '/' }).result;
    expect(result.server?.response).toBeInstanceOf(Uint8Array);
    expect(new TextDecoder().decode(result.server!.response)).toMatch(/^HTTP\/1\.1 200 OK\r\n[\s\S]*\r\n\r\nHello, world!$/);
    expect(new TextDecoder().decode(result.server!.body)).toBe('Hello, world!');
    expect(result.server?.error).toBeNull();
  });

  it('cuts a response past the response limit and says so', async () => {
    await client.setFiles({ 'app.py': 'def app(environ, start_response):\n    start_response("200 OK", [])\n    return [b"x" * 5000]\n' });
    const result = await client.request({ method: 'GET', target: '/' }, { responseLimit: 1000 }).result;
    expect(result.notice?.kind).toBe('response-limit');
    expect(result.notice?.message).toMatch(/Response limit: the response was 5,\d{3} bytes; only the first 1,000/);
    expect(result.server?.response.length).toBe(1000);
  });

  it("reports a memory bomb in the app as a memory error, and the app's traceback stays available", async () => {
    await client.setFiles({ 'app.py': 'def app(environ, start_response):\n    data = b"x" * 10**10\n' });
    const result = await client.request({ method: 'GET', target: '/' }).result;
    expect(result.notice?.kind).toBe('memory');
    expect(result.server?.status).toBe('500 Internal Server Error');
    expect(result.server?.error?.traceback).toMatch(/app\.py", line 2/);
  });

  it('explains that input() has no keyboard, and that sys.exit() in an app only ends the request', async () => {
    const typed = await script({ 'app.py': 'name = input("name? ")\n' });
    expect(typed.exception?.type).toBe('EOFError');
    expect(typed.exception?.message).toMatch(/input\(\) is not available here/);
    await client.setFiles({ 'app.py': 'import sys\ndef app(environ, start_response):\n    sys.exit(3)\n' });
    const exited = await client.request({ method: 'GET', target: '/' }).result;
    expect(exited.notice?.kind).toBe('exit');
    expect(exited.notice?.message).toMatch(/^sys\.exit\(3\) was called/);
    const next = await script({ 'app.py': 'import sys\nprint("bye")\nsys.exit(0)\n' });
    expect(next).toMatchObject({ stdout: 'bye\n', notice: null, exception: null });
  });

  it('keeps the connection open unless the run asks for a half-close (halfClose), where wsgiref answers what it has', async () => {
    await client.setFiles({ 'app.py': 'def app(environ, start_response):\n    start_response("200 OK", [])\n    return [b"served"]\n' });
    const unfinished = new TextEncoder().encode('GET / HTTP/1.1\r\nHost: example\r\n'); // no blank line: the head never ends
    const open = await client.request(unfinished, { mode: 'wsgiref' }).result;
    expect(open.server?.status ?? null).toBeNull();
    expect(open.server?.error?.kind).toBe('timeout');
    const halfClosed = await client.request(unfinished, { mode: 'wsgiref', halfClose: true }).result;
    expect(halfClosed.server?.status).toBe('200 OK');
  });
});
