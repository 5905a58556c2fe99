/**
 * The desktop editor: Monaco sized exactly like the static highlighted copy (14 px text on 22 px
 * lines, 12 px padding), growing with its content so the page scrolls, not the editor.
 */
import type { CodeEditor, CodeEditorOptions } from './code-editor.ts';
import { ensureMonacoStyles } from './monaco-styles.ts';

export const LINE_HEIGHT = 22;
export const FONT_SIZE = 14;
export const PADDING = 12;

/** A Monaco editor in `host`, once its code and stylesheet have loaded. */
export async function createMonacoEditor(host: HTMLElement, options: CodeEditorOptions): Promise<CodeEditor> {
  const [{ monaco }] = await Promise.all([import('./monaco-setup.ts'), ensureMonacoStyles()]);
  const fontFamily = getComputedStyle(document.documentElement).getPropertyValue('--font-code').trim() || 'monospace';
  const box = document.createElement('div');
  box.className = 'le-monaco';
  box.style.height = `${host.getBoundingClientRect().height || 100}px`;
  host.replaceChildren(box);
  const editor = monaco.editor.create(box, {
    value: options.value,
    language: 'python',
    theme: options.dark ? 'wsgi-dark' : 'wsgi-light',
    ariaLabel: options.label,
    automaticLayout: true,
    fontFamily, fontSize: FONT_SIZE, lineHeight: LINE_HEIGHT,
    padding: { top: PADDING, bottom: PADDING },
    minimap: { enabled: false },
    scrollBeyondLastLine: false,
    scrollbar: { alwaysConsumeMouseWheel: false, vertical: 'hidden', horizontalScrollbarSize: 10 },
    overviewRulerLanes: 0, hideCursorInOverviewRuler: true, overviewRulerBorder: false,
    lineNumbersMinChars: 3, folding: false, glyphMargin: false, lineDecorationsWidth: 8,
    renderLineHighlight: 'none', contextmenu: false, tabSize: 4, insertSpaces: true, detectIndentation: false,
    accessibilitySupport: 'auto', fixedOverflowWidgets: true,
  });
  const model = editor.getModel()!;
  const fitHeight = () => { box.style.height = `${editor.getContentHeight()}px`; };
  editor.onDidContentSizeChange(fitHeight);
  fitHeight();
  // Monaco types into a textarea, or (Chromium's EditContext API) a div with role="textbox".
  const input = () => editor.getDomNode()?.querySelector<HTMLElement>('[role="textbox"], textarea') ?? box;
  if (options.describedBy) input().setAttribute('aria-describedby', options.describedBy);

  let runFn = () => {};
  editor.addCommand(monaco.KeyMod.CtrlCmd | monaco.KeyCode.Enter, () => runFn());
  // Tab indents, as a Python editor must; Escape then Tab (or Shift+Tab) moves focus out, the way
  // CodeMirror does it. Ctrl+M (Monaco's own command) switches Tab to moving focus for good.
  let escaped = false;
  let escapeFn: (() => void) | null = null;
  editor.onKeyDown((event) => {
    if (event.keyCode === monaco.KeyCode.Escape) {
      if (escapeFn) { escapeFn(); return; }
      escaped = true;
      editor.updateOptions({ tabFocusMode: true });
    } else if (escaped && event.keyCode !== monaco.KeyCode.Shift) {
      escaped = false;
      // Let this Tab move focus first; the option goes back after the key is handled.
      setTimeout(() => editor.updateOptions({ tabFocusMode: false }));
    }
  });
  editor.onDidBlurEditorText(() => {
    if (escaped) { escaped = false; editor.updateOptions({ tabFocusMode: false }); }
  });

  let decorations = editor.createDecorationsCollection();
  return {
    kind: 'monaco',
    get focusTarget() { return input(); },
    getValue: () => model.getValue(),
    replaceAll(text) {
      editor.pushUndoStop();
      editor.executeEdits('reset', [{ range: model.getFullModelRange(), text }]);
      editor.pushUndoStop();
    },
    focus: () => editor.focus(),
    onChange: (fn) => { model.onDidChangeContent(() => fn(model.getValue())); },
    onRun: (fn) => { runFn = fn; },
    onEscape: (fn) => { escapeFn = fn; },
    markLine(mark) {
      decorations.clear();
      if (!mark || mark.line < 1 || mark.line > model.getLineCount()) {
        monaco.editor.setModelMarkers(model, 'wsgi', []);
        return;
      }
      const range = new monaco.Range(mark.line, 1, mark.line, model.getLineMaxColumn(mark.line));
      monaco.editor.setModelMarkers(model, 'wsgi', [{
        startLineNumber: mark.line, endLineNumber: mark.line, startColumn: 1, endColumn: range.endColumn,
        message: mark.message, severity: monaco.MarkerSeverity.Error,
      }]);
      const firstLine = mark.message.split('\n')[0];
      decorations = editor.createDecorationsCollection([{ range, options: {
        isWholeLine: true, className: 'le-error-line', linesDecorationsClassName: 'le-error-gutter',
        after: { content: `  ← ${firstLine}`, inlineClassName: 'le-error-after' },
      } }]);
    },
    goToLine(line) {
      editor.revealLineInCenterIfOutsideViewport(line);
      editor.setPosition({ lineNumber: line, column: 1 });
      editor.focus();
    },
    setDark: (dark) => monaco.editor.setTheme(dark ? 'wsgi-dark' : 'wsgi-light'),
    dispose: () => { editor.dispose(); box.remove(); },
  };
}
