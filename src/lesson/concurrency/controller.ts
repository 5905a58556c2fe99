/**
 * One ConcurrencyView on a page: its code panels, the load controls, Run / Stop, the status line,
 * and the results. Built by boot.ts when the reader first touches the view or when it nears the
 * viewport after load; runs through the page's one Python runtime, with a workspace RunPanel.
 */
import { preload, RunPanel, runOnKey, runtime, type RunResult } from '../../workspace/index.ts';
import { codePanel } from './code-panel.ts';
import { buildSpec, clampControl, readConfig, workspace, type ConcurrencyConfig, type Controls } from './config.ts';
import { renderResults, type ResultsView } from './results.ts';

const CONTROL_NAMES = ['workers', 'rate', 'slowPercent', 'requests'] as const;
// A simulation serves every request through the server core: far more work than one Run of an
// editor, so it gets a longer limit (a reader's endless loop is still stopped).
const TIME_LIMIT_MS = 20_000;

export class ConcurrencyController {
  readonly section: HTMLElement;
  readonly config: ConcurrencyConfig;
  private readonly panels: ReturnType<typeof codePanel>[] = [];
  private readonly panel: RunPanel;
  private again = false;
  private ran = false;
  private wantsAutoRun = false;
  private view: ResultsView | null = null;
  private changeTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(section: HTMLElement) {
    this.section = section;
    this.config = readConfig(section);
    this.panel = new RunPanel(section);
    for (const role of ['pool', 'loop'] as const) {
      const app = this.config[role];
      const root = section.querySelector<HTMLElement>(`[data-app="${role}"]`);
      if (app && root) this.panels.push(codePanel(root, app, this.config.name, () => void this.run()));
    }
    this.wire();
  }

  private wire() {
    this.section.querySelector('form')!.addEventListener('submit', (event) => { event.preventDefault(); void this.run(); });
    this.section.addEventListener('change', (event) => {
      if ((event.target as HTMLElement).closest('[data-controls]')) this.touched();
    });
    runOnKey(this.section, () => void this.run());
    runtime().on('state', (state) => { if (state === 'ready') this.maybeAutoRun(); });
    new ResizeObserver(() => this.view?.fit()).observe(this.panel.results);
  }

  /** A control changed: run again shortly (typing "12" must not run with "1" first). */
  touched() {
    clearTimeout(this.changeTimer);
    this.changeTimer = setTimeout(() => void this.run(), 250);
  }

  /** Open the editor of the panel holding `host`. */
  openCode(host: HTMLElement) {
    void this.panels.find((p) => p.box.view.contains(host))?.box.view.open(true);
  }

  /** The view is near the viewport: start Python, and show a first run as soon as it is ready. */
  nearViewport() {
    this.wantsAutoRun = true;
    preload();
    this.maybeAutoRun();
  }

  private maybeAutoRun() {
    if (this.wantsAutoRun && !this.ran && !this.panel.running && runtime().state === 'ready') void this.run();
  }

  /** The controls' values, clamped to their bounds (and shown clamped, so what ran is what is shown). */
  readControls(): Controls {
    // The pool's worker count has no input in a loop-only view: any number does, the loop ignores it.
    const out: Controls = { workers: 1, rate: 1, slowPercent: 0, requests: 1 };
    for (const name of CONTROL_NAMES) {
      const input = this.section.querySelector<HTMLInputElement>(`input[name="${name}"]`);
      if (!input) continue;
      // An empty or non-numeric field falls back to the lesson's value (the input's default).
      out[name] = clampControl(name, input.valueAsNumber, Number(input.defaultValue));
      if (input.valueAsNumber !== out[name]) input.value = String(out[name]);
    }
    return out;
  }

  /** Simulate with the current code and controls; a run asked for during a run follows it. */
  async run() {
    clearTimeout(this.changeTimer);
    if (this.panel.running) { this.again = true; return; }
    this.ran = true;
    const controls = this.readControls();
    const code = Object.fromEntries(this.panels.map((p) => [p.app.file, p.box.code]));
    this.section.dataset.state = 'running';
    // Only where the reader was: an automatic first run must not pull focus (and the page) to the view.
    const result = await this.panel.track<RunResult>(
      () => runtime().simulate(buildSpec(this.config, controls), { timeLimitMs: TIME_LIMIT_MS, files: workspace(this.config, code) }),
      (result) => {
        // Host time of the run, for benchmarks and bug reports (never shown: it varies by machine).
        this.section.dataset.elapsedMs = String(Math.round(result.elapsedMs));
        this.view = renderResults(result, this.config, controls);
        return this.view.root;
      },
      { automatic: true },
    );
    if (result && this.view) {
      this.view.fit();
      this.section.querySelector('[data-announce]')!.textContent = this.view.summary;
    }
    this.section.dataset.state = 'done';
    if (this.again) { this.again = false; void this.run(); }
  }
}
