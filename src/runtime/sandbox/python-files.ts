/**
 * The page's side of the file channel (file-messages.ts): it fetches Pyodide's files for a sandboxed
 * worker and keeps the snapshot's unpacked container in Cache Storage, which the worker's opaque origin
 * cannot open. Only this page writes that cache, only with what a worker sent while Python was starting
 * (before any reader code ran), and only in answer to a snapshot it had just offered.
 */
import { isFileRequest, KEPT_HEADER, PYTHON_FILE_NAMES, type FileAnswer, type PythonFileName } from './file-messages.ts';
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

/** Send `answer`, its body as a transferred stream, or buffered where streams cannot be transferred. */
async function send(port: MessagePort, answer: FileAnswer): Promise<void> {
  const body = answer.body;
  if (body instanceof ReadableStream) {
    try {
      port.postMessage(answer, [body]);
      return;
    } catch {
      answer = { ...answer, body: await new Response(body).arrayBuffer() };
    }
  }
  port.postMessage(answer, answer.body instanceof ArrayBuffer ? [answer.body] : []);
}

/** Every file a worker asks for as it starts, requested by the page at once: the worker's own start
 * (its bundle, Pyodide's scripts) overlaps the downloads instead of preceding them. */
const ASKED_AT_START: readonly PythonFileName[] = PYTHON_FILE_NAMES;

/** Answer the worker's requests on `port` with files from `indexURL` until it is done; returns a stop function. */
export function servePythonFiles(port: MessagePort, indexURL: string): () => void {
  let offeredKey: string | null = null;
  let usedKept = false;
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
          await send(port, { type: 'file', id, status: 200, headers: { [KEPT_HEADER]: '1' }, body: kept });
          return;
        }
        offeredKey = key;
      }
      await send(port, { type: 'file', id, status: res.status, headers: headersOf(res), body: res.ok ? res.body : null });
    } catch (err) {
      await send(port, { type: 'file', id, status: 0, headers: {}, body: null, error: (err as Error).message });
    }
  }

  port.onmessage = (event) => {
    const msg = event.data;
    if (!isFileRequest(msg)) return;
    if (msg.type === 'get') void answer(msg.id, msg.name);
    else if (msg.type === 'keep') {
      const key = offeredKey;
      offeredKey = null;
      if (key) void keepContainer(key, msg.body); else void msg.body.cancel().catch(() => {});
    } else if (msg.type === 'drop') {
      if (usedKept) void forgetKeptContainers();
    } else stop();
  };
  const stop = () => {
    port.onmessage = null;
    port.close();
    for (const res of early.values()) void res.then((r) => r.body?.cancel(), () => {});
    early.clear();
  };
  return stop;
}
