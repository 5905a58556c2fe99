/**
 * One live editor on a page: the code (static copy, then Monaco or the touch textarea), the request
 * composer, Run / Stop / Reset / Undo reset, saving as the reader types, and the results.
 * Built by boot.ts the first time the reader touches the editor, or at load when work was saved.
 */
import { createCodeEditor, type CodeEditor } from '../../editor/code-editor.ts';
import { Composer } from '../composer/composer.ts';
import { fromPreset, requestBytes, type RequestState } from '../composer/request-state.ts';
import { readConfig, type EditorConfig } from './config.ts';
import { executeRun, type ErrorMark } from './execute-run.ts';
import { renderNotice } from './notices.ts';
import { RunStatus } from './run-status.ts';
import { hashText, readWork, workKey, writeWork, type SavedWork } from './saved-work.ts';
import { markStaticLine, showPlainCode } from './static-code.ts';

const isDark = () => document.documentElement.dataset.theme === 'dark';

export class LiveEditorController {
  readonly section: HTMLElement;
  readonly config: EditorConfig;
  private readonly key: string;
  private readonly originalHash: string;
  private readonly pre: HTMLElement;
  private readonly originalHtml: string;
  /** The request composer; null for a script editor (run="script"), which sends no request. */
  private readonly composer: Composer | null;
  private readonly status: RunStatus;
  private editor: CodeEditor | null = null;
  private opening: Promise<CodeEditor> | null = null;
  private code: string;
  private baseRev = 0;
  private lastSavedCode: string;
  private resetFrom: string | undefined;
  private saveTimer: ReturnType<typeof setTimeout> | undefined;
  /** A change waits in the save delay (a timer id cannot tell: fake clocks may number from 0). */
  private unsaved = false;
  private running: { cancel(): void } | null = null;
  private runningNow = false;
  private mark: number | null = null;
  private readonly tab: { last?: string } = {};

  constructor(section: HTMLElement) {
    this.section = section;
    this.config = readConfig(section);
    this.key = workKey(location.pathname, this.config.name);
    this.originalHash = hashText(this.config.original);
    this.pre = section.querySelector('[data-code-host] pre')!;
    this.originalHtml = this.pre.innerHTML;
    this.code = this.lastSavedCode = this.config.original;
    const composerRoot = section.querySelector<HTMLElement>('[data-composer]');
    this.composer = composerRoot && new Composer(composerRoot, this.config.presets, () => this.scheduleSave());
    this.status = RunStatus.for(section.querySelector('[data-status]')!);
    this.restore(readWork<RequestState | undefined>(this.key));
    this.wire();
  }

  private $(action: string): HTMLButtonElement {
    return this.section.querySelector(`[data-action="${action}"]`)!;
  }

