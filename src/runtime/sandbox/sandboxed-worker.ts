/**
 * A Python worker the page cannot be harmed by (docs/decisions/reader-code-sandbox.md): it runs inside a
 * hidden `sandbox="allow-scripts"` frame, so the reader's code has an opaque origin — no site storage,
 * caches, service worker or network. The page talks to it over a MessageChannel whose far end only the
 * runtime's own closures hold, has Pyodide's files served to it (python-files.ts, in a worker of the site's own), and interrupts it by
 * asking the frame, which owns the SharedArrayBuffer. To the client it is just a WorkerPort.
 */
import workerURL from '../worker.ts?worker&url';
import fileServerURL from './file-server.worker.ts?worker&url';
import type { WorkerPort } from '../worker-slot.ts';
import { SANDBOX_SRCDOC } from './srcdoc.ts';
import { mark } from '../marks.ts';

let source: Promise<string> | null = null;

/** The runtime worker's bundled source, fetched once per page (through the service worker, so offline
 * too); asked for as soon as a worker is created, while its frame loads. */
function workerSource(): Promise<string> {
  source ??= fetch(workerURL).then(async (res) => {
    if (!res.ok) throw new Error(`HTTP ${res.status}`);
    return res.text();
  });
  source.catch(() => { source = null; });
  return source;
}

/** The far ends a worker is booted with: the protocol port and the file port. */
interface FarEnds { port: MessagePort; files: MessagePort }

/** A worker's two channels, seen from the page as a WorkerPort: messages go over the protocol
 * channel, Pyodide's files are served over the other; `end` stops the worker itself (once). */
function channelPort(indexURL: string, end: () => void, interrupt: () => boolean): { port: WorkerPort; far: FarEnds } {
  const channel = new MessageChannel();
  const files = new MessageChannel();
  // The file channel's site end runs in a worker of its own, off this page's busy main thread.
  const fileServer = new Worker(fileServerURL, { type: 'module', name: 'python files' });
  fileServer.postMessage({ port: files.port1, indexURL: new URL(indexURL, location.href).href }, [files.port1]);
  const stopFiles = () => fileServer.postMessage('end');
  let open = true;
  const port: WorkerPort = {
    onmessage: null,
    onerror: null,
    postMessage: (message) => channel.port1.postMessage(message),
    terminate() {
      if (!open) return;
      open = false;
      channel.port1.close();
      stopFiles();
      end();
    },
    interrupt,
  };
  channel.port1.onmessage = (event) => port.onmessage?.({ data: event.data });
  return { port, far: { port: channel.port2, files: files.port2 } };
}

/** `astro dev` serves the worker as modules importing each other by URL, which a blob: module in an
 * opaque origin cannot load: dev runs a plain module worker of the site's origin (never built, never
 * served to readers), fed the same boot data and files. */
function devWorker(indexURL: string): WorkerPort {
  const buffer = crossOriginIsolated ? new SharedArrayBuffer(4) : null;
  const worker = new Worker(workerURL, { type: 'module', name: 'python' });
  const { port, far } = channelPort(indexURL, () => worker.terminate(), () => {
    if (buffer) Atomics.store(new Int32Array(buffer), 0, 2);
    return buffer !== null;
  });
  worker.postMessage({ ...far, interruptBuffer: buffer }, [far.port, far.files]);
  worker.onerror = (event) => port.onerror?.(event);
  return port;
}

/** Start one sandboxed Python worker whose Pyodide files come from `indexURL`. */
export function createSandboxedWorker(indexURL: string): WorkerPort {
  if (import.meta.env.DEV) return devWorker(indexURL);
  const frame = document.createElement('iframe');
  frame.setAttribute('sandbox', 'allow-scripts');
  frame.setAttribute('allow', 'cross-origin-isolated');
  frame.setAttribute('aria-hidden', 'true');
  frame.tabIndex = -1;
  frame.hidden = true;
  frame.title = 'Python sandbox';
  frame.srcdoc = SANDBOX_SRCDOC;
  let alive = true;
  const { port, far } = channelPort(indexURL, () => {
    alive = false;
    removeEventListener('message', fromFrame);
    frame.remove(); // ends the frame's worker with it
  }, () => {
    if (!alive || !frame.contentWindow) return false;
    frame.contentWindow.postMessage('interrupt', '*');
    return true;
  });
  const fail = (message: string) => { if (alive) port.onerror?.({ message }); };
  // The frame speaks only to say its worker failed; nothing else from it (or the reader's code) is trusted.
  const fromFrame = (event: MessageEvent) => {
    if (event.source === frame.contentWindow && event.data?.type === 'sandbox-error') fail(String(event.data.message));
  };
  addEventListener('message', fromFrame);
  mark('python:sandbox-created');
  const text = workerSource();
  void text.then(() => mark('python:worker-source'), () => {});
  frame.addEventListener('load', () => {
    mark('python:sandbox-loaded');
    text.then((text) => {
      if (!alive || !frame.contentWindow) return;
      mark('python:sandbox-start');
      frame.contentWindow.postMessage({ type: 'start', source: text, ...far }, '*', [far.port, far.files]);
    }, (err: Error) => fail(`Failed to fetch the Python worker: ${err.message}`));
  }, { once: true });
  (document.body ?? document.documentElement).append(frame);
  return port;
}
