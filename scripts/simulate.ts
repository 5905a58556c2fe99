// The WSGI server core on the command line, run in Pyodide under Node (the browser's own stack):
//   npm run -s simulate -- <path/to/app.py>[:callable] [--mode M] [--trace out.json]  < request
//       one raw HTTP request on stdin; exactly the raw response bytes on stdout, nothing else
//   npm run -s simulate -- --batch cases.json --out results.json
//       many requests, one Pyodide start (format: src/runtime/python/README.md, "Command line")
// Modes: reference (default), wsgiref, gunicorn, waitress.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadPyodide } from 'pyodide';
import type { PyodideInterface } from 'pyodide';
import { copyTree } from './lib/pyodide-fs.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const CORE = join(ROOT, 'src/runtime/python/wsgisim');
const FS_CORE = '/wsgisim-core';
const MODES = ['reference', 'wsgiref', 'gunicorn', 'waitress'];
const USAGE = `usage: simulate <path/to/app.py>[:callable] [--mode ${MODES.join('|')}] [--trace out.json]
       simulate --batch cases.json --out results.json`;

interface Case { id?: string; raw: string; app: string; mode?: string; trace?: boolean; server_addr?: [string, number]; half_close?: boolean }

function fail(message: string, code = 2): never {
  process.stderr.write(`simulate: ${message}\n`);
  process.exit(code);
}

/** Start Pyodide with the core importable; Python's own stdout goes to stderr, never to ours. */
async function start(): Promise<PyodideInterface> {
  const toStderr = (line: string) => process.stderr.write(line + '\n');
  const py = await loadPyodide({ stdout: toStderr, stderr: toStderr });
  copyTree(py, CORE, `${FS_CORE}/wsgisim`);
  py.runPython(`import sys; sys.dont_write_bytecode = True; sys.path.insert(0, '${FS_CORE}'); import wsgisim.batch`);
  return py;
}

const mounted = new Map<string, string>();

/** "dir/app.py:callable" → the app's folder mounted live in Pyodide (NODEFS) and a module:callable spec. */
function mountApp(py: PyodideInterface, app: string, base: string): { app_dir: string; app_spec: string } {
  const colon = app.lastIndexOf(':');
  const hasCallable = colon > 0 && !app.slice(colon + 1).includes('/');
  const file = resolve(base, hasCallable ? app.slice(0, colon) : app);
  if (!existsSync(file)) fail(`no such app file: ${file}`);
  const dir = dirname(file);
  const module = basename(file).replace(/\.py$/, '');
  if (!mounted.has(dir)) {
    const point = `/apps/${mounted.size}`;
    py.FS.mkdirTree(point);
    py.FS.mount(py.FS.filesystems.NODEFS, { root: dir }, point);
    mounted.set(dir, point);
  }
  // Like gunicorn: "module" alone means the callable named "application".
  return { app_dir: mounted.get(dir)!, app_spec: hasCallable ? `${module}:${app.slice(colon + 1)}` : module };
}

/** Run cases in Python; returns the parsed results (bytes fields as base64). */
function runCases(py: PyodideInterface, cases: Case[], base: string): Record<string, unknown>[] {
  const prepared = cases.map(({ app, ...rest }) => ({ ...rest, ...mountApp(py, app, base) }));
  py.globals.set('_cases_json', JSON.stringify(prepared));
  return JSON.parse(py.runPython('wsgisim.batch.run_batch_json(_cases_json)'));
}

async function batch(casesFile: string, outFile: string | undefined): Promise<void> {
  if (!outFile) fail('--batch needs --out results.json');
  const cases: Case[] = JSON.parse(readFileSync(casesFile, 'utf8'));
  const t0 = performance.now();
  const py = await start();
  const t1 = performance.now();
  const results = runCases(py, cases, dirname(resolve(casesFile)));
  const t2 = performance.now();
  const timing = { startup_ms: Math.round(t1 - t0), requests: cases.length, total_ms: Math.round(t2 - t1),
                   per_request_ms: cases.length ? +((t2 - t1) / cases.length).toFixed(2) : 0 };
  writeFileSync(outFile, JSON.stringify({ timing, results }));
  process.stderr.write(`simulate: ${cases.length} requests in ${timing.total_ms} ms ` +
                       `(${timing.per_request_ms} ms each) after a ${timing.startup_ms} ms start\n`);
}

async function single(app: string, mode: string, traceFile: string | undefined): Promise<void> {
  if (!MODES.includes(mode)) fail(`unknown mode ${mode}; choose ${MODES.join(', ')}`);
  const raw = readFileSync(0);
  const py = await start();
  const [result] = runCases(py, [{ raw: raw.toString('base64'), app, mode, trace: Boolean(traceFile) }], process.cwd());
  if (traceFile) writeFileSync(traceFile, JSON.stringify(result, null, 1));
  const error = result.error as { kind: string; message: string } | null;
  if (error) process.stderr.write(`simulate: ${error.kind}: ${error.message}\n`);
  process.stdout.write(Buffer.from(String(result.response), 'base64'));
  if (error?.kind === 'app_load' || error?.kind === 'internal') process.exitCode = 1;
}

async function main(argv: string[]): Promise<void> {
  const options: Record<string, string> = {};
  const positional: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '-h' || arg === '--help') { process.stderr.write(USAGE + '\n'); return; }
    if (arg.startsWith('--')) {
      const [key, inline] = arg.slice(2).split('=', 2);
      const value = inline ?? argv[++i];
      if (value === undefined) fail(`${arg} needs a value\n${USAGE}`);
      options[key] = value;
    } else positional.push(arg);
  }
  if (options.batch) return batch(options.batch, options.out);
  if (positional.length !== 1) fail(USAGE);
  return single(positional[0], options.mode ?? 'reference', options.trace);
}

main(process.argv.slice(2)).catch((err) => fail(String(err?.stack ?? err), 1));
