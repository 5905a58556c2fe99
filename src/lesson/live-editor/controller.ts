/**
 * One live editor on a page: a workspace CodeBox (the code, saved as the reader types, with its
 * "modified" tag, Reset and Undo reset), the request composer saved with it, and a RunPanel (Run /
 * Stop, the status line, the results). Built by boot.ts the first time the reader touches the
 * editor, or at load when work was saved.
 */
import { builtCode, CodeBox, Composer, readConfig, RunPanel, requestBytes, workKey, type RequestState } from '../../workspace/index.ts';
import type { EditorConfig } from './config.ts';

export class LiveEditorController {
  readonly config: EditorConfig;
  private readonly box: CodeBox;
  private readonly panel: RunPanel;
  /** The request composer; null for a script editor (run="script"), which sends no request. */
  private readonly composer: Composer | null;

  constructor(readonly section: HTMLElement) {
    this.config = readConfig<EditorConfig>(section, 'LiveEditor');
    const composerRoot = section.querySelector<HTMLElement>('[data-composer]');
    this.composer = composerRoot && new Composer(composerRoot, this.config.presets, () => this.box.store.changed());
    this.panel = new RunPanel(section, () => void this.run());
    const composer = this.composer;
    const host = section.querySelector<HTMLElement>('[data-code-host]')!;
    this.box = new CodeBox({
      host, original: builtCode(host), key: workKey(location.pathname, this.config.name), notices: section, controls: section,
      label: `Code of ${this.config.name}.py, editable`, describedBy: section.querySelector('[data-keys-hint]')?.id,
      onRun: () => void this.run(),
      extra: composer ? { get: () => composer.state, set: (request) => { composer.state = request as RequestState; } } : undefined,
    });
  }

  /** The reader typed in the composer before this controller existed: save it. */
  touched(): void {
    this.box.store.changed();
  }

  /** Open Monaco (or the touch textarea) in place of the static copy. */
  open(): void {
    void this.box.view.open(true);
  }

  /** Send the request (or run the script) with the current code; results replace the last ones. */
  async run(): Promise<void> {
    if (this.panel.running) return;
    this.box.save();
    if (this.config.run === 'asgi') {
      const { runAsgi } = await import('./asgi-run.ts');
      return runAsgi(this.section, this.config, this.panel, this.box, this.composer!.state);
    }
    const { file, run, mode, appSpec } = this.config;
    const { mark } = await this.panel.request({
      files: { [file]: this.box.code }, file, kind: run, mode, appSpec,
      bytes: this.composer ? requestBytes(this.composer.state) : new Uint8Array(), halfClose: this.composer?.state.halfClose,
      goToLine: (line) => this.box.view.goToLine(line),
    });
    this.box.markError(mark);
  }
}
