/**
 * One ConcurrencyView on a page: its code boxes (each a workspace CodeBox with its "modified" tag
 * and Reset), the load controls, and a workspace RunPanel (Run / Stop, the status line, the results).
 * Built by boot.ts when the reader first touches the view or when it nears the viewport after load.
 */
import { CodeBox, readConfig, RunPanel, runtime, workKey, type RunResult } from '../../workspace/index.ts';
import { buildSpec, readControls, workspace, type AppConfig, type ConcurrencyConfig } from './config.ts';
import { renderResults, type ResultsView } from './results.ts';

// A simulation serves every request through the server core: far more work than one Run of an
// editor, so it gets a longer limit (a reader's endless loop is still stopped).
const TIME_LIMIT_MS = 20_000;

export class ConcurrencyController {
  readonly config: ConcurrencyConfig;
  private readonly boxes: { app: AppConfig; box: CodeBox }[] = [];
  private readonly panel: RunPanel;
  private again = false;
  private view: ResultsView | null = null;
  private changeTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(readonly section: HTMLElement) {
    this.config = readConfig<ConcurrencyConfig>(section, 'ConcurrencyView');
    this.panel = new RunPanel(section, () => void this.run());
    for (const role of ['pool', 'loop'] as const) {
      const app = this.config[role];
      const root = section.querySelector<HTMLElement>(`[data-app="${role}"]`);
      if (!app || !root) continue;
      this.boxes.push({ app, box: new CodeBox({
        host: root.querySelector<HTMLElement>('[data-code-host]')!, original: app.original, key: workKey(location.pathname, `${this.config.name}:${app.file}`),
        notices: root, controls: root, label: `Code of ${app.file}, editable`, describedBy: root.querySelector('[data-keys-hint]')?.id,
        onRun: () => void this.run(), onEscape: () => root.querySelector<HTMLElement>('[data-action="reset"]')!.focus(),
      }) });
    }
    section.addEventListener('change', (event) => { if ((event.target as HTMLElement).closest('[data-controls]')) this.touched(event); });
    new ResizeObserver(() => this.view?.fit()).observe(this.panel.results);
  }

  /** A control changed: run again shortly (typing "12" must not run with "1" first). Typing alone waits for the change. */
  touched(event: Event) {
    if (event.type !== 'change') return;
    clearTimeout(this.changeTimer);
    this.changeTimer = setTimeout(() => void this.run(), 250);
  }

  /** Open the editor of the box holding `host`. */
  open(host: HTMLElement) {
    void this.boxes.find((b) => b.box.view.contains(host))?.box.view.open(true);
  }

  /** The view is near the viewport: start Python, and show a first run as soon as it is ready. */
  nearViewport() {
    this.panel.runWhenReady(() => void this.run());
  }

  /** Simulate with the current code and controls; a run asked for during a run follows it. */
  async run() {
    clearTimeout(this.changeTimer);
    if (this.panel.running) { this.again = true; return; }
    const controls = readControls(this.section);
    const code = Object.fromEntries(this.boxes.map((b) => [b.app.file, b.box.code]));
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
