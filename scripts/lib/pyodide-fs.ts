/** Pyodide file-system helpers shared by the command lines (simulate, simulate-concurrency). */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { PyodideInterface } from 'pyodide';

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
