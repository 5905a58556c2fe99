/**
 * The highlighted copy shown before the editor opens. When the reader has saved edits, their code
 * replaces it (as plain lines: the highlighter only runs at build time); an error line can be marked.
 */

/** Show `code` in the static <pre>, one span per line like shiki's output. */
export function showPlainCode(pre: HTMLElement, code: string): void {
  const target = pre.querySelector('code') ?? pre;
  target.replaceChildren();
  code.replace(/\n$/, '').split('\n').forEach((line, i) => {
    if (i > 0) target.append('\n');
    const span = document.createElement('span');
    span.className = 'line';
    span.textContent = line;
    target.append(span);
  });
}

/** Mark line `line` (1-based) of the static copy, or clear the mark with null. */
export function markStaticLine(pre: HTMLElement, line: number | null): void {
  pre.querySelectorAll('.le-error-line').forEach((el) => el.classList.remove('le-error-line'));
  if (line !== null) pre.querySelectorAll('.line')[line - 1]?.classList.add('le-error-line');
}
