/**
 * The worker's side of the protocol, free of browser globals: the browser entry (worker.ts) and the
 * Node runtime (node-worker.ts) both wrap it. Messages are handled one at a time, in order; a run
 * blocks this thread, which is why stopping it is the client's job (interrupt buffer or terminate).
 */
import type { PyodideAPI } from 'pyodide';
import type { ClientMessage, LoadStage, RunResult, RunSettings, WorkerMessage } from './protocol.ts';
import { isClientMessage } from './protocol.ts';
import type { LoadPyodide } from './pyodide-loader.ts';
import { expectedBytes } from './pyodide-loader.ts';
import { mark } from './marks.ts';
import { installRuntimeFiles } from './runtime-files.ts';


export interface WorkerCoreOptions {
  post: (message: WorkerMessage) => void;
  loadPyodide: LoadPyodide;
  /** Runtime Python files: path relative to src/runtime/python → source. */
  pythonFiles: Record<string, string>;
  /** The sandbox frame's interrupt buffer (a page's cannot reach this origin); else the init message's. */
  interruptBuffer?: SharedArrayBuffer | null;
  /** Called once Python has started or failed to: the loader's files are no longer needed. */
  loaded?: () => void;
  now?: () => number;
}

interface RuntimeModule {
  boot(postOutput: (stream: string, text: string) => void, postInterrupted: () => void): string;
  set_files(filesJson: string): number;
  run_request(raw: Uint8Array, settingsJson: string): [string, Uint8Array, Uint8Array];
  run_script(path: string, settingsJson: string): string;
  run_simulation(specJson: string, settingsJson: string): string;
  run_checks(kind: string, checksJson: string, settingsJson: string): string;
}

