// Command line for the concurrency simulations, run in Pyodide under Node (the browser's stack):
//   npm run simulate-concurrency -- <workload.json> [--out result.json]
// The workload file names the app(s) and the requests; the JSON result goes to stdout (or --out).
// Format of both: src/runtime/python/concurrency/README.md, "Command line".
import { readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadPyodide } from 'pyodide';
import type { PyodideInterface } from 'pyodide';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const PYTHON_SRC = join(ROOT, 'src/runtime/python');
const FS_PYTHON = '/sim/python';

/** Copy a folder's .py files (recursively) into Pyodide's file system. */
export function copyTree(py: PyodideInterface, from: string, to: string): void {
  py.FS.mkdirTree(to);
  for (const name of readdirSync(from)) {
    if (name === '__pycache__' || name.startsWith('.')) continue;
    const src = join(from, name);
    if (statSync(src).isDirectory()) copyTree(py, src, `${to}/${name}`);
    else if (name.endsWith('.py')) py.FS.writeFile(`${to}/${name}`, readFileSync(src));
  }
}

/** Start Pyodide with the server core and the concurrency package importable. */
export async function startSimulator(): Promise<PyodideInterface> {
  const py = await loadPyodide();
  copyTree(py, PYTHON_SRC, FS_PYTHON);
  py.runPython(`import sys; sys.path.insert(0, ${JSON.stringify(FS_PYTHON)}); import concurrency`);
  return py;
}

/** "dir/app.py:callable" (relative to base) → the folder to copy and the module:callable spec. */
function splitApp(app: string, base: string): { dir: string; spec: string } {
  const [file, callable] = app.split(':');
  const path = resolve(base, file);
  const isDir = statSync(path).isDirectory();
  const module = isDir ? 'app' : path.split('/').pop()!.replace(/\.py$/, '');
  return { dir: isDir ? path : dirname(path), spec: `${module}:${callable || 'app'}` };
}

type Spec = Record<string, unknown> & { pool?: Record<string, unknown>; loop?: Record<string, unknown> };

/** Run the pool and/or the loop a workload file asks for; returns {pool?, loop?} results. */
export function simulate(py: PyodideInterface, spec: Spec, base: string, slot = 0): Record<string, unknown> {
  const workload = spec.generate ? { generate: spec.generate } : { requests: spec.requests };
  const out: Record<string, unknown> = {};
  for (const server of ['pool', 'loop'] as const) {
    const settings = spec[server];
    if (!settings) continue;
    const { dir, spec: appSpec } = splitApp(String(settings.app ?? 'app.py'), base);
    const fsDir = `/sim/apps/${slot}-${server}`;
    copyTree(py, dir, fsDir);
    const { app: _app, ...options } = settings;
    const kwargs = { workload, app_dir: fsDir, app_spec: appSpec, ...options };
    py.globals.set('_sim_args', JSON.stringify(kwargs));
    const fn = server === 'pool' ? 'run_pool' : 'run_loop';
    const json = py.runPython(`import json, concurrency; json.dumps(concurrency.${fn}(**json.loads(_sim_args)))`);
    out[server] = JSON.parse(json);
  }
  if (!out.pool && !out.loop) throw new Error('the workload file needs a "pool" and/or a "loop" object');
  return out;
}

async function main(argv: string[]): Promise<void> {
  const file = argv.find((a) => !a.startsWith('--'));
  const outIndex = argv.indexOf('--out');
  if (!file) {
    console.error('usage: npm run simulate-concurrency -- <workload.json> [--out result.json]');
    process.exit(2);
  }
  const spec = JSON.parse(readFileSync(file, 'utf8')) as Spec;
  const py = await startSimulator();
  const result = simulate(py, spec, dirname(resolve(file)));
  const text = JSON.stringify(result, null, 2) + '\n';
  if (outIndex >= 0) writeFileSync(argv[outIndex + 1], text);
  else process.stdout.write(text);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main(process.argv.slice(2)).catch((err) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  });
}
