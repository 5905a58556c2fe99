/**
 * The touch-screen editor: a plain textarea (no autocorrect, capitals or spell-check, which would
 * break Python), the same font and size as the highlighted copy, growing with its text.
 * Undo after a reset uses the browser's own undo stack (execCommand keeps it), as Monaco does.
 */
import type { CodeEditor, CodeEditorOptions } from './code-editor.ts';

function lineStart(text: string, line: number): number {
  let index = 0;
  for (let n = 1; n < line; n++) {
    const next = text.indexOf('\n', index);
    if (next < 0) return text.length;
    index = next + 1;
  }
  return index;
}

/** A textarea editor in `host`. */
export function createTextareaEditor(host: HTMLElement, options: CodeEditorOptions): CodeEditor {
  const area = document.createElement('textarea');
  area.className = 'le-textarea';
  area.value = options.value;
  area.setAttribute('aria-label', options.label);
  if (options.describedBy) area.setAttribute('aria-describedby', options.describedBy);
  for (const [name, value] of [['autocorrect', 'off'], ['autocapitalize', 'off'], ['autocomplete', 'off'], ['spellcheck', 'false'], ['wrap', 'off']]) {
    area.setAttribute(name, value);
  }
  const fit = () => { area.rows = Math.max(3, area.value.split('\n').length); };
  fit();
  host.replaceChildren(area);
  const changeFns: ((v: string) => void)[] = [];
  area.addEventListener('input', () => { fit(); for (const fn of changeFns) fn(area.value); });
  let runFn = () => {};
  let escapeFn = () => {};
  area.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) { event.preventDefault(); runFn(); }
    if (event.key === 'Escape') escapeFn();
  });
  return {
    kind: 'textarea',
    focusTarget: area,
    getValue: () => area.value,
    replaceAll(text) {
      area.focus();
      area.select();
      // execCommand keeps the change on the undo stack; fall back to a plain assignment.
      if (!document.execCommand('insertText', false, text)) area.value = text;
      if (area.value !== text) area.value = text;
      fit();
      for (const fn of changeFns) fn(area.value);
    },
    focus: () => area.focus(),
    onChange: (fn) => { changeFns.push(fn); },
    onRun: (fn) => { runFn = fn; },
    onEscape: (fn) => { escapeFn = fn; },
    markLine(mark) {
      if (mark) area.setAttribute('aria-invalid', 'true');
      else area.removeAttribute('aria-invalid');
    },
    goToLine(line) {
      const start = lineStart(area.value, line);
      const end = area.value.indexOf('\n', start);
      area.focus();
      area.setSelectionRange(start, end < 0 ? area.value.length : end);
    },
    setDark() {},
    dispose: () => area.remove(),
  };
}
