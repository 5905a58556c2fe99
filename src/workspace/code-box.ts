/**
 * One file's editable code with its saved work: the CodeView (static copy, then the editor), kept as
 * the reader types under the one revisioned policy (WorkStore), with Reset and Undo reset, and a
 * notice when the lesson's original changed since the reader edited it. LiveEditor, Exercise and
 * ConcurrencyView's code panels are each one of these with their own labels.
 */
import { CodeView, type CodeViewOptions, type ErrorMark } from './code-view.ts';
import { renderNotice } from './notices.ts';
import { damagedWork, hashText, readWork, writeWork, type SavedWork } from './saved-work.ts';
import { WorkStore } from './work-store.ts';

export interface CodeBoxOptions extends Omit<CodeViewOptions, 'code' | 'built'> {
  /** The lesson's code: what the build highlighted and what Reset brings back. */
  original: string;
  /** The storage key of this box's work (saved-work.ts `workKey`, or the exercise prefix + name). */
  key: string;
  /** The element holding the [data-notices] area. */
  notices: HTMLElement;
  /** What is kept beside the code (a LiveEditor's composed request): read when saving, set when restoring. */
  extra?: { get(): unknown; set(value: unknown): void };
  /**
   * The element holding the box's own controls, each optional: the "modified" tag ([data-modified]),
   * Reset ([data-action="reset"]) and Undo reset ([data-action="undo-reset"]); the box keeps them up
   * to date, and focus moves from one button to the other.
   */
  controls?: HTMLElement;
  /** Whenever the code changes or a reset can (no longer) be undone. */
  onState?(state: { modified: boolean; canUndo: boolean }): void;
}

export class CodeBox {
  readonly view: CodeView;
  readonly store: WorkStore<SavedWork>;
  /** The stored work found when the box was made (null: the reader sees the lesson's code). */
  readonly restored: SavedWork | null;
  private readonly originalHash: string;
  private readonly showControls: (modified: boolean, canUndo: boolean) => void;
  private resetFrom: string | undefined;
  /** The code last read from or written to storage: showing it again needs no save. */
  private stored: string;

  constructor(private readonly options: CodeBoxOptions) {
    const { original, key, notices, extra } = options;
    this.originalHash = hashText(original);
    this.showControls = this.wireControls(options.controls);
    this.store = new WorkStore<SavedWork>({
      key, notices,
      read: (k) => readWork(k),
      write: (k, body, rev, { force }) => writeWork(k, body, rev, { force }),
      snapshot: () => ({ code: this.code, request: extra?.get() ?? null, originalHash: this.originalHash, resetFrom: this.resetFrom }),
      apply: (work) => this.restore(work),
      text: (work) => work.code,
      saved: () => { this.stored = this.code; },
    });
    this.restored = this.store.load();
    this.stored = this.restored?.code ?? original;
    this.resetFrom = this.restored?.resetFrom;
    this.view = new CodeView({
      ...options, code: this.stored, built: original,
      onChange: (code) => {
        this.emit();
        // A change that only shows work just read from storage (another tab's) needs no save.
        if (code !== this.stored) this.store.changed();
        options.onChange?.(code);
      },
    });
    if (this.restored) this.restore(this.restored);
    else this.emit();
  }

  /** The code now. */
  get code(): string {
    return this.view.value;
  }

  /** True when the code differs from the lesson's. */
  get modified(): boolean {
    return this.code !== this.options.original;
  }

  private emit() {
    const state = { modified: this.modified, canUndo: this.resetFrom !== undefined };
    this.showControls(state.modified, state.canUndo);
    this.options.onState?.(state);
  }

  private wireControls(root: HTMLElement | undefined) {
    const tag = root?.querySelector<HTMLElement>('[data-modified]');
    const reset = root?.querySelector<HTMLButtonElement>('[data-action="reset"]');
    const undo = root?.querySelector<HTMLButtonElement>('[data-action="undo-reset"]');
    reset?.addEventListener('click', () => { if (this.modified) { this.reset(); undo?.focus(); } });
    undo?.addEventListener('click', () => { this.undoReset(); reset?.focus(); });
    return (modified: boolean, canUndo: boolean) => {
      if (tag) tag.hidden = !modified;
      if (reset) reset.disabled = !modified;
      if (undo) undo.hidden = !canUndo;
    };
  }

  private restore(work: SavedWork) {
    this.stored = work.code;
    this.resetFrom = work.resetFrom;
    this.view.set(work.code);
    if (work.request !== null && work.request !== undefined) this.options.extra?.set(work.request);
    this.emit();
    // An entry without the hash (an exercise's plain-text code of old) cannot tell: no notice.
    if (work.originalHash && work.originalHash !== this.originalHash && work.code !== this.options.original) {
      renderNotice(this.options.notices, 'original-changed', this.options.original, work.code, { reset: () => this.reset() });
    }
  }

  /** Back to the lesson's code; `undoReset` (or Ctrl+Z in the editor) brings the edits back. */
  reset(): void {
    if (!this.modified) return;
    this.resetFrom = this.code;
    this.set(this.options.original);
  }

  /** The code from before the last Reset, back. */
  undoReset(): void {
    if (this.resetFrom === undefined) return;
    const code = this.resetFrom;
    this.resetFrom = undefined;
    this.set(code);
  }

  private set(code: string) {
    this.view.set(code);
    this.emit();
    this.store.saveNow();
  }

  /** Save now (before a run, or when what is kept beside the code changed). */
  save(): void {
    this.store.saveNow();
  }

  /** Mark the line a run's error points at (null clears it). */
  markError(mark: ErrorMark): void {
    this.view.markLine(mark);
  }
}

/** Say once, in the box's notice area, why stored work under `key` could not be read (the original shows). */
export function reportDamaged(notices: HTMLElement, key: string): void {
  const damaged = damagedWork(key);
  if (damaged) renderNotice(notices, 'damaged', '', '', {}, damaged);
}
