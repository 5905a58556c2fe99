/**
 * The page's one Python runtime, shared by every editor on it, and when to start it: when an editor
 * comes near the viewport and the browser is idle, unless the reader saves data or is on a very
 * slow connection (then the first Run starts it). Every editor's status line follows its progress.
 */
import { RuntimeClient, type LoadProgress, type ReadyInfo, type RuntimeState } from '../runtime/client.ts';
import { shouldWaitForRun } from '../components/save-data.ts';
import { notePythonStarted } from './warm-start.ts';

let client: RuntimeClient | null = null;

/** The page's runtime client (created on first use; nothing loads until load() or a run). */
export function runtime(): RuntimeClient {
  if (!client) {
    const params = new URLSearchParams(location.search);
    // Tests and benchmarks shorten the time limit with ?timeLimit=ms; readers get the default.
    const limit = Number(params.get('timeLimit'));
    client = new RuntimeClient(limit > 0 ? { timeLimitMs: limit } : {});
    client.on('ready', notePythonStarted);
    // The page's Python state, for the service worker's first registration, which waits while Python
    // starts (components/offline-notice.ts).
    client.on('state', (state) => { document.documentElement.dataset.python = state; });
    (globalThis as { __wsgiRuntime?: RuntimeClient }).__wsgiRuntime = client;
  }
  return client;
}

/** Start Python in the background (errors are shown by the status lines, and retried on Run). */
export function preload(): void {
  if (shouldWaitForRun() || runtime().state !== 'idle') return;
  runtime().load().catch(() => {});
}

/** "CPython 3.14.0 in Pyodide 0.29.0", from what the worker reported once ready. */
export function pythonName(info: ReadyInfo): string {
  const python = info.python.startsWith('3') ? `CPython ${info.python}` : info.python;
  return `${python} (Pyodide ${info.pyodide}), in your browser`;
}

export interface RuntimeView {
  state: RuntimeState;
  progress: LoadProgress | null;
  info: ReadyInfo | null;
  error: string | null;
}

/** Call `fn` now and on every change of the runtime's state or load progress. */
export function watchRuntime(fn: (view: RuntimeView) => void): void {
  const rt = runtime();
  const view: RuntimeView = { state: rt.state, progress: null, info: rt.readyInfo, error: null };
  const emit = () => fn({ ...view });
  rt.on('state', (state) => {
    view.state = state;
    if (state === 'failed') view.error = 'Python could not be started.';
    if (state === 'loading') view.error = null;
    emit();
  });
  rt.on('progress', (p) => { view.progress = p; emit(); });
  rt.on('ready', (info) => { view.info = info; view.progress = null; emit(); });
  emit();
}
