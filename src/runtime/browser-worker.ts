/** The default worker factory: a module Web Worker running worker.ts (bundled by Vite). */
import type { WorkerPort } from './worker-slot.ts';

/** Start one Python worker in the browser. */
export function createBrowserWorker(): WorkerPort {
  return new Worker(new URL('./worker.ts', import.meta.url), { type: 'module', name: 'python' }) as unknown as WorkerPort;
}
