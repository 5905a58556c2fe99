/**
 * The floor: a minimal page that only boots the same Pyodide in a module worker and runs
 * `1+1`. Generated into a temp folder (never into the site); served next to dist/pyodide/.
 * The page sets `window.__floor = { readyMs }` (ms since navigation start) when Python answered.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const HTML = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Floor</title>
<meta name="viewport" content="width=device-width"></head><body><p id="out">loading</p>
<script type="module" src="./floor.js"></script></body></html>`;

// A file, not an inline script: the static server sends the site's CSP on every response, this page's too.
const PAGE_SCRIPT = `const worker = new Worker('./floor-worker.js', { type: 'module' });
worker.onmessage = (e) => {
  window.__floor = { readyMs: performance.now(), result: e.data };
  document.getElementById('out').textContent = 'ready: ' + e.data;
};`;

const WORKER = `import { loadPyodide } from '/pyodide/pyodide.mjs';
const py = await loadPyodide({ indexURL: '/pyodide/' });
postMessage(String(py.runPython('1+1')));`;

/** Writes the floor page into a new temp folder and returns the folder. */
export function writeFloorPage(): string {
  const dir = mkdtempSync(join(tmpdir(), 'wsgi-floor-'));
  writeFileSync(join(dir, 'index.html'), HTML);
  writeFileSync(join(dir, 'floor.js'), PAGE_SCRIPT);
  writeFileSync(join(dir, 'floor-worker.js'), WORKER);
  return dir;
}
