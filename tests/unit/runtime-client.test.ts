import { describe, expect, it, vi } from 'vitest';
import { RuntimeClient, RuntimeLoadError } from '../../src/runtime/client.ts';
import { createFakeWorker, fakeResult, healthyWorker } from '../../src/runtime/fake-worker.ts';
import { encodeRequest } from '../../src/runtime/http-request.ts';
import { WorkerSlot } from '../../src/runtime/worker-slot.ts';
import { pythonWorkerChunk } from '../../src/integrations/python-worker-url.ts';
import type { ClientMessage } from '../../src/runtime/protocol.ts';

// The client's bookkeeping against scripted workers: load failure and retry, routing of output,
// queued runs, files handed to replacement workers. (Real Python: runtime-node.test.ts and the e2e specs.)
const echo = healthyWorker((m) => [
  { type: 'started', id: m.id },
  { type: 'output', id: m.id, stream: 'stdout', text: 'live\n' },
  { type: 'result', id: m.id, result: fakeResult({ stdout: 'live\n' }) },
]);

describe('RuntimeClient', () => {
  it('reports a load failure clearly and loads on retry', async () => {
    let attempts = 0;
    const client = new RuntimeClient({
      isolated: false, standby: false, indexURL: '/pyodide/',
      createWorker: () => createFakeWorker((m) => (m.type === 'init' && ++attempts === 1)
        ? [{ type: 'load-failed', id: m.id, message: 'Python could not be downloaded (offline). Check the connection, then retry.', detail: 'TypeError' }]
        : echo(m)),
    });
    const states: string[] = [];
    client.on('state', (s) => states.push(s));
    const error = await client.load().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RuntimeLoadError);
    expect((error as Error).message).toMatch(/could not be downloaded.*retry/);
    expect(client.state).toBe('failed');
    expect((await client.load()).python).toBe('3.14.0');
    expect(states).toEqual(['loading', 'failed', 'loading', 'ready']);
  });

  it('sends progress while loading and live output while running, for the right run', async () => {
    const client = new RuntimeClient({ isolated: false, standby: false, createWorker: () => createFakeWorker(echo) });
    const progress: string[] = [];
    const output: string[] = [];
    client.on('progress', (p) => progress.push(`${p.stage}:${p.loaded}/${p.total}`));
    const handle = client.runScript('app.py', { onOutput: (s, t) => output.push(`${s}:${t}`) });
    const result = await handle.result;
    expect(progress).toEqual(['download:50/100', 'ready:1/1']);
    expect(output).toEqual(['stdout:live\n']);
    expect(result.stdout).toBe('live\n');
    expect(client.state).toBe('ready');
  });

  it('starts the warm standby only after a run has finished, never while Python loads or runs', async () => {
    vi.useFakeTimers();
    try {
      const ports: ReturnType<typeof createFakeWorker>[] = [];
      const client = new RuntimeClient({ isolated: false, standby: true, createWorker: () => { const p = createFakeWorker(echo); ports.push(p); return p; } });
      // The fake worker answers from timers, so time is moved on while awaiting.
      const settle = async <T>(p: Promise<T>): Promise<T> => { await vi.advanceTimersByTimeAsync(5); return p; };
      await settle(client.load());
      await vi.advanceTimersByTimeAsync(10_000);
      expect(ports.length, 'ready, no run yet: one worker').toBe(1);
      await settle(client.runScript('app.py').result);
      expect(ports.length, 'the first run has just finished: still one worker').toBe(1);
      await vi.advanceTimersByTimeAsync(2_000);
      expect(ports.length, 'two seconds after the run: the standby is loading').toBe(2);
      expect(await settle(client.whenStandbyReady())).toBe(true);
    } finally {
      vi.useRealTimers();
    }
  });

  it('runs one at a time and drops a run cancelled while queued', async () => {
    const ports: ReturnType<typeof createFakeWorker>[] = [];
    const client = new RuntimeClient({ isolated: false, standby: false, createWorker: () => { const p = createFakeWorker(echo); ports.push(p); return p; } });
    const first = client.runScript('a.py');
    const second = client.runScript('b.py');
    second.cancel();
    const third = client.request({ method: 'POST', target: '/x', body: 'hi' });
    await Promise.all([first.result, second.result, third.result]);
    expect((await second.result).notice?.message).toBe('Stopped before it started.');
    const runs = ports[0].received.filter((m) => m.type.startsWith('run-'));
    expect(runs.map((m) => m.type)).toEqual(['run-script', 'run-request']);
    const sent = runs[1] as Extract<ClientMessage, { type: 'run-request' }>;
    expect(new TextDecoder().decode(sent.request)).toBe('POST /x HTTP/1.1\r\nHost: localhost\r\nContent-Length: 2\r\n\r\nhi');
  });

  it('without isolation, a stop terminates the worker and the new one starts with the files', async () => {
    const ports: ReturnType<typeof createFakeWorker>[] = [];
    const hang = healthyWorker((m) => [{ type: 'started', id: m.id }]); // never finishes
    const client = new RuntimeClient({ isolated: false, standby: false, createWorker: () => { const p = createFakeWorker(ports.length ? echo : hang); ports.push(p); return p; } });
    await client.setFiles({ 'app.py': 'while True: pass' });
    const result = await client.runScript('app.py', { timeLimitMs: 20 }).result;
    expect(result.notice).toMatchObject({ kind: 'time-limit', restarted: true });
    expect(result.notice?.message).toMatch(/cannot interrupt Python.*restarted and your files were reloaded/);
    expect(ports[0].terminated).toBe(true);
    await client.load();
    const init = ports[1].received[0] as Extract<ClientMessage, { type: 'init' }>;
    expect(init.files).toEqual({ 'app.py': 'while True: pass' });
  });
});

