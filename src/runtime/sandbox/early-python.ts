/**
 * A returning reader's Python, started as soon as the page's <head> is parsed: the inline
 * early-start script imports this module by URL (its built chunk's URL is in a <meta> the build fills
 * in), before the page's own scripts and first layout. It starts a sandboxed worker with no files and
 * leaves it, with every message it has sent so far, for the runtime client's first slot to adopt
 * (early-start.ts).
 */
import { createSandboxedWorker } from './sandboxed-worker.ts';
import type { EarlyWorker } from '../early-start.ts';
import { mark } from '../marks.ts';

const scope = globalThis as { __wsgiEarlyPython?: EarlyWorker; __wsgiPythonAsked?: boolean };
const meta = document.querySelector('meta[name="wsgi-python-early"]');
// The import is asynchronous: if the page's own scripts have already started Python, stay out of it.
if (!scope.__wsgiPythonAsked) start();

function start() {
  mark('python:early-start');
  const indexURL = new URL(meta?.getAttribute('data-index-url') ?? '/pyodide/', location.href).href;
  const port = createSandboxedWorker(indexURL);
  const backlog: EarlyWorker['backlog'] = [];
  port.onmessage = (event) => { backlog.push({ kind: 'message', event }); };
  port.onerror = (event) => { backlog.push({ kind: 'error', event }); };
  port.postMessage({ type: 'init', id: 0, indexURL, interruptBuffer: null, files: {} });
  scope.__wsgiEarlyPython = { port, initId: 0, indexURL, interruptBuffer: null, backlog };
}
