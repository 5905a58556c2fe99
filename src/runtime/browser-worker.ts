/** The default worker factory: a Python worker inside a sandbox frame (sandbox/sandboxed-worker.ts). */
import type { WorkerPort } from './worker-slot.ts';
import { createSandboxedWorker } from './sandbox/sandboxed-worker.ts';
import { defaultIndexURL } from './early-start.ts';

/** Start one Python worker in the browser, its Pyodide files from `indexURL`. */
export function createBrowserWorker(indexURL: string = defaultIndexURL()): WorkerPort {
  return createSandboxedWorker(indexURL);
}

