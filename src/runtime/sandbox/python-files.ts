/**
 * The site's side of the file channel (file-messages.ts), run in a site-origin worker
 * (file-server.worker.ts): it fetches Pyodide's files for a sandboxed worker and keeps the
 * snapshot's unpacked container in Cache Storage, which the worker's opaque origin cannot open. Only this side writes that cache, only with what a worker sent while Python was starting
 * (before any reader code ran), and only in answer to a snapshot it had just offered.
 */
import { isFileRequest, KEPT_HEADER, PYTHON_FILE_NAMES, type FileAnswer, type FileChunk, type FileEnd, type PythonFileName } from './file-messages.ts';
import { forgetKeptContainers, keepContainer, keptContainer, snapshotKey } from './kept-snapshot.ts';

/** Headers a worker may need from a file's response (type for the wasm compile, sizes for progress). */
const PASSED_HEADERS = ['content-type', 'content-length', 'content-encoding'];

function headersOf(res: Response): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of PASSED_HEADERS) {
    const value = res.headers.get(name);
    if (value !== null) out[name] = value;
  }
  return out;
}

/** A chunk's bytes as an ArrayBuffer of its own, to transfer. */
function ownBuffer(chunk: Uint8Array): ArrayBuffer {
  const whole = chunk.byteOffset === 0 && chunk.byteLength === chunk.buffer.byteLength && chunk.buffer instanceof ArrayBuffer;
  return whole ? chunk.buffer as ArrayBuffer : chunk.slice().buffer;
}

/** Send file `id`: its head, then every chunk of `body` as it arrives, then the end (file-messages.ts). */
async function send(port: MessagePort, head: FileAnswer, body: ReadableStream<Uint8Array> | null, readers: Map<number, ReadableStreamDefaultReader<Uint8Array>>): Promise<void> {
  port.postMessage({ ...head, body: body !== null } satisfies FileAnswer);
  if (!body) return;
  const reader = body.getReader();
  readers.set(head.id, reader);
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      const bytes = ownBuffer(value);
      port.postMessage({ type: 'chunk', id: head.id, bytes } satisfies FileChunk, [bytes]);
    }
    port.postMessage({ type: 'end', id: head.id } satisfies FileEnd);
  } catch (err) {
    port.postMessage({ type: 'end', id: head.id, error: (err as Error).message } satisfies FileEnd);
  } finally {
    readers.delete(head.id);
  }
}

/** Every file a worker asks for as it starts, requested by the page at once: the worker's own start
 * (its bundle, Pyodide's scripts) overlaps the downloads instead of preceding them. */
const ASKED_AT_START: readonly PythonFileName[] = PYTHON_FILE_NAMES;

/** Answer the worker's requests on `port` with files from `indexURL` until it is done; returns a stop
 * function. `finished` is called once the channel is closed and the kept snapshot (if any) written. */
export function servePythonFiles(port: MessagePort, indexURL: string, finished: () => void = () => {}): () => void {
  let offeredKey: string | null = null;
  let usedKept = false;
  let stopped = false;
  const readers = new Map<number, ReadableStreamDefaultReader<Uint8Array>>();
  const writes = new Set<Promise<void>>();
  const track = (write: Promise<void>) => {
    writes.add(write);
    void write.finally(() => { writes.delete(write); if (stopped && !writes.size) finished(); });
  };
  const early = new Map(ASKED_AT_START.map((name) => {
    const res = fetch(new URL(name, indexURL));
    res.catch(() => {}); // answered (with the reason) when the worker asks
    return [name, res] as const;
  }));
  /** The early response for `name` once; a second ask (Python restarting without its snapshot) fetches again. */
  const take = (name: PythonFileName): Promise<Response> => {
    const res = early.get(name);
    early.delete(name);
    return res ?? fetch(new URL(name, indexURL));
  };

  async function answer(id: number, name: PythonFileName): Promise<void> {
    try {
      const res = await take(name);
      if (name === 'snapshot.pages.gz' && res.ok && res.body) {
        const key = snapshotKey(res);
        const kept = key ? await keptContainer(key) : null;
        if (kept) {
          void res.body.cancel().catch(() => {});
          usedKept = true;
          await send(port, { type: 'file', id, status: 200, headers: { [KEPT_HEADER]: '1' }, body: true }, kept, readers);
          return;
        }
        offeredKey = key;
      }
      await send(port, { type: 'file', id, status: res.status, headers: headersOf(res), body: true }, res.ok ? res.body : null, readers);
    } catch (err) {
      await send(port, { type: 'file', id, status: 0, headers: {}, body: false, error: (err as Error).message }, null, readers);
    }
  }

  port.onmessage = (event) => {
    const msg = event.data;
    if (!isFileRequest(msg)) return;
    if (msg.type === 'get') void answer(msg.id, msg.name);
    else if (msg.type === 'cancel') void readers.get(msg.id)?.cancel().catch(() => {});
    else if (msg.type === 'keep') {
      const key = offeredKey;
      offeredKey = null;
      if (key) track(keepContainer(key, msg.body)); else void msg.body.cancel().catch(() => {});
    } else if (msg.type === 'drop') {
      if (usedKept) track(forgetKeptContainers());
    } else stop();
  };
  const stop = () => {
    if (stopped) return;
    stopped = true;
    port.onmessage = null;
    port.close();
    for (const res of early.values()) void res.then((r) => r.body?.cancel(), () => {});
    early.clear();
    for (const reader of readers.values()) void reader.cancel().catch(() => {});
    if (!writes.size) finished();
  };
  return stop;
}
