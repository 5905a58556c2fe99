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
/** The worker no longer wants the rest of file `id`'s body. */
export interface CancelFile { type: 'cancel'; id: number }
/** The unpacked snapshot container, to keep for the next start (only for a snapshot the page just offered). */
export interface KeepSnapshot { type: 'keep'; body: ReadableStream<Uint8Array> }
/** The kept snapshot failed to start Python: forget it. */
export interface DropSnapshot { type: 'drop' }
export interface FilesDone { type: 'done' }
export type FileRequest = GetFile | CancelFile | KeepSnapshot | DropSnapshot | FilesDone;

// ---- page → worker ----
// A body comes as chunks, each posted as soon as it arrives, not as a transferred ReadableStream: a
// transferred stream waits for a "pull" from the far side before each chunk, a round trip between two
// busy threads per 64 KB (measured: the 6.7 MB snapshot took 1.0-1.5 s to cross that way).
export interface FileAnswer {
  type: 'file'; id: number;
  status: number;
  headers: Record<string, string>;
  /** True when the body follows as FileChunk messages ended by a FileEnd. */
  body: boolean;
  error?: string;
}
export interface FileChunk { type: 'chunk'; id: number; bytes: ArrayBuffer }
/** The body is complete, or (with `error`) broke off. */
export interface FileEnd { type: 'end'; id: number; error?: string }
export type FileMessage = FileAnswer | FileChunk | FileEnd;

/** True when `data` is a request this page answers. */
export function isFileRequest(data: unknown): data is FileRequest {
  if (typeof data !== 'object' || data === null) return false;
  const msg = data as Record<string, unknown>;
  switch (msg.type) {
    case 'get': return typeof msg.id === 'number' && (PYTHON_FILE_NAMES as readonly unknown[]).includes(msg.name);
    case 'cancel': return typeof msg.id === 'number';
    case 'keep': return msg.body instanceof ReadableStream;
    case 'drop': case 'done': return true;
    default: return false;
  }
}
