/**
 * The file channel between the page and a sandboxed Python worker (docs/decisions/reader-code-sandbox.md):
 * the worker cannot fetch (opaque origin, connect-src 'none'), so it asks the page for Pyodide's files by
 * name and the page answers with the bytes as a transferred stream, from the service worker's cache or
 * the network like any other site file. The channel lives only while Python starts: the worker says
 * `done` before any reader code can run, and the page then closes it.
 */

/** Every file a worker may ask for: Pyodide's core and the build's memory snapshot. */
export const PYTHON_FILE_NAMES = [
  'pyodide.mjs', 'pyodide.asm.mjs', 'pyodide.asm.wasm', 'python_stdlib.zip', 'pyodide-lock.json', 'snapshot.pages.gz',
] as const;
export type PythonFileName = (typeof PYTHON_FILE_NAMES)[number];

/** Header the page sets on a snapshot answered from its kept, already unpacked copy. */
export const KEPT_HEADER = 'x-wsgi-kept-container';

// ---- worker → page ----
export interface GetFile { type: 'get'; id: number; name: PythonFileName }
/** The unpacked snapshot container, to keep for the next start (only for a snapshot the page just offered). */
export interface KeepSnapshot { type: 'keep'; body: ReadableStream<Uint8Array> }
/** The kept snapshot failed to start Python: forget it. */
export interface DropSnapshot { type: 'drop' }
export interface FilesDone { type: 'done' }
export type FileRequest = GetFile | KeepSnapshot | DropSnapshot | FilesDone;

// ---- page → worker ----
export interface FileAnswer {
  type: 'file'; id: number;
  status: number;
  headers: Record<string, string>;
  /** A stream where the browser can transfer one, else the whole body. */
  body: ReadableStream<Uint8Array> | ArrayBuffer | null;
  error?: string;
}

/** True when `data` is a request this page answers. */
export function isFileRequest(data: unknown): data is FileRequest {
  if (typeof data !== 'object' || data === null) return false;
  const msg = data as Record<string, unknown>;
  switch (msg.type) {
    case 'get': return typeof msg.id === 'number' && (PYTHON_FILE_NAMES as readonly unknown[]).includes(msg.name);
    case 'keep': return msg.body instanceof ReadableStream;
    case 'drop': case 'done': return true;
    default: return false;
  }
}
