/**
 * One run, shared by LiveEditor and the playground: send the request (or run the script) with the
 * reader's files, stream the output live, show the elapsed time, swap Run for Stop, and render the
 * results. Returns the error line in the main file, so the caller can mark it in its editor.
 */
import type { RunHandle, ServerMode, Workspace } from '../../runtime/client.ts';
import { errorLine, plainWords } from '../results/plain-errors.ts';
import { runtime } from './python.ts';
import type { RunStatus } from './run-status.ts';

export interface RunRequest {
  files: Workspace;
  /** The file whose errors are marked (the one the reader edits, or the app's module). */
  file: string;
  kind: 'request' | 'script';
  /** The request bytes (ignored for scripts). */
  bytes: Uint8Array;
  mode: ServerMode;
  appSpec: string;
  /** The client half-closes after the request (the composer's choice). */
  halfClose?: boolean;
  results: HTMLElement;
  status: RunStatus;
  runButton: HTMLButtonElement;
  stopButton: HTMLButtonElement;
  goToLine: (line: number) => void;
  /** Remembers the reader's result tab between runs. */
  tab: { last?: string };
  /** Receives the run's handle while it runs (to stop it), then null. */
  onHandle: (handle: RunHandle | null) => void;
}

/** The line to mark and the message to show there, or null. */
export type ErrorMark = { line: number; message: string } | null;

/** Run once and render the results into `req.results`. */
export async function executeRun(req: RunRequest): Promise<ErrorMark> {
  const live = document.createElement('pre');
  live.className = 'le-live-output';
  live.setAttribute('aria-label', 'Live output');
  req.results.hidden = false;
  req.results.replaceChildren(live);
  const hadFocus = document.activeElement === req.runButton;
  req.runButton.disabled = true;
  req.stopButton.hidden = false;
  if (hadFocus) req.stopButton.focus();
  const done = req.status.startRun();
  const rt = runtime();
  const options = { mode: req.mode, appSpec: req.appSpec, files: req.files, halfClose: req.halfClose === true, onOutput: (_s: string, text: string) => { live.textContent += text; } };
  try {
    const views = import('../results/ResultsView.ts').catch(() => {
      throw new Error('Part of this page could not be loaded (the site may have been updated since you opened it). Reload the page; your code is saved.');
    });
    views.catch(() => {}); // awaited below; this only keeps an early failure from being "unhandled"
    const handle = req.kind === 'request' ? rt.request(req.bytes, options) : rt.runScript(req.file, options);
    req.onHandle(handle);
    const result = await handle.result;
    const { renderResults, runError } = await views;
    const error = runError(result);
    const line = error ? errorLine(error, req.file) : null;
    req.results.replaceChildren(renderResults(result, {
      request: req.kind === 'request' ? req.bytes : new Uint8Array(), file: req.file, goToLine: req.goToLine,
      base: import.meta.env.BASE_URL, initialTab: req.tab.last ?? (req.results.closest('[data-onion-view]') ? 'Onion' : undefined), onTabChange: (tab) => { req.tab.last = tab; },
    }));
    return error && line ? { line, message: `${plainWords(error)}\n\n${error.message}` } : null;
  } catch (err) {
    const p = document.createElement('p');
    p.className = 'le-card le-card-error';
    p.textContent = (err as Error).message;
    req.results.replaceChildren(p);
    return null;
  } finally {
    req.onHandle(null);
    done();
    req.runButton.disabled = false;
    req.stopButton.hidden = true;
    const active = document.activeElement;
    if (hadFocus || active === req.stopButton || active === document.body) req.runButton.focus();
  }
}
