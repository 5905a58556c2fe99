import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  CLIENT_MESSAGE_FIELDS, WORKER_MESSAGE_FIELDS, isClientMessage, isWorkerMessage,
  type ClientMessage, type WorkerMessage,
} from '../../src/runtime/protocol.ts';

const settings = { appSpec: 'app:app', mode: 'reference', trace: true, outputLimit: 10, responseLimit: 10, halfClose: false } as const;

// One example of every message type; `satisfies` makes TypeScript check each against its declared shape.
const clientSamples = {
  'init': { type: 'init', id: 1, indexURL: '/pyodide/', interruptBuffer: new SharedArrayBuffer(4), files: { 'app.py': 'x = 1' } },
  'set-files': { type: 'set-files', id: 2, files: { 'app.py': 'print(1)', 'lib/u.py': '' } },
  'run-request': { type: 'run-request', id: 3, request: new TextEncoder().encode('GET / HTTP/1.1\r\n\r\n'), settings },
  'run-script': { type: 'run-script', id: 4, path: 'app.py', settings },
  'run-simulation': { type: 'run-simulation', id: 6, settings,
    spec: { pool: { app_spec: 'app:app', workers: 3 }, loop: { app_spec: 'async_app:app' }, generate: { requests: 20, rate: 5 } } },
  'run-checks': { type: 'run-checks', id: 7, kind: 'wsgi', settings,
    checks: [{ name: 'answers 404', request: { method: 'GET', path: '/nope' }, expect: { status: 404 } }] },
  'ping': { type: 'ping', id: 5 },
} satisfies { [K in ClientMessage['type']]: Extract<ClientMessage, { type: K }> };

const workerSamples = {
  'progress': { type: 'progress', id: 1, stage: 'download', loaded: 10, total: 100 },
  'ready': { type: 'ready', id: 1, info: { pyodide: '314.0.7', python: '3.14.2', interruptible: true, loadMs: 3000 } },
  'load-failed': { type: 'load-failed', id: 1, message: 'Python could not be downloaded.', detail: 'TypeError: fetch' },
  'files-set': { type: 'files-set', id: 2, count: 2 },
  'started': { type: 'started', id: 3 },
  'interrupted': { type: 'interrupted', id: 3 },
  'output': { type: 'output', id: 3, stream: 'stderr', text: 'warning\n' },
  'result': { type: 'result', id: 3, result: {
    server: {
      response: new Uint8Array([72, 84]), outcome: 'complete', keep_alive: true, status: '200 OK',
      headers: [['Content-Type', 'text/plain']], body: new Uint8Array([104]), events: [{ type: 'done', t: 1.5 }],
      violations: [{ rule: 'r', pep: 'The start_response() Callable', message: 'm', fix: 'f' }], error: null,
      log: '', stdout: 'hi\n', stderr: '', environ: { REQUEST_METHOD: 'GET' }, mode: { name: 'reference', version: '1' },
    },
    exception: null, stdout: 'hi\n', stderr: '', notice: { kind: 'time-limit', message: 'Time limit', restarted: false }, elapsedMs: 4,
  } },
  'failed': { type: 'failed', id: 3, message: 'Pyodide already fatally failed', fatal: true },
  'pong': { type: 'pong', id: 5 },
} satisfies { [K in WorkerMessage['type']]: Extract<WorkerMessage, { type: K }> };

describe('runtime protocol', () => {
  it('has an example for every message type, in both directions', () => {
    expect(Object.keys(clientSamples).sort()).toEqual(Object.keys(CLIENT_MESSAGE_FIELDS).sort());
    expect(Object.keys(workerSamples).sort()).toEqual(Object.keys(WORKER_MESSAGE_FIELDS).sort());
  });

  for (const [type, message] of Object.entries(clientSamples)) {
    it(`page → worker '${type}' survives postMessage's structured clone and is recognised`, () => {
      const copy = structuredClone(message);
      expect(copy).toEqual(message);
      expect(isClientMessage(copy)).toBe(true);
      expect(isWorkerMessage(copy)).toBe(false);
    });
  }
  for (const [type, message] of Object.entries(workerSamples)) {
    it(`worker → page '${type}' survives postMessage's structured clone and is recognised`, () => {
      const copy = structuredClone(message);
      expect(copy).toEqual(message);
      expect(isWorkerMessage(copy)).toBe(true);
      expect(isClientMessage(copy)).toBe(false);
    });
  }

  it('rejects a message missing a field, an unknown type, or no id', () => {
    const { files: _files, ...noFiles } = clientSamples['set-files'];
    expect(isClientMessage(noFiles)).toBe(false);
    expect(isWorkerMessage({ type: 'resutl', id: 1, result: {} })).toBe(false);
    expect(isWorkerMessage({ type: 'pong' })).toBe(false);
    expect(isClientMessage({ type: 'toString', id: 1 })).toBe(false);
    expect(isClientMessage(null)).toBe(false);
  });
});

describe('worker and client share the protocol module', () => {
  const source = (name: string) => readFileSync(new URL(`../../src/runtime/${name}`, import.meta.url), 'utf8');
  // Message literals built in code: `{ type: 'x', ...` (not the `Extract<..., { type: 'x' }>` type filters).
  const typesIn = (text: string) => [...text.matchAll(/(?<!Extract<\w+, )\{ (?:\.\.\.[\w.]+, )?type: '([a-z-]+)'/g)].map((m) => m[1]);

  it('the worker side and the client side import their message types from protocol.ts', () => {
    for (const file of ['worker-core.ts', 'worker-slot.ts', 'client.ts', 'worker.ts']) {
      expect(source(file), file).toMatch(/from '\.\/protocol\.ts'/);
    }
  });

  it('every message the worker core posts is a declared worker → page type', () => {
    const posted = typesIn(source('worker-core.ts'));
    expect(posted.length).toBeGreaterThan(5);
    for (const type of posted) expect(Object.keys(WORKER_MESSAGE_FIELDS)).toContain(type);
  });

  it('every message the client side sends is a declared page → worker type', () => {
    // The events a run's lifecycle takes (run-lifecycle.ts RunEvent) are built in client.ts too; they are not messages.
    const events = new Set([...source('run-lifecycle.ts').matchAll(/\| \{ type: '([a-z-]+)'/g)].map((m) => m[1]));
    expect([...events]).toEqual(expect.arrayContaining(['send', 'stop', 'reply']));
    const sent = [...typesIn(source('worker-slot.ts')), ...typesIn(source('client.ts'))].filter((type) => !events.has(type));
    for (const type of sent) expect(Object.keys(CLIENT_MESSAGE_FIELDS)).toContain(type);
    expect(sent).toEqual(expect.arrayContaining(['init', 'set-files', 'run-request', 'run-script']));
  });
});