describe('RuntimeClient interrupts', () => {
  it('waits for a run that acknowledged the interrupt, even past the grace period', async () => {
    // A scripted isolated worker: it notices the interrupt buffer, acknowledges at once, and reports
    // the result 60 ms later — long after the 5 ms grace that would otherwise replace it.
    let buffer: Int32Array | null = null;
    const ports: ReturnType<typeof createFakeWorker>[] = [];
    const worker = healthyWorker((m) => {
      const poll = setInterval(() => {
        if (!buffer || Atomics.load(buffer, 0) !== 2) return;
        clearInterval(poll);
        ports[0].onmessage?.({ data: { type: 'interrupted', id: m.id } });
        setTimeout(() => ports[0].onmessage?.({ data: { type: 'result', id: m.id, result: fakeResult({ stdout: 'partial\n' }) } }), 60);
      }, 1);
      return [{ type: 'started', id: m.id }];
    });
    const client = new RuntimeClient({
      isolated: true, standby: false, interruptGraceMs: 5,
      createWorker: () => {
        const port = createFakeWorker((m) => {
          if (m.type === 'init' && m.interruptBuffer) buffer = new Int32Array(m.interruptBuffer);
          return worker(m);
        });
        ports.push(port);
        return port;
      },
    });
    const result = await client.runScript('app.py', { timeLimitMs: 20 }).result;
    expect(result.notice).toMatchObject({ kind: 'time-limit', restarted: false });
    expect(result.stdout).toBe('partial\n');
    expect(ports).toHaveLength(1);
    expect(ports[0].terminated).toBe(false);
  });
});

describe('encodeRequest', () => {
  it('keeps given Host and Content-Length headers and sends bytes unchanged', () => {
    const bytes = encodeRequest({ method: 'PUT', target: '/', headers: [['host', 'a'], ['Content-Length', '1']], body: new Uint8Array([0, 255]), version: 'HTTP/1.0' });
    expect([...bytes.slice(-2)]).toEqual([0, 255]);
    expect(new TextDecoder().decode(bytes.slice(0, -2))).toBe('PUT / HTTP/1.0\r\nhost: a\r\nContent-Length: 1\r\n\r\n');
  });
});

