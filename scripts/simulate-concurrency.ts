// Command line for the concurrency simulations, run in Pyodide under Node (the browser's stack):
//   npm run simulate-concurrency -- <workload.json> [--out result.json]
//   npm run simulate-concurrency -- <a.json> <b.json> ... --out-dir DIR   (one Pyodide start)
// The workload file names the app(s) and the requests; the JSON result goes to stdout (or --out).
// Format of both: src/runtime/python/concurrency/README.md, "Command line".
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadPyodide } from 'pyodide';
import type { PyodideInterface } from 'pyodide';
import { copyTree } from './lib/pyodide-fs.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const PYTHON_SRC = join(ROOT, 'src/runtime/python');
const FS_PYTHON = '/sim/python';

/** Start Pyodide with the server core and the concurrency package importable. Python's own
 * stdout goes to stderr: stdout carries only the JSON result. */
export async function startSimulator(): Promise<PyodideInterface> {
  const toStderr = (line: string) => process.stderr.write(line + '\n');
  const py = await loadPyodide({ stdout: toStderr, stderr: toStderr });
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
  const run: Spec = { ...spec };
  for (const server of ['pool', 'loop'] as const) {
    const settings = spec[server];
    if (!settings) continue;
    const { dir, spec: appSpec } = splitApp(String(settings.app ?? 'app.py'), base);
    const fsDir = `/sim/apps/${slot}-${server}`;
    copyTree(py, dir, fsDir);
    const { app: _app, ...options } = settings;
    run[server] = { ...options, app_dir: fsDir, app_spec: appSpec };
  }
  if (!run.pool && !run.loop) throw new Error('the workload file needs a "pool" and/or a "loop" object');
  py.globals.set('_sim_spec', JSON.stringify(run));
  return JSON.parse(py.runPython('import json, concurrency.api as _a; json.dumps(_a.run_spec(json.loads(_sim_spec)))'));
}

const USAGE = `usage: npm run simulate-concurrency -- <workload.json> [--out result.json]
       npm run simulate-concurrency -- <a.workload.json> <b.workload.json> ... --out-dir DIR
         (one Pyodide start for many files; writes DIR/<name>.json, name without .workload.json)`;

async function main(argv: string[]): Promise<void> {
  const option = (name: string) => (argv.includes(name) ? argv[argv.indexOf(name) + 1] : undefined);
  const out = option('--out');
  const outDir = option('--out-dir');
  const files = argv.filter((a, i) => !a.startsWith('--') && !['--out', '--out-dir'].includes(argv[i - 1]));
  if (files.length === 0 || (files.length > 1 && !outDir)) {
    console.error(USAGE);
    process.exit(2);
  }
  const py = await startSimulator();
  files.forEach((file, slot) => {
    const spec = JSON.parse(readFileSync(file, 'utf8')) as Spec;
    const text = JSON.stringify(simulate(py, spec, dirname(resolve(file)), slot), null, 2) + '\n';
    if (outDir) writeFileSync(join(outDir, basename(file).replace(/(\.workload)?\.json$/, '') + '.json'), text);
    else if (out) writeFileSync(out, text);
    else process.stdout.write(text);
  });
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main(process.argv.slice(2)).catch((err) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  });
}
