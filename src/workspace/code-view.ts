/**
 * The editable code of every surface: the copy highlighted at build time stays until the reader
 * clicks or focuses it, then the site's editor (Monaco, or a textarea on touch screens) takes its
 * place, once, however many times it is asked for (the opening guard). The editor follows the
 * site's theme through the `themechange` event components/theme.ts dispatches. Edits made before
 * the editor exists (saved work shown, a Reset) are drawn into the static copy as plain lines.
 */
import type { CodeEditor } from '../editor/code-editor.ts';
import type { Theme } from '../components/theme.ts';
import { markStaticLine, showPlainCode } from './static-code.ts';

/** A line to mark as wrong and what to say there; null for none. */
export type ErrorMark = { line: number; message: string } | null;

export interface CodeViewOptions {
  /** The element holding the build's highlighted <pre>; the editor replaces what is inside. */
  host: HTMLElement;
  /** The code it shows first (the static copy shows `built`, the code it was highlighted from). */
  code: string;
  /** The code the build highlighted into the host; default `code`. */
  built?: string;
  /** Accessible name of the editor, e.g. "Code of hello.py, editable". */
  label: string;
  /** Id of the element describing the keyboard shortcuts. */
  describedBy?: string;
  /** "focus" (default) opens on focus or a press; "enter" on a click, or Enter/Space on the focused copy. */
  opensOn?: 'focus' | 'enter';
  onChange?(code: string): void;
  onRun?(): void;
  onEscape?(): void;
}

export class CodeView {
  private editor: CodeEditor | null = null;
  private opening: Promise<CodeEditor> | null = null;
  private code: string;
  private label: string;
  private mark: ErrorMark = null;
  private readonly host: HTMLElement;
  private readonly built: string;
  private readonly builtHtml: string;

  constructor(private readonly options: CodeViewOptions) {
    this.host = options.host;
    this.code = options.code;
    this.label = options.label;
    this.built = options.built ?? options.code;
    this.builtHtml = this.pre.innerHTML;
    if (this.code !== this.built) showPlainCode(this.pre, this.code);
    const open = () => void this.open();
    if (options.opensOn === 'enter') {
      this.host.addEventListener('click', open, { once: true });
      this.host.addEventListener('keydown', (event) => {
        if (this.editor || (event.key !== 'Enter' && event.key !== ' ')) return;
        event.preventDefault();
        open();
      });
    } else {
      this.host.addEventListener('focusin', open);
      this.host.addEventListener('pointerdown', open);
    }
    document.addEventListener('themechange', (event) => {
      this.editor?.setDark((event as CustomEvent<{ theme: Theme }>).detail.theme === 'dark');
    });
  }

  private get pre(): HTMLElement {
    return this.host.querySelector('pre') ?? this.host;
  }

  /** The code now (the editor's, once it is open). */
  get value(): string {
    return this.editor?.getValue() ?? this.code;
  }

  /** The editor, or null while the static copy shows. */
  get opened(): CodeEditor | null {
    return this.editor;
  }

  /** True when `node` is inside the code (the editor's own keys are then its business). */
  contains(node: Node | null): boolean {
    return Boolean(node && (this.editor?.focusTarget.contains(node) || this.host.contains(node)));
  }

  /** Open the editor in place of the static copy (once); resolves when it is usable. */
  open(focus = true): Promise<CodeEditor> {
    this.opening ??= (async () => {
      this.host.dataset.editor = 'loading';
      const { createCodeEditor } = await import('../editor/code-editor.ts');
      // The static copy's own textbox role and name go with it; the editor brings its own.
      for (const attr of ['role', 'tabindex', 'aria-label', 'aria-multiline']) this.host.removeAttribute(attr);
      const editor = await createCodeEditor(this.host, {
        // Read like components/theme.ts's currentTheme(), without importing it: a lesson page's theme
        // switch then keeps its script in one chunk.
        value: this.code, label: this.label, dark: document.documentElement.dataset.theme === 'dark', describedBy: this.options.describedBy,
      });
      editor.onChange((value) => {
        this.code = value;
        if (this.mark) { this.mark = null; editor.markLine(null); }
        this.options.onChange?.(value);
      });
      if (this.options.onRun) editor.onRun(this.options.onRun);
      if (this.options.onEscape) editor.onEscape(this.options.onEscape);
      this.editor = editor;
      this.host.dataset.editor = editor.kind;
      if (this.mark) editor.markLine(this.mark);
      return editor;
    })();
    return this.opening.then((editor) => { if (focus) editor.focus(); return editor; });
  }

  /** Replace the code: one undoable edit in the editor, else redrawn in the static copy. */
  set(code: string): void {
    if (this.editor) { if (this.editor.getValue() !== code) this.editor.replaceAll(code); return; }
    this.code = code;
    if (code === this.built) this.pre.innerHTML = this.builtHtml;
    else showPlainCode(this.pre, code);
    this.options.onChange?.(code);
  }

  /**
   * Show another document in the same place (the playground's files): the static copy while the
   * editor was never opened, else a new editor, so each document keeps its own undo history.
   */
  async swap(code: string, label: string): Promise<void> {
    this.label = label;
    this.host.style.setProperty('--le-lines', String(code.split('\n').length));
    if (!this.opening) {
      this.code = code;
      showPlainCode(this.pre, code);
      this.pre.setAttribute('aria-label', label.replace(/, editable$/, '. Focus or click to edit.'));
      return;
    }
    const focus = this.editor !== null && this.host.contains(document.activeElement);
    await this.opening;
    this.editor?.dispose();
    this.editor = null;
    this.opening = null;
    this.code = code;
    this.mark = null;
    await this.open(focus);
  }

  /** Mark a line as wrong (in the editor, or the static copy), or clear the mark with null. */
  markLine(mark: ErrorMark): void {
    this.mark = mark;
    if (this.editor) this.editor.markLine(mark);
    else markStaticLine(this.pre, mark?.line ?? null);
  }

  /** Open the editor if needed and put the cursor on `line`. */
  goToLine(line: number): void {
    void this.open(false).then((editor) => editor.goToLine(line));
  }
}