describe('RuntimeClient workspaces', () => {
  it('gives each queued run the files it was queued with, even when another run queued other files after it', async () => {
    const ports: ReturnType<typeof createFakeWorker>[] = [];
    const client = new RuntimeClient({ isolated: false, standby: false, createWorker: () => { const p = createFakeWorker(echo); ports.push(p); return p; } });
    const first = client.runScript('app.py', { files: { 'app.py': 'first' } });
    const second = client.runScript('app.py', { files: { 'app.py': 'second' } });
    await Promise.all([first.result, second.result]);
    // Each run is preceded by exactly its own files, in queue order.
    const order = ports.flatMap((port) => port.received)
      .filter((m) => m.type === 'init' || m.type === 'set-files' || m.type === 'run-script')
      .map((m) => (m.type === 'run-script' ? 'run' : `files:${m.files['app.py'] ?? ''}`))
      .filter((step, i, all) => step === 'run' || all[i + 1] === 'run');
    expect(order).toEqual(['files:first', 'run', 'files:second', 'run']);
  });

  it('runs other code only in a worker no other code has run in; the same code keeps its worker', async () => {
    const ports: ReturnType<typeof createFakeWorker>[] = [];
    const client = new RuntimeClient({ isolated: false, standby: false, createWorker: () => { const p = createFakeWorker(echo); ports.push(p); return p; } });
    const ran = (port: ReturnType<typeof createFakeWorker>) => port.received.filter((m) => m.type === 'run-script').length;
    await client.runScript('app.py', { files: { 'app.py': 'a' } }).result;
    await client.runScript('app.py', { files: { 'app.py': 'a' } }).result;
    expect(ports.map(ran), 'the same workspace twice: one worker').toEqual([2]);
    await client.runScript('app.py', { files: { 'app.py': 'b' } }).result;
    expect(ports.map(ran), 'other code: a fresh worker, the used one ended').toEqual([2, 1]);
    expect(ports[0].terminated).toBe(true);
    await client.runScript('app.py', { files: { 'app.py': 'a' } }).result;
    expect(ports.map(ran), 'back to the first code: fresh again, never the worker that ran b').toEqual([2, 1, 1]);
    expect(ports[1].terminated).toBe(true);
  });
  it('writes the files again after a run, so the same files run again as one message; a run queued before the refresh is answered sends its files first', async () => {
    const ports: ReturnType<typeof createFakeWorker>[] = [];
    const client = new RuntimeClient({ isolated: false, standby: false, createWorker: () => { const p = createFakeWorker(echo); ports.push(p); return p; } });
    const steps = () => ports[0].received.filter((m) => m.type !== 'init').map((m) => (m.type === 'set-files' ? `files:${m.files['app.py']}` : m.type));
    await client.runScript('app.py', { files: { 'app.py': 'a' } }).result;
    await vi.waitFor(() => expect(steps()).toEqual(['files:a', 'run-script', 'files:a']));
    await new Promise((resolve) => setTimeout(resolve, 50)); // the refresh's answer (the fake answers from a timer)
    await client.runScript('app.py', { files: { 'app.py': 'a' } }).result;
    await vi.waitFor(() => expect(steps().slice(3), 'the same files: the run alone, then the refresh').toEqual(['run-script', 'files:a']));
    await new Promise((resolve) => setTimeout(resolve, 50));
    // A run queued at once after another (the first one's refresh still on its way) sends its files first.
    const [one, two] = [client.runScript('app.py', { files: { 'app.py': 'a' } }), client.runScript('app.py', { files: { 'app.py': 'a' } })];
    expect((await one.result).stdout).toBe('live\n');
    expect((await two.result).stdout).toBe('live\n');
    await vi.waitFor(() => expect(steps().slice(5)).toEqual(['run-script', 'files:a', 'files:a', 'run-script', 'files:a']));
    expect(ports.length, 'one workspace throughout: one worker').toBe(1);
  });
});

describe('the early worker (src/runtime/early-start.ts)', () => {
  it('is adopted by a WorkerSlot with the messages it sent before, and the slot sends no second init', async () => {
    const port = createFakeWorker(echo);
    port.postMessage({ type: 'init', id: 0, indexURL: '/pyodide/', interruptBuffer: null, files: {} });
    const backlog: Array<{ kind: 'message' | 'error'; event: unknown }> = [];
    port.onmessage = (event) => backlog.push({ kind: 'message', event });
    await vi.waitFor(() => expect(backlog.some(({ event }) => (event as { data: { type: string } }).data.type === 'ready')).toBe(true));
    const progress: string[] = [];
    const slot = new WorkerSlot({ port, initId: 0, indexURL: '/pyodide/', interruptBuffer: null, backlog }, '/pyodide/', { 'app.py': 'x = 1' }, false, {
      onProgress: (p) => progress.push(p.stage), onStarted: () => {}, onInterrupted: () => {}, onOutput: () => {}, onCrash: () => {},
    });
    expect((await slot.ready).python).toBe('3.14.0');
    expect(progress).toEqual(['download', 'ready']);
    expect(port.received.map((m) => m.type)).toEqual(['init', 'set-files']);
  });

  it('finds the one Python worker chunk among the built assets', () => {
    expect(pythonWorkerChunk(['editor.worker-CX7Cj20z.js', 'worker-D5WbTzi0.js', 'client.HzKlvTgc.js'])).toBe('worker-D5WbTzi0.js');
    expect(() => pythonWorkerChunk(['editor.worker-CX7Cj20z.js'])).toThrow(/found 0/);
  });
});
