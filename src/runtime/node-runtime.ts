/**
 * The runtime in Node, behind the same client: `new RuntimeClient({ createWorker: createNodeWorker,
 * isolated: true })` runs the reader's files through the same worker core and Python as the browser.
 */
import { Worker } from 'node:worker_threads';
import type { WorkerPort } from './worker-slot.ts';

/** Start one Python worker thread in Node (interruptible: Node shares memory between threads). */
export function createNodeWorker(): WorkerPort {
  const worker = new Worker(new URL('./node-worker.ts', import.meta.url));
  const port: WorkerPort = {
    postMessage: (message) => worker.postMessage(message),
    terminate: () => { void worker.terminate(); },
    onmessage: null,
    onerror: null,
  };
  worker.on('message', (data: unknown) => port.onmessage?.({ data }));
  worker.on('error', (err: Error) => port.onerror?.({ message: err.message }));
  return port;
}
