/**
 * Runs content code in Pyodide through the project's own command lines — the same server core and
 * simulations the browser uses: `npm run -s simulate -- --batch` (WSGI requests) and
 * `npm run -s simulate-concurrency -- ... --out-dir` (the ASGI event loop). One Pyodide start each.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { encodeRequest, type HttpRequest } from '../../src/runtime/http-request.ts';

export const ROOT = new URL('../../', import.meta.url).pathname;

export interface WsgiCase {
  id: string;
  /** Absolute path of the .py file and its callable, e.g. /…/solution.py:app */
  app: string;
  request: HttpRequest;
  mode?: string;
  trace?: boolean;
}

/** One result of the batch command line (see src/runtime/python/README.md), body decoded to bytes. */
export interface BatchResult {
  id: string;
  status: string | null;
  headers: [string, string][];
  body: Uint8Array;
  outcome: string;
  violations: { rule: string; pep: string; message: string; fix: string }[];
  error: { kind: string; message: string; traceback: string } | null;
  events: { type: string; [key: string]: unknown }[];
  log: string;
  stdout: string;
  stderr: string;
}

function npm(args: string[]): void {
  execFileSync('npm', ['run', '-s', ...args], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'], timeout: 300_000 });
}

/** Serves every case through the WSGI core in Pyodide; results in the order of `cases`. */
export function runWsgi(cases: WsgiCase[]): BatchResult[] {
  const dir = mkdtempSync(join(tmpdir(), 'pyodide-content-'));
  const input = cases.map((c) => ({
    id: c.id, app: c.app, mode: c.mode ?? 'reference', trace: c.trace ?? true,
    raw: Buffer.from(encodeRequest(c.request)).toString('base64'),
  }));
  writeFileSync(join(dir, 'cases.json'), JSON.stringify(input));
  npm(['simulate', '--', '--batch', join(dir, 'cases.json'), '--out', join(dir, 'results.json')]);
  const { results } = JSON.parse(readFileSync(join(dir, 'results.json'), 'utf8')) as { results: (Omit<BatchResult, 'body'> & { body: string })[] };
  return results.map((r) => ({ ...r, body: new Uint8Array(Buffer.from(r.body ?? '', 'base64')) }));
}

export interface LoopRun {
  id: string;
  /** Absolute path of the .py file and its callable. */
  app: string;
  /** `websocket`: a WebSocket connection whose scripted client sends these messages (run="asgi" editors). */
  requests: { at: number; method: string; path: string; headers: [string, string][]; body: string; websocket?: string[] }[];
}

/** Serves each workload on the ASGI event-loop simulation in Pyodide; the `loop` results by id. */
export function runLoops(runs: LoopRun[]): Map<string, Record<string, unknown>> {
  const dir = mkdtempSync(join(tmpdir(), 'pyodide-loop-'));
  const files = runs.map((run, i) => {
    const file = join(dir, `${String(i).padStart(3, '0')}.workload.json`);
    writeFileSync(file, JSON.stringify({ loop: { app: run.app }, requests: run.requests }));
    return file;
  });
  mkdirSync(join(dir, 'out'));
  if (files.length) npm(['simulate-concurrency', '--', ...files, '--out-dir', join(dir, 'out')]);
  const out = new Map<string, Record<string, unknown>>();
  const written = new Set(files.length ? readdirSync(join(dir, 'out')) : []);
  runs.forEach((run, i) => {
    const name = `${String(i).padStart(3, '0')}.json`;
    if (!written.has(name)) throw new Error(`the concurrency command line wrote no result for ${run.id}`);
    out.set(run.id, (JSON.parse(readFileSync(join(dir, 'out', name), 'utf8')) as { loop: Record<string, unknown> }).loop);
  });
  return out;
}

/** Runs each file as a script (`python3 file.py`) in one Pyodide; stdout and the exception by path. */
export async function runScripts(paths: string[]): Promise<Map<string, { stdout: string; exception: string | null }>> {
  const out = new Map<string, { stdout: string; exception: string | null }>();
  if (!paths.length) return out;
  const { loadPyodide } = await import('pyodide');
  const py = await loadPyodide();
  // The browser's script runner runs asyncio.run on virtual time (concurrency/script_loop.py): so here.
  py.FS.mkdirTree('/runtime');
  py.FS.mount(py.FS.filesystems.NODEFS, { root: join(ROOT, 'src/runtime/python') }, '/runtime');
  py.runPython('import sys; sys.path.insert(0, "/runtime"); from concurrency.script_loop import asyncio_run_on_virtual_time');
  paths.forEach((path, i) => {
    const point = `/scripts/${i}`;
    py.FS.mkdirTree(point);
    py.FS.mount(py.FS.filesystems.NODEFS, { root: dirname(path) }, point);
    py.globals.set('_script', `${point}/${path.split('/').pop()}`);
    const [stdout, exception] = py.runPython(`
import contextlib, io, os, runpy, sys, traceback
_out = io.StringIO()
_exc = None
_cwd = os.getcwd()
os.chdir(os.path.dirname(_script))
sys.path.insert(0, os.path.dirname(_script))
try:
    with contextlib.redirect_stdout(_out), contextlib.redirect_stderr(_out), asyncio_run_on_virtual_time():
        runpy.run_path(_script, run_name="__main__")
except BaseException as e:
    _exc = "".join(traceback.format_exception_only(type(e), e)).strip()
finally:
    sys.path.remove(os.path.dirname(_script))
    os.chdir(_cwd)
[_out.getvalue(), _exc]
`).toJs() as [string, string | null];
    out.set(path, { stdout, exception: exception ?? null });
  });
  return out;
}
