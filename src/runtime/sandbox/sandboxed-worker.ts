/**
 * A Python worker the page cannot be harmed by (docs/decisions/reader-code-sandbox.md): it runs inside a
 * hidden `sandbox="allow-scripts"` frame, so the reader's code has an opaque origin — no site storage,
 * caches, service worker or network. The page talks to it over a MessageChannel whose far end only the
 * runtime's own closures hold, fetches Pyodide's files for it (python-files.ts), and interrupts it by
 * asking the frame, which owns the SharedArrayBuffer. To the client it is just a WorkerPort.
 */
import workerURL from '../worker.ts?worker&url';
import type { WorkerPort } from '../worker-slot.ts';
import { servePythonFiles } from './python-files.ts';
import { SANDBOX_SRCDOC } from './srcdoc.ts';

let source: Promise<string> | null = null;

/** The runtime worker's bundled source, fetched once per page (through the service worker, so offline too). */
function workerSource(): Promise<string> {
  source ??= fetch(workerURL).then(async (res) => {
    if (!res.ok) throw new Error(`HTTP ${res.status}`);
    return res.text();
  });
  source.catch(() => { source = null; });
  return source;
}

/** `astro dev` serves the worker as modules importing each other by URL, which a blob: module in an
 * opaque origin cannot load: dev runs a plain module worker of the site's origin (never built, never
 * served to readers), fed the same boot data and files. */
function devWorker(indexURL: string): WorkerPort {
  const channel = new MessageChannel();
  const files = new MessageChannel();
  const buffer = crossOriginIsolated ? new SharedArrayBuffer(4) : null;
  const worker = new Worker(workerURL, { type: 'module', name: 'python' });
  const stopFiles = servePythonFiles(files.port1, new URL(indexURL, location.href).href);
  worker.postMessage({ port: channel.port2, files: files.port2, interruptBuffer: buffer }, [channel.port2, files.port2]);
  const port: WorkerPort = {
    onmessage: null, onerror: null,
    postMessage: (message) => channel.port1.postMessage(message),
    terminate() { stopFiles(); channel.port1.close(); worker.terminate(); },
    interrupt() { if (buffer) Atomics.store(new Int32Array(buffer), 0, 2); return buffer !== null; },
  };
  channel.port1.onmessage = (event) => port.onmessage?.({ data: event.data });
  worker.onerror = (event) => port.onerror?.(event);
  return port;
}

/** Start one sandboxed Python worker whose Pyodide files come from `indexURL`. */
export function createSandboxedWorker(indexURL: string): WorkerPort {
  if (import.meta.env.DEV) return devWorker(indexURL);
  const channel = new MessageChannel();
  const files = new MessageChannel();
  const frame = document.createElement('iframe');
  frame.setAttribute('sandbox', 'allow-scripts');
  frame.setAttribute('allow', 'cross-origin-isolated');
  frame.setAttribute('aria-hidden', 'true');
  frame.tabIndex = -1;
  frame.hidden = true;
  frame.title = 'Python sandbox';
  frame.srcdoc = SANDBOX_SRCDOC;
  let alive = true;
  const stopFiles = servePythonFiles(files.port1, new URL(indexURL, location.href).href);

  const port: WorkerPort = {
    onmessage: null,
    onerror: null,
    postMessage: (message) => channel.port1.postMessage(message),
    terminate() {
      if (!alive) return;
      alive = false;
      removeEventListener('message', fromFrame);
      channel.port1.close();
      stopFiles();
      frame.remove(); // ends the frame's worker with it
    },
    interrupt() {
      if (!alive || !frame.contentWindow) return false;
      frame.contentWindow.postMessage('interrupt', '*');
      return true;
    },
  };
  channel.port1.onmessage = (event) => port.onmessage?.({ data: event.data });
  const fail = (message: string) => { if (alive) port.onerror?.({ message }); };
  // The frame speaks only to say its worker failed; nothing else from it (or the reader's code) is trusted.
  const fromFrame = (event: MessageEvent) => {
    if (event.source === frame.contentWindow && event.data?.type === 'sandbox-error') fail(String(event.data.message));
  };
  addEventListener('message', fromFrame);
  frame.addEventListener('load', () => {
    workerSource().then((text) => {
      if (!alive || !frame.contentWindow) return;
      frame.contentWindow.postMessage({ type: 'start', source: text, port: channel.port2, files: files.port2 }, '*', [channel.port2, files.port2]);
    }, (err: Error) => fail(`Failed to fetch the Python worker: ${err.message}`));
  }, { once: true });
  (document.body ?? document.documentElement).append(frame);
  return port;
}
