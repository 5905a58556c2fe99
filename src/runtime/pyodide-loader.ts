/**
 * Loads the self-hosted Pyodide inside the sandboxed worker and reports download progress in bytes.
 * The worker has an opaque origin and may fetch nothing (docs/decisions/reader-code-sandbox.md): every
 * file comes from the page over the file channel. Pyodide's two scripts are imported from blob URLs of
 * their text; its own fetches (wasm, stdlib, lock file) are answered by a `fetch` that asks the page,
 * so the wasm still compiles while it streams in.
 */
import type { PyodideAPI } from 'pyodide';
import type { FileChannel } from './sandbox/file-channel.ts';
import { PYTHON_FILE_NAMES, type PythonFileName } from './sandbox/file-messages.ts';
import { unpackSnapshot, type DownloadMeter } from './snapshot-loader.ts';
import { mark } from './marks.ts';

/** Uncompressed sizes of Pyodide's files, filled in at build time by the pyodide-files integration. */
declare const __PYODIDE_FILE_SIZES__: Record<string, number> | undefined;

export type LoadPyodide = (indexURL: string, onBytes: (loaded: number, total: number) => void) => Promise<PyodideAPI>;

function knownSizes(): Record<string, number> {
  return typeof __PYODIDE_FILE_SIZES__ === 'object' ? __PYODIDE_FILE_SIZES__ : {};
}

/** Total bytes the page expects to fetch (wasm, stdlib, lock file); 0 when unknown. */
export function expectedBytes(): number {
  const sizes = knownSizes();
  return ['pyodide.asm.wasm', 'python_stdlib.zip', 'pyodide-lock.json'].reduce((n, f) => n + (sizes[f] ?? 0), 0);
}

async function countBody(res: Response, add: (n: number) => void): Promise<void> {
  const reader = res.body?.getReader();
  if (!reader) return;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return;
    add(value.byteLength);
  }
}

/** Import an ES module from its text (a blob: URL of this worker's own opaque origin). */
async function importText<T>(files: FileChannel, name: PythonFileName): Promise<T> {
  const res = await files.get(name);
  if (!res.ok) throw new Error(`Failed to fetch ${name}: HTTP ${res.status}`);
  const url = URL.createObjectURL(new Blob([await res.text()], { type: 'text/javascript' }));
  try { return (await import(/* @vite-ignore */ url)) as T; } finally { URL.revokeObjectURL(url); }
}

function fileNameOf(url: string, base: string): PythonFileName | null {
  const href = new URL(url, base).href;
  if (!href.startsWith(base)) return null;
  const name = href.slice(base.length).split(/[?#]/)[0];
  return (PYTHON_FILE_NAMES as readonly string[]).includes(name) ? (name as PythonFileName) : null;
}

/** The sandbox loader: Pyodide from the page's files, with the build's memory snapshot when it works. */
export function loadPyodideInSandbox(files: FileChannel): LoadPyodide {
  return async (indexURL, onBytes) => {
    const realFetch = globalThis.fetch;
    const base = indexURL;
    let loaded = 0;
    let total = expectedBytes();
    const meter: DownloadMeter = {
      expect: (bytes) => { total += bytes; },
      add: (bytes) => { loaded += bytes; onBytes(loaded, Math.max(total, loaded)); },
    };
    // Pyodide logs a failed wasm download and then never settles: fail the load ourselves instead.
    let fail: (err: Error) => void = () => {};
    const failed = new Promise<never>((_, reject) => { fail = reject; });
    failed.catch(() => {}); // observed through the races below; never an unhandled rejection
    globalThis.fetch = async (input, init) => {
      const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
      const name = fileNameOf(url, base);
      if (!name) return realFetch(input, init); // refused by the frame's policy: nothing else is fetched
      let res: Response;
      try {
        res = await files.get(name);
      } catch (err) {
        fail(err as Error);
        throw err;
      }
      if (!res.ok) fail(new Error(`Failed to fetch ${name}: HTTP ${res.status}`));
      if (res.ok && res.body) {
        const length = Number(res.headers.get('content-length'));
        if (!res.headers.get('content-encoding') && length > 0 && knownSizes()[name] === undefined) meter.expect(length);
        countBody(res.clone(), meter.add).catch(() => {});
      }
      return res;
    };
    try {
      mark('python:fetch-snapshot');
      const snapshot = files.get('snapshot.pages.gz').then((res) => (res.ok ? res : null), () => null);
      const [mod, asm] = await Promise.race([Promise.all([
        importText<typeof import('pyodide')>(files, 'pyodide.mjs'),
        importText<{ default: unknown }>(files, 'pyodide.asm.mjs'),
      ]), failed]);
      const options = { indexURL: base, env: { HOME: '/home/pyodide' }, createPyodideModule: asm.default } as Parameters<typeof mod.loadPyodide>[0];
      const found = await snapshot; // headers only
      // Unpacking occupies this thread, so it starts only now: loadPyodide (called in this same tick)
      // has its wasm and stdlib asked for before, and they arrive while the memory is rebuilt.
      const memory = found ? unpackSnapshot(found, meter, files) : Promise.resolve(null);
      memory.catch(() => {}); // a broken snapshot is handled below
      try {
        const py = await Promise.race([mod.loadPyodide(found ? { ...options, _loadSnapshot: memory } as typeof options : options), failed]);
        mark('python:started');
        return py;
      } catch (err) {
        if (!found) throw err;
        // The snapshot did not unpack, or Python did not start from it (a damaged kept copy): forget the
        // kept copy and start Python the ordinary way, from the files that are already here.
        files.drop();
        console.warn('Python did not start from its memory snapshot, so it started from scratch:', err);
        const py = await Promise.race([mod.loadPyodide(options), failed]);
        mark('python:started');
        return py;
      }
    } finally {
      globalThis.fetch = realFetch;
    }
  };
}
