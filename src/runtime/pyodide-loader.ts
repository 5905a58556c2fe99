/**
 * Loads the self-hosted Pyodide inside the worker and reports download progress in bytes.
 * Bytes are counted on a clone of each response, so Pyodide still gets the original Response
 * (its URL lets the browser cache the compiled wasm between visits).
 */
import type { PyodideAPI } from 'pyodide';

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
  globalThis.fetch = async (input, init) => {
    const res = await realFetch(input, init);
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    if (res.ok && new URL(url, base).href.startsWith(base) && res.body) {
      const file = new URL(url, base).pathname.split('/').pop() ?? '';
      const length = Number(res.headers.get('content-length'));
      if (!res.headers.get('content-encoding') && length > 0 && knownSizes()[file] === undefined) total += length;
      countBody(res.clone(), (n) => { loaded += n; onBytes(loaded, Math.max(total, loaded)); }).catch(() => {});
    }
    return res;
  };
  try {
    const mod = (await import(/* @vite-ignore */ `${base}pyodide.mjs`)) as typeof import('pyodide');
    return await mod.loadPyodide({ indexURL: base, env: { HOME: '/home/pyodide' } });
  } finally {
    globalThis.fetch = realFetch;
  }
};
