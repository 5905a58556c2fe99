/**
 * Loads the self-hosted Pyodide inside the worker and reports download progress in bytes.
 * Bytes are counted on a clone of each response, so Pyodide still gets the original Response for
 * its streaming compile. (Chrome kept no compiled wasm between visits here: bench/spike/wasm-cache.ts.)
 */
import type { PyodideAPI } from 'pyodide';
import { SNAPSHOT_FILE } from './snapshot-pages.ts';
import { unpackSnapshot } from './snapshot-loader.ts';
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

/** Browser loader: imports `${indexURL}pyodide.mjs` and counts the bytes of the files Pyodide fetches. */
export const loadPyodideInBrowser: LoadPyodide = async (indexURL, onBytes) => {
  const realFetch = globalThis.fetch;
  const base = new URL(indexURL, self.location.href).href;
  let loaded = 0;
  let total = expectedBytes();
  // Pyodide logs a failed wasm download and then never settles: fail the load ourselves instead.
  let fail: (err: Error) => void = () => {};
  const failed = new Promise<never>((_, reject) => { fail = reject; });
  failed.catch(() => {}); // observed through the race below; never an unhandled rejection
  globalThis.fetch = async (input, init) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    const ours = new URL(url, base).href.startsWith(base);
    const file = new URL(url, base).pathname.split('/').pop() ?? '';
    let res: Response;
    try {
      res = await realFetch(input, init);
    } catch (err) {
      if (ours) fail(new Error(`Failed to fetch ${file}: ${(err as Error).message}`));
      throw err;
    }
    if (ours && !res.ok) fail(new Error(`Failed to fetch ${file}: HTTP ${res.status}`));
    if (ours && res.ok && res.body) {
      const length = Number(res.headers.get('content-length'));
      if (!res.headers.get('content-encoding') && length > 0 && knownSizes()[file] === undefined) total += length;
      countBody(res.clone(), (n) => { loaded += n; onBytes(loaded, Math.max(total, loaded)); }).catch(() => {});
    }
    return res;
  };
  try {
    // Issue 9: the build's memory snapshot (Python started, the runtime imported and warmed up)
    // restores several times faster than starting Python; without one (astro dev), start as usual.
    mark('python:fetch-snapshot');
    // Fetched unwrapped: unpackSnapshot meters its download itself (none when its container is kept).
    const snapshot = realFetch(`${base}${SNAPSHOT_FILE}`).then((res) => (res.ok ? res : null), () => null);
    const mod = (await import(/* @vite-ignore */ `${base}pyodide.mjs`)) as typeof import('pyodide');
    const options = { indexURL: base, env: { HOME: '/home/pyodide' } };
    const found = await snapshot; // headers only
    // Unpacking occupies this thread, so it starts only now: loadPyodide (called in this same tick)
    // has its wasm and scripts requested before, and they download while the memory is rebuilt.
    const meter = { expect: (bytes: number) => { total += bytes; }, add: (bytes: number) => { loaded += bytes; onBytes(loaded, Math.max(total, loaded)); } };
    const memory = found ? unpackSnapshot(found, meter) : Promise.resolve(null);
    memory.catch(() => {}); // a broken snapshot is handled below
    let py: PyodideAPI;
    try {
      py = await Promise.race([mod.loadPyodide(found ? { ...options, _loadSnapshot: memory } as typeof options : options), failed]);
    } catch (err) {
      if (!found || (await memory.then(() => true, () => false))) throw err;
      // The snapshot did not unpack (a truncated or foreign file): start Python the ordinary way.
      py = await Promise.race([mod.loadPyodide(options), failed]);
    }
    mark('python:started');
    return py;
  } finally {
    globalThis.fetch = realFetch;
  }
};
