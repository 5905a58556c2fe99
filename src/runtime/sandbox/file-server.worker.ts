/**
 * The site-origin end of one sandboxed worker's file channel (python-files.ts), in a worker of its own:
 * the bytes of Pyodide's files (20 MB on a first visit) then move from this thread to the sandboxed
 * worker's without a hop through the page's main thread, which is busy laying out the page while
 * Python starts (a transferred stream is pumped by the thread that holds its source: measured, the
 * snapshot took 1.3 s to unpack when the page pumped it, docs/decisions/reader-code-sandbox.md).
 * It fetches like the page would (the service worker controls it, so offline works) and closes itself
 * when the channel is done and the kept snapshot, if any, is written, or when the page says its Python
 * worker is gone.
 */
import { servePythonFiles } from './python-files.ts';

interface FileServerBoot { port: MessagePort; indexURL: string }

function isBoot(data: unknown): data is FileServerBoot {
  const boot = data as Partial<FileServerBoot> | null;
  return typeof boot === 'object' && boot !== null && boot.port instanceof MessagePort && typeof boot.indexURL === 'string';
}

/** The longest a kept snapshot's write may take once the page has let this worker go. */
const LAST_WRITE_MS = 30_000;

self.onmessage = (event: MessageEvent) => {
  if (!isBoot(event.data)) { self.close(); return; }
  const stop = servePythonFiles(event.data.port, event.data.indexURL, () => self.close());
  // The page's only other message: its Python worker is gone. Stop serving, finish a write under way.
  self.onmessage = () => { stop(); setTimeout(() => self.close(), LAST_WRITE_MS); };
};
