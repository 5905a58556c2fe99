/**
 * The module worker's entry: Pyodide and the server core run here, never on the page's thread.
 * The runtime's Python files are bundled into this script at build time (no extra requests).
 */
import type { WorkerMessage } from './protocol.ts';
import { loadPyodideInBrowser } from './pyodide-loader.ts';
import { createWorkerCore } from './worker-core.ts';

const sources = import.meta.glob<string>('./python/**/*.py', { query: '?raw', import: 'default', eager: true });
const pythonFiles = Object.fromEntries(
  Object.entries(sources).map(([path, source]) => [path.replace(/^\.\/python\//, ''), source]),
);

const handle = createWorkerCore({
  post: (message: WorkerMessage) => self.postMessage(message),
  loadPyodide: loadPyodideInBrowser,
  pythonFiles,
});

self.onmessage = (event: MessageEvent) => { void handle(event.data); };
