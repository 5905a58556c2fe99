/**
 * Where the runtime's own Python (init_pyodide.py, worker_support/, wsgisim/...) lives inside
 * Pyodide, and how it gets there: the worker writes it after every start (worker-core.ts), and
 * the build writes it before taking the memory snapshot (src/integrations/pyodide-snapshot.ts).
 */
export const RUNTIME_DIR = '/home/pyodide/runtime';

/** The part of a Pyodide interpreter this needs. */
interface Interpreter {
  FS: { mkdirTree(path: string): void; writeFile(path: string, data: string): void };
  runPython(code: string): unknown;
}

/** Write `files` (path relative to src/runtime/python → source) under RUNTIME_DIR and put it on sys.path once. */
export function installRuntimeFiles(py: Interpreter, files: Record<string, string>): void {
  for (const [path, source] of Object.entries(files)) {
    const full = `${RUNTIME_DIR}/${path}`;
    py.FS.mkdirTree(full.slice(0, full.lastIndexOf('/')));
    py.FS.writeFile(full, source);
  }
  // A restored snapshot already has the path (and the runtime's modules imported).
  py.runPython(`import sys\nif ${JSON.stringify(RUNTIME_DIR)} not in sys.path: sys.path.insert(0, ${JSON.stringify(RUNTIME_DIR)})`);
}
