/**
 * The Python worker's entry: Pyodide and the server core run here, never on the page's thread. It runs
 * inside the sandbox frame (sandbox/sandboxed-worker.ts), imported by the frame's bootstrap, which
 * leaves this module its boot data — the page's two ports and the interrupt buffer — on a global that
 * is read and deleted before anything else runs, so the reader's code never sees the ports. The
 * runtime's Python files are bundled into this script at build time.
 */
import type { WorkerMessage } from './protocol.ts';
import { loadPyodideInSandbox } from './pyodide-loader.ts';
import { createWorkerCore } from './worker-core.ts';
import { FileChannel } from './sandbox/file-channel.ts';
import { mark } from './marks.ts';

interface SandboxBoot { port: MessagePort; files: MessagePort; interruptBuffer: SharedArrayBuffer | null }

const sources = import.meta.glob<string>('./python/**/*.py', { query: '?raw', import: 'default', eager: true });
const pythonFiles = Object.fromEntries(
  Object.entries(sources).map(([path, source]) => [path.replace(/^\.\/python\//, ''), source]),
);

function start(boot: SandboxBoot) {
  const files = new FileChannel(boot.files);
  const handle = createWorkerCore({
    post: (message: WorkerMessage) => boot.port.postMessage(message),
    loadPyodide: loadPyodideInSandbox(files),
    pythonFiles,
    interruptBuffer: boot.interruptBuffer,
    loaded: () => files.done(),
  });
  boot.port.onmessage = (event: MessageEvent) => { void handle(event.data); };
}

mark('python:worker-evaluated'); // this bundle compiled and run in the sandbox's worker
const scope = self as unknown as { __wsgiBoot?: SandboxBoot };
const boot = scope.__wsgiBoot;
delete scope.__wsgiBoot;
if (boot) start(boot);
else {
  // `astro dev` only (sandbox/sandboxed-worker.ts): a plain module worker gets its boot data as its first message.
  self.onmessage = (event: MessageEvent) => { self.onmessage = null; start(event.data as SandboxBoot); };
}
