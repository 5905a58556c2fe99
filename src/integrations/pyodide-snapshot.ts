/**
 * Build-time Pyodide memory snapshot: Python started once in Node, with the standard-library
 * modules the runtime imports already imported, saved as pyodide/snapshot.pages.gz (its non-zero
 * pages, gzipped: src/runtime/snapshot-pages.ts). The worker restores it instead of starting the interpreter (pyodide-loader.ts), which measured ≈ 5× faster to
 * Python ready in Chromium than a plain start (docs/decisions/pyodide-memory-snapshot.md). It also holds the runtime's own modules, imported and
 * warmed up (init_pyodide.prepare), built from the same sources the worker bundles.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { spawn } from 'node:child_process';
import { constants, gzipSync } from 'node:zlib';
import { encodePages } from '../runtime/snapshot-pages.ts';
import { installRuntimeFiles } from '../runtime/runtime-files.ts';

/** Top-level names imported anywhere in the runtime's Python (`import x.y`, `from x.y import z`). */
function importedModules(pythonDir: string): string[] {
  const local = new Set(readdirSync(pythonDir).map((f) => f.replace(/\.py$/, '')));
  const names = new Set<string>();
  for (const file of readdirSync(pythonDir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.py'))) {
    for (const m of readFileSync(join(pythonDir, file), 'utf8').matchAll(/^\s*(?:import|from)\s+([A-Za-z_][\w.]*)/gm)) {
      if (!local.has(m[1].split('.')[0])) names.add(m[1]);
    }
  }
  // What readers' apps and the server core use from the first Run on.
  for (const m of ['wsgiref.simple_server', 'wsgiref.util', 'wsgiref.headers', 'wsgiref.validate', 'urllib.parse', 'http.cookies']) names.add(m);
  return [...names].sort();
}

/**
 * Make the snapshot in a child Node (this file as a script): Astro's build:done hook runs after Vite's
 * module runner has closed, so Pyodide cannot be imported in-process there.
 */
export function writeSnapshot(pyodideDir: string, pythonDir: string, outFile: string): Promise<{ modules: number; bytes: number }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [fileURLToPath(import.meta.url), pyodideDir, pythonDir, outFile], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (d) => { out += d; });
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve(JSON.parse(out)) : reject(new Error(`snapshot maker exited with ${code}`))));
  });
}

/** Start Pyodide from `pyodideDir` in Node, import the stdlib modules `pythonDir` uses, write the gzipped snapshot. */
async function makeSnapshot(pyodideDir: string, pythonDir: string, outFile: string): Promise<{ modules: number; bytes: number }> {
  // The copy next to the output, imported by URL so the config bundler never touches it.
  const { loadPyodide } = (await import(/* @vite-ignore */ pathToFileURL(join(pyodideDir, 'pyodide.mjs')).href)) as typeof import('pyodide');
  // The same settings as the browser loader (HOME), so the restored interpreter looks the same.
  const py = await loadPyodide({ indexURL: pyodideDir + '/', env: { HOME: '/home/pyodide' }, _makeSnapshot: true } as never);
  const modules = importedModules(pythonDir);
  py.runPython(`import importlib\nfor name in ${JSON.stringify(modules)}:\n    try:\n        importlib.import_module(name)\n    except Exception:\n        pass`);
  // The runtime's own modules too, imported and warmed up the way the worker's boot() would
  // (init_pyodide.prepare). Files written to Pyodide's file system are not part of the snapshot,
  // so the worker writes them again after the restore (for tracebacks and lazy imports).
  const files = readdirSync(pythonDir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.py'));
  installRuntimeFiles(py, Object.fromEntries(files.map((f) => [f, readFileSync(join(pythonDir, f), 'utf8')])));
  py.runPython(`import init_pyodide\nif not init_pyodide.prepare():\n    raise RuntimeError('the server core failed to import')`);
  const snapshot = (py as unknown as { makeMemorySnapshot(): Uint8Array }).makeMemorySnapshot();
  // Only the non-zero pages (about half), gzipped: the worker's gunzip time grows with the bytes out.
  const gz = gzipSync(encodePages(snapshot), { level: constants.Z_BEST_COMPRESSION });
  writeFileSync(outFile, gz);
  return { modules: modules.length, bytes: gz.length };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [pyodideDir, pythonDir, outFile] = process.argv.slice(2);
  process.stdout.write(JSON.stringify(await makeSnapshot(pyodideDir, pythonDir, outFile)));
  process.exit(0);
}