/** Creates the message handler of one worker; feed it every incoming message. */
export function createWorkerCore(opts: WorkerCoreOptions): (data: unknown) => Promise<void> {
  const now = opts.now ?? (() => performance.now());
  let py: PyodideAPI | null = null;
  let rt: RuntimeModule | null = null;
  let interrupt: Int32Array | null = null;
  let runId = 0;
  let queue = Promise.resolve();

  function progress(id: number, stage: LoadStage, loaded: number, total: number) {
    opts.post({ type: 'progress', id, stage, loaded, total });
  }

  async function init(msg: Extract<ClientMessage, { type: 'init' }>) {
    mark('python:init');
    const t0 = now();
    let lastPost = 0;
    const total0 = expectedBytes();
    progress(msg.id, 'download', 0, total0);
    try {
      py = await opts.loadPyodide(msg.indexURL, (loaded, total) => {
        if (now() - lastPost < 50 && loaded < total) return;
        lastPost = now();
        progress(msg.id, loaded < total ? 'download' : 'start-python', loaded, total);
      });
      progress(msg.id, 'load-server', 1, 1);
      installRuntimeFiles(py, opts.pythonFiles);
      rt = py.pyimport('init_pyodide') as unknown as RuntimeModule;
      const booted = JSON.parse(rt.boot((stream, text) => {
        opts.post({ type: 'output', id: runId, stream: stream === 'stderr' ? 'stderr' : 'stdout', text });
      }, () => opts.post({ type: 'interrupted', id: runId }))) as { python: string };
      rt.set_files(JSON.stringify(msg.files));
      const buffer = opts.interruptBuffer ?? msg.interruptBuffer;
      if (buffer) {
        interrupt = new Int32Array(buffer);
        py.setInterruptBuffer(interrupt);
      }
      mark('python:ready');
      progress(msg.id, 'ready', 1, 1);
      opts.post({ type: 'ready', id: msg.id, info: {
        pyodide: py.version, python: booted.python, interruptible: interrupt !== null, loadMs: now() - t0 } });
    } catch (err) {
      py = null;
      rt = null;
      const e = err instanceof Error ? err : new Error(String(err));
      opts.post({ type: 'load-failed', id: msg.id, message: loadFailureMessage(e), detail: e.stack ?? e.message });
    } finally {
      opts.loaded?.();
    }
  }

  function run(msg: Extract<ClientMessage, { type: 'run-request' | 'run-script' | 'run-simulation' | 'run-checks' }>) {
    if (!rt || !py) {
      opts.post({ type: 'failed', id: msg.id, message: 'Python is not loaded in this worker.', fatal: true });
      return;
    }
    // A stop aimed at an earlier run may still be pending in the buffer; it must not hit this one.
    if (interrupt) Atomics.store(interrupt, 0, 0);
    runId = msg.id;
    mark('python:run-start');
    opts.post({ type: 'started', id: msg.id });
    const t0 = now();
    const settings = JSON.stringify(msg.settings satisfies RunSettings);
    try {
      let result: Omit<RunResult, 'elapsedMs'>;
      if (msg.type === 'run-request') {
        const proxy = rt.run_request(msg.request, settings);
        const [json, response, body] = proxy;
        result = JSON.parse(json);
        if (result.server) Object.assign(result.server, { response, body });
      } else if (msg.type === 'run-simulation') {
        result = JSON.parse(rt.run_simulation(JSON.stringify(msg.spec), settings));
      } else if (msg.type === 'run-checks') {
        result = JSON.parse(rt.run_checks(msg.kind, JSON.stringify(msg.checks), settings));
      } else {
        result = JSON.parse(rt.run_script(msg.path, settings));
      }
      mark('python:run-end');
      opts.post({ type: 'result', id: msg.id, result: { ...result, elapsedMs: now() - t0 } });
    } catch (err) {
      const e = err instanceof Error ? err : new Error(String(err));
      if ((e as { type?: string }).type === 'KeyboardInterrupt') {
        // The stop landed in the runtime's own Python, outside the reader's code: still a clean stop.
        const exception = { type: 'KeyboardInterrupt', message: '', traceback: e.message, line: null, file: null };
        const result = { server: null, exception, notice: null, stdout: '', stderr: '', elapsedMs: now() - t0 };
        opts.post({ type: 'result', id: msg.id, result });
        return;
      }
      // Otherwise the interpreter is broken: init_pyodide catches every exception of the reader's code.
      opts.post({ type: 'failed', id: msg.id, message: e.message, fatal: true });
    } finally {
      runId = 0;
    }
  }

  function handle(msg: ClientMessage): Promise<void> | void {
    switch (msg.type) {
      case 'init': return init(msg);
      case 'set-files':
        if (!rt) return opts.post({ type: 'failed', id: msg.id, message: 'Python is not loaded.', fatal: true });
        // A stop that came as the last run ended on its own (a time limit reached while an output flood
        // was already being cut) is still pending in the buffer: writing the files runs Python too, and
        // it raised KeyboardInterrupt here ("The files could not be written"), failing the next run.
        if (interrupt) Atomics.store(interrupt, 0, 0);
        try {
          return opts.post({ type: 'files-set', id: msg.id, count: rt.set_files(JSON.stringify(msg.files)) });
        } catch (err) {
          // A file Python cannot write (a name the page should have refused): say so rather than never answer.
          return opts.post({ type: 'failed', id: msg.id, message: `The files could not be written: ${(err as Error).message}`, fatal: false });
        }
      case 'run-request':
      case 'run-script':
      case 'run-simulation':
      case 'run-checks': return run(msg);
      case 'ping': return opts.post({ type: 'pong', id: msg.id });
    }
  }

  return (data: unknown) => {
    if (!isClientMessage(data)) return Promise.resolve();
    queue = queue.then(() => handle(data)).catch(() => {});
    return queue;
  };
}

/** A load error in words for the reader (the stack goes into `detail`). */
function loadFailureMessage(e: Error): string {
  const text = e.message || String(e);
  if (/fetch|network|Failed to load|import/i.test(text)) {
    return `Python could not be downloaded (${text}). Check the connection, then retry.`;
  }
  if (/memory/i.test(text)) return `The browser refused the memory Python needs (${text}). Close other tabs, then retry.`;
  return `Python failed to start (${text}). Retry; if it keeps failing, reload the page.`;
}
