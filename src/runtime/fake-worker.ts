/**
 * A scripted stand-in for the Python worker, for tests of code built on the client (no Pyodide):
 * `respond` maps each page → worker message to the messages the worker would send back.
 */
import type { ClientMessage, RunResult, WorkerMessage } from './protocol.ts';
import type { WorkerPort } from './worker-slot.ts';

export type FakeResponder = (message: ClientMessage) => WorkerMessage[];

/** A WorkerPort whose replies come from `respond`, delivered asynchronously like real messages. */
export function createFakeWorker(respond: FakeResponder): WorkerPort & { received: ClientMessage[]; terminated: boolean } {
  const port = {
    received: [] as ClientMessage[],
    terminated: false,
    onmessage: null as WorkerPort['onmessage'],
    onerror: null as WorkerPort['onerror'],
    postMessage(message: ClientMessage) {
      port.received.push(message);
      const replies = respond(structuredClone(message));
      setTimeout(() => {
        for (const reply of replies) if (!port.terminated) port.onmessage?.({ data: structuredClone(reply) });
      }, 0);
    },
    terminate() { port.terminated = true; },
  };
  return port;
}

/** A result with nothing in it but `fields`: handy for scripted replies. */
export function fakeResult(fields: Partial<RunResult> = {}): RunResult {
  return { server: null, exception: null, stdout: '', stderr: '', notice: null, elapsedMs: 1, ...fields };
}

/** The replies of a healthy worker: ready on init, files-set, and `run` for each run. */
export function healthyWorker(run: (message: ClientMessage) => WorkerMessage[]): FakeResponder {
  return (message) => {
    switch (message.type) {
      case 'init': return [
        { type: 'progress', id: message.id, stage: 'download', loaded: 50, total: 100 },
        { type: 'progress', id: message.id, stage: 'ready', loaded: 1, total: 1 },
        { type: 'ready', id: message.id, info: { pyodide: 'fake', python: '3.14.0', interruptible: false, loadMs: 1 } },
      ];
      case 'set-files': return [{ type: 'files-set', id: message.id, count: Object.keys(message.files).length }];
      case 'ping': return [{ type: 'pong', id: message.id }];
      default: return run(message);
    }
  };
}
