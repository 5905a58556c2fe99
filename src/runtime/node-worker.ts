/**
 * The Node build of the runtime's worker: the same worker core, Pyodide from node_modules, the
 * runtime's Python read from disk. Used by unit tests and the command line through node-runtime.ts.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parentPort } from 'node:worker_threads';
import { loadPyodide } from 'pyodide';
import { createWorkerCore } from './worker-core.ts';

const pythonRoot = fileURLToPath(new URL('./python/', import.meta.url));

function pythonFiles(): Record<string, string> {
  const files: Record<string, string> = {};
  for (const entry of readdirSync(pythonRoot, { recursive: true, encoding: 'utf8' })) {
    if (!entry.endsWith('.py') || entry.split(sep).includes('__pycache__')) continue;
    files[relative(pythonRoot, join(pythonRoot, entry)).split(sep).join('/')] = readFileSync(join(pythonRoot, entry), 'utf8');
  }
  return files;
}

const port = parentPort;
if (!port) throw new Error('node-worker.ts runs as a worker thread (see node-runtime.ts).');
const handle = createWorkerCore({
  post: (message) => port.postMessage(message),
  loadPyodide: () => loadPyodide(),
  pythonFiles: pythonFiles(),
});
port.on('message', (data) => { void handle(data); });
