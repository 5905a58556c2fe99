/**
 * The run half of every surface: Run and Stop (swapped while a run lasts, focus following the
 * reader), the status line (which Python, load progress, Retry, elapsed time: run-status.ts), and
 * the results area. `request` sends a request (or runs a script) and renders every result view;
 * `track` runs anything else the runtime offers (a simulation) with the same controls.
 */
import type { RunHandle, RunResult, ServerMode, Workspace } from '../runtime/client.ts';
import type { ErrorMark } from './code-view.ts';
import { runOnKey } from './early.ts';
import { RunStatus } from './run-status.ts';
import { preload, runtime } from './runtime.ts';

/** What one Run sends. */
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
  /** Opens an editor at a line (from an error card's "go to line"). */
  goToLine?: (line: number) => void;
}

/** What one Run gave: the runtime's result (null when it could not run) and the error line to mark. */
export interface RunOutcome {
  result: RunResult | null;
  mark: ErrorMark;
}

export class RunPanel {
  readonly status: RunStatus;
  readonly results: HTMLElement;
  private readonly runButton: HTMLButtonElement;
  private readonly stopButton: HTMLButtonElement;
  private handle: RunHandle | null = null;
  private busy = false;
  /** A run was started here (by the reader or automatically). */
  private ran = false;
  /** The result tab the reader chose last, opened again by the next run. */
  private tab: string | undefined;

  /** `root` holds [data-action="run"], [data-action="stop"], a StatusLine ([data-status]) and [data-results];
   * its data-result-tab names the result tab to open first, until the reader picks another.
   * `onRun`: what Run does, called by the Run button (or its form's submit) and Ctrl/Cmd+Enter in `root`. */
  constructor(root: HTMLElement, onRun?: () => void) {
    this.runButton = root.querySelector('[data-action="run"]')!;
    this.stopButton = root.querySelector('[data-action="stop"]')!;
    this.status = RunStatus.for(root.querySelector('[data-status]')!);
    this.results = root.querySelector('[data-results]')!;
    this.stopButton.addEventListener('click', () => this.stop());
    if (root.closest('[data-onion-view]')) this.tab = 'Onion';
    if (root.dataset.resultTab) this.tab = root.dataset.resultTab;
    if (onRun) {
      const form = this.runButton.type === 'submit' ? this.runButton.form : null;
      if (form) form.addEventListener('submit', (event) => { event.preventDefault(); onRun(); });
      else this.runButton.addEventListener('click', onRun);
      runOnKey(root, onRun);
    }
  }

  /** True while a run lasts. */
  get running(): boolean {
    return this.busy;
  }

  /** Start Python now and call `run` once it is ready, unless a run was started by then (a first run nobody asked for). */
  runWhenReady(run: () => void): void {
    const go = () => { if (!this.ran && !this.busy && runtime().state === 'ready') run(); };
    runtime().on('state', (state) => { if (state === 'ready') go(); });
    preload();
    go();
  }

  /** Stop the run in progress, if any. */
  stop(): void {
    this.handle?.cancel();
  }

  /**
   * Run what `start` starts with Run swapped for Stop and the elapsed time shown, then put what
   * `show` makes of the result in the results area (an error card when it fails). `automatic` runs
   * (not asked for by the reader) never pull focus to the panel. Resolves with the result, or null.
   */
  async track<R>(start: () => RunHandle, show: (result: R) => Node | Promise<Node>, { automatic = false, live }: { automatic?: boolean; live?: Node } = {}): Promise<R | null> {
    if (this.busy) return null;
    this.busy = true;
    this.ran = true;
    this.results.hidden = false;
    if (live) this.results.replaceChildren(live);
    const hadFocus = document.activeElement === this.runButton;
    this.runButton.disabled = true;
    this.stopButton.hidden = false;
    if (hadFocus) this.stopButton.focus();
    const done = this.status.startRun();
    try {
      this.handle = start();
      const result = await this.handle.result as R;
      this.results.replaceChildren(await show(result));
      return result;
    } catch (err) {
      const p = document.createElement('p');
      p.className = 'le-card le-card-error';
      p.textContent = (err as Error).message;
      this.results.replaceChildren(p);
      return null;
    } finally {
      this.handle = null;
      this.busy = false;
      done();
      this.runButton.disabled = false;
      this.stopButton.hidden = true;
      const active = document.activeElement;
      if (hadFocus || active === this.stopButton || (active === document.body && !automatic)) this.runButton.focus();
    }
  }

  /** Send the request (or run the script), stream its output live, and render every result view. */
  async request(req: RunRequest): Promise<RunOutcome> {
    const live = document.createElement('pre');
    live.className = 'le-live-output';
    live.setAttribute('aria-label', 'Live output');
    const views = import('../lesson/results/ResultsView.ts').catch(() => {
      throw new Error('Part of this page could not be loaded (the site may have been updated since you opened it). Reload the page; your code is saved.');
    });
    views.catch(() => {}); // awaited below; this only keeps an early failure from being "unhandled"
    let mark: ErrorMark = null;
    const options = { mode: req.mode, appSpec: req.appSpec, files: req.files, halfClose: req.halfClose === true, onOutput: (_s: string, text: string) => { live.textContent += text; } };
    const result = await this.track<RunResult>(
      () => (req.kind === 'request' ? runtime().request(req.bytes, options) : runtime().runScript(req.file, options)),
      async (result) => {
        const { errorLine, plainWords, renderResults, runError } = await views;
        const error = runError(result);
        const line = error ? errorLine(error, req.file) : null;
        if (error && line) mark = { line, message: `${plainWords(error)}\n\n${error.message}` };
        return renderResults(result, {
          request: req.kind === 'request' ? req.bytes : new Uint8Array(), file: req.file, goToLine: req.goToLine ?? (() => {}),
          base: import.meta.env.BASE_URL, initialTab: this.tab, onTabChange: (tab) => { this.tab = tab; },
          // The Browser tab sends its requests to the same app, server and settings (src/browser/).
          send: req.kind === 'request' ? (bytes) => runtime().request(bytes, { mode: req.mode, appSpec: req.appSpec, files: req.files }).result : undefined,
        });
      },
      { live },
    );
    return { result, mark };
  }
}
