/**
 * One live editor on a page: a workspace CodeBox (the code, saved as the reader types), the request
 * composer saved with it, and a RunPanel (Run / Stop, the status line, the results). Built by boot.ts
 * the first time the reader touches the editor, or at load when work was saved.
 */
import { CodeBox, Composer, RunPanel, requestBytes, runOnKey, runtime, workKey, type CodeEditor, type RequestState } from '../../workspace/index.ts';
import type { RunResult } from '../../runtime/client.ts';
import { readConfig, type EditorConfig } from './config.ts';

export class LiveEditorController {
  readonly config: EditorConfig;
  private readonly box: CodeBox;
  private readonly panel: RunPanel;
  /** The request composer; null for a script editor (run="script"), which sends no request. */
  private readonly composer: Composer | null;

  constructor(readonly section: HTMLElement) {
    this.config = readConfig(section);
    const composerRoot = section.querySelector<HTMLElement>('[data-composer]');
    this.composer = composerRoot && new Composer(composerRoot, this.config.presets, () => this.box.store.changed());
    this.panel = new RunPanel(section);
    const composer = this.composer;
    this.box = new CodeBox({
      host: section.querySelector('[data-code-host]')!, original: this.config.original,
      key: workKey(location.pathname, this.config.name), notices: section,
      label: `Code of ${this.config.name}.py, editable`, describedBy: section.querySelector('[data-keys-hint]')?.id,
      onRun: () => void this.run(),
      extra: composer ? { get: () => composer.state, set: (request) => { composer.state = request as RequestState; } } : undefined,
      onState: ({ modified, canUndo }) => {
        this.section.querySelector<HTMLElement>('[data-modified]')!.hidden = !modified;
        this.button('reset').disabled = !modified;
        this.button('undo-reset').hidden = !canUndo;
      },
    });
    section.addEventListener('click', (event) => {
      const action = (event.target as HTMLElement).closest<HTMLElement>('[data-action]')?.dataset.action;
      if (action === 'run') void this.run();
      if (action === 'reset' && this.box.modified) { this.box.reset(); this.button('undo-reset').focus(); }
      if (action === 'undo-reset') { this.box.undoReset(); this.button('reset').focus(); }
    });
    // Ctrl/Cmd+Enter runs from anywhere in the editor's box (composer fields included).
    runOnKey(section, () => void this.run());
  }

  private button(action: string): HTMLButtonElement {
    return this.section.querySelector(`[data-action="${action}"]`)!;
  }

  /** The reader typed in the composer before this controller existed: save it. */
  noteInput(): void {
    this.box.store.changed();
  }

  /** Open Monaco (or the touch textarea) in place of the static copy; resolves once it is usable. */
  openEditor(focus = true): Promise<CodeEditor> {
    return this.box.view.open(focus);
  }

  /** Send the request (or run the script) with the current code; results replace the last ones. */
  async run(): Promise<void> {
    if (this.panel.running) return;
    this.box.save();
    if (this.config.run === 'asgi') return this.runAsgi();
    const { file, run, mode, appSpec } = this.config;
    const { mark } = await this.panel.request({
      files: { [file]: this.box.code }, file, kind: run, mode, appSpec,
      bytes: this.composer ? requestBytes(this.composer.state) : new Uint8Array(), halfClose: this.composer?.state.halfClose,
      goToLine: (line) => this.box.view.goToLine(line),
    });
    this.box.markError(mark);
  }

  /** run="asgi": one connection on the event-loop simulation, every ASGI message listed (asgi-run.ts). */
  private async runAsgi(): Promise<void> {
    const { asgiSpec, renderAsgi } = await import('./asgi-run.ts');
    const lines = this.section.querySelector<HTMLTextAreaElement>('[data-ws-messages]')?.value.split('\n').filter((l) => l !== '');
    const spec = asgiSpec(this.composer!.state, this.config.appSpec, this.config.websocket ? lines ?? [] : null);
    let line: number | null = null;
    await this.panel.track<RunResult>(
      () => runtime().simulate(spec, { timeLimitMs: 20_000, files: { [this.config.file]: this.box.code } }),
      (result) => {
        const loop = result.simulation?.loop;
        const req = loop?.requests[0];
        line = req?.error?.file === this.config.file ? req.error.line : null;
        const failed = loop?.error ?? (result.exception ? { message: result.exception.message, traceback: result.exception.traceback }
          : !loop ? { message: result.notice?.message ?? 'The simulation gave no result.' } : null);
        return renderAsgi(req, failed && { message: failed.message, traceback: 'traceback' in failed ? failed.traceback : undefined });
      },
    );
    this.box.markError(line ? { line, message: 'The app raised an exception here: see the results below.' } : null);
  }
}