  private wire() {
    this.section.addEventListener('click', (event) => {
      const action = (event.target as HTMLElement).closest<HTMLElement>('[data-action]')?.dataset.action;
      if (action === 'run') void this.run();
      if (action === 'stop') this.stop();
      if (action === 'reset') this.reset();
      if (action === 'undo-reset') this.undoReset();
    });
    this.section.addEventListener('keydown', (event) => {
      // Ctrl/Cmd+Enter runs from anywhere in the editor's box (composer fields included).
      if (event.key === 'Enter' && (event.ctrlKey || event.metaKey) && !this.editor?.focusTarget.contains(event.target as Node)) {
        event.preventDefault();
        void this.run();
      }
    });
    window.addEventListener('storage', (event) => { if (event.key === this.key) this.otherTabSaved(); });
    window.addEventListener('pagehide', () => { if (this.unsaved) this.saveNow(); });
    // Leaving for another tab saves at once: a hidden tab's timers may not fire for a long time.
    document.addEventListener('visibilitychange', () => { if (document.hidden && this.unsaved) this.saveNow(); });
    new MutationObserver(() => this.editor?.setDark(isDark()))
      .observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] });
  }

  /** The reader typed in the composer before this controller existed: save it. */
  noteInput() {
    this.scheduleSave();
  }

  /** Open Monaco (or the touch textarea) in place of the static copy; resolves once it is usable. */
  openEditor(focus = true): Promise<CodeEditor> {
    this.opening ??= (async () => {
      this.section.dataset.editor = 'loading';
      const host = this.section.querySelector<HTMLElement>('[data-code-host]')!;
      const editor = await createCodeEditor(host, {
        value: this.code, label: `Code of ${this.config.name}.py, editable`, dark: isDark(),
        describedBy: this.section.querySelector('[data-keys-hint]')?.id,
      });
      editor.onChange((value) => this.codeChanged(value));
      editor.onRun(() => void this.run());
      this.editor = editor;
      this.section.dataset.editor = editor.kind;
      if (this.mark) editor.markLine({ line: this.mark, message: this.section.dataset.markMessage ?? '' });
      return editor;
    })();
    return this.opening.then((editor) => { if (focus) editor.focus(); return editor; });
  }

  private codeChanged(value: string) {
    this.code = value;
    if (this.mark !== null) { this.mark = null; this.editor?.markLine(null); }
    this.updateMarkers();
    // A change that only shows work just read from storage (another tab's) needs no save.
    if (value !== this.lastSavedCode) this.scheduleSave();
  }

  private updateMarkers() {
    const modified = this.code !== this.config.original;
    this.section.querySelector<HTMLElement>('[data-modified]')!.hidden = !modified;
    this.$('reset').disabled = !modified;
    this.$('undo-reset').hidden = this.resetFrom === undefined;
  }

  private restore(saved: SavedWork<RequestState | undefined> | null) {
    if (!saved) { this.updateMarkers(); return; }
    this.baseRev = saved.rev;
    this.code = this.lastSavedCode = saved.code;
    this.resetFrom = saved.resetFrom;
    if (this.editor) { if (this.editor.getValue() !== saved.code) this.editor.replaceAll(saved.code); }
    else if (saved.code !== this.config.original) showPlainCode(this.pre, saved.code);
    else this.pre.innerHTML = this.originalHtml;
    if (saved.request && this.composer) this.composer.state = saved.request;
    this.updateMarkers();
    if (saved.originalHash !== this.originalHash && saved.code !== this.config.original) {
      renderNotice(this.section, 'original-changed', this.config.original, saved.code, {
        reset: () => this.reset(),
      });
    }
  }

  private scheduleSave() {
    clearTimeout(this.saveTimer);
    this.unsaved = true;
    this.saveTimer = setTimeout(() => this.saveNow(), 300);
  }

  private saveNow(force = false) {
    clearTimeout(this.saveTimer);
    this.unsaved = false;
    const request = this.composer?.state;
    const outcome = writeWork<RequestState | undefined>(this.key, { code: this.code, request, originalHash: this.originalHash, resetFrom: this.resetFrom }, this.baseRev, { force });
    if (outcome.ok) { this.baseRev = outcome.rev; this.lastSavedCode = this.code; return; }
    if (outcome.reason === 'conflict') {
      renderNotice(this.section, 'conflict', outcome.newer.code, this.code, {
        useOther: () => this.restore(outcome.newer),
        keepMine: () => this.saveNow(true),
      });
    } else {
      renderNotice(this.section, 'storage', '', '', {}, outcome.message);
    }
  }

  /** Another tab saved this editor: take its work if ours has no unsaved change, else ask. */
  private otherTabSaved() {
    const newer = readWork<RequestState | undefined>(this.key);
    if (!newer || newer.rev <= this.baseRev) return;
    if (!this.unsaved) this.restore(newer);
    else this.saveNow();
  }

  /** Back to the lesson's code; Undo reset (or Ctrl+Z in the editor) brings the edits back. */
  reset() {
    if (this.code === this.config.original) return;
    this.resetFrom = this.code;
    this.setCode(this.config.original);
    this.$('undo-reset').focus();
  }

  undoReset() {
    if (this.resetFrom === undefined) return;
    const code = this.resetFrom;
    this.resetFrom = undefined;
    this.setCode(code);
    this.$('reset').focus();
  }

  private setCode(code: string) {
    if (this.editor) this.editor.replaceAll(code);
    else if (code === this.config.original) this.pre.innerHTML = this.originalHtml;
    else showPlainCode(this.pre, code);
    this.code = code;
    this.updateMarkers();
    this.saveNow();
  }

  /** Send the request (or run the script) with the current code; results replace the last ones. */
  async run() {
    if (this.runningNow) return;
    this.runningNow = true;
    this.saveNow();
    try {
      const mark = await executeRun({
        files: { [this.config.file]: this.code }, file: this.config.file, kind: this.config.run,
        bytes: this.composer ? requestBytes(this.composer.state) : new Uint8Array(),
        mode: this.config.mode, appSpec: this.config.appSpec, halfClose: this.composer?.state.halfClose,
        results: this.section.querySelector<HTMLElement>('[data-results]')!, status: this.status,
        runButton: this.$('run'), stopButton: this.$('stop'), tab: this.tab,
        goToLine: (n) => void this.openEditor(false).then((ed) => ed.goToLine(n)),
        onHandle: (handle) => { this.running = handle; },
      });
      this.setMark(mark);
    } finally {
      this.runningNow = false;
    }
  }

  private setMark(mark: ErrorMark) {
    this.mark = mark?.line ?? null;
    this.section.dataset.markMessage = mark?.message ?? '';
    if (this.editor) this.editor.markLine(mark);
    else markStaticLine(this.pre, this.mark);
  }

  stop() {
    this.running?.cancel();
  }
}
