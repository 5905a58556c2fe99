/**
 * What a lesson needs from an editor, whichever one runs: Monaco on desktops, a plain textarea on
 * touch screens. The lesson code talks only to this interface, so both behave the same way.
 */
export interface CodeEditor {
  readonly kind: 'monaco' | 'textarea';
  /** The element that takes keyboard focus. */
  readonly focusTarget: HTMLElement;
  getValue(): string;
  /** Replace the whole text as one edit the reader can undo (Ctrl+Z). */
  replaceAll(text: string): void;
  focus(): void;
  /** Called after every change the reader (or replaceAll) makes. */
  onChange(fn: (value: string) => void): void;
  /** Ctrl+Enter or Cmd+Enter inside the editor. */
  onRun(fn: () => void): void;
  /**
   * Escape inside the editor. Without a handler, Escape then Tab moves focus out of Monaco; a page
   * that prefers to move focus itself (e.g. to its Run button) registers one.
   */
  onEscape(fn: () => void): void;
  /** Mark one line as wrong with a message in plain words; null clears every mark. */
  markLine(mark: { line: number; message: string } | null): void;
  /** Scroll to a line and put the cursor at its start. */
  goToLine(line: number): void;
  /** Follow the site theme. */
  setDark(dark: boolean): void;
  dispose(): void;
}

export interface CodeEditorOptions {
  value: string;
  /** Accessible name of the text area, e.g. "Code of hello.py". */
  label: string;
  /** Id of the element describing the keyboard shortcuts. */
  describedBy?: string;
  dark: boolean;
}

/** True on touch-first devices, where Monaco works badly (monaco-editor #246, #1504). */
export function prefersPlainEditor(): boolean {
  return typeof matchMedia === 'function' && matchMedia('(pointer: coarse)').matches && !matchMedia('(pointer: fine)').matches;
}

/** Create the right editor inside `host` (the reader's code replaces the static highlighted copy). */
export async function createCodeEditor(host: HTMLElement, options: CodeEditorOptions): Promise<CodeEditor> {
  if (prefersPlainEditor()) {
    const { createTextareaEditor } = await import('./textarea-editor.ts');
    return createTextareaEditor(host, options);
  }
  const { createMonacoEditor } = await import('./monaco-editor.ts');
  return createMonacoEditor(host, options);
}
