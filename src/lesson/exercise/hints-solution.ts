/**
 * An exercise's help, which works without the editor or Python: its hints shown one at a time, and
 * the solution behind a confirmation, as a line diff against the reader's code.
 */
import { lineDiff } from '../../workspace/index.ts';

/** The text of the exercise's `<template data-…>` named by `attribute`. */
export const template = (root: HTMLElement, attribute: string) =>
  root.querySelector<HTMLTemplateElement>(`template[${attribute}]`)?.content.textContent ?? '';

/** "Show a hint": the next hint, and how many are left. */
export function wireHints(root: HTMLElement): void {
  const hintButton = root.querySelector<HTMLButtonElement>('[data-hint]')!;
  const hints = [...root.querySelectorAll<HTMLTemplateElement>('template[data-hint-text]')].map((t) => t.content.textContent ?? '');
  const hintList = root.querySelector<HTMLOListElement>('[data-hints]')!;
  hintButton.addEventListener('click', () => {
    const shown = hintList.children.length;
    if (shown >= hints.length) return;
    hintList.append(Object.assign(document.createElement('li'), { textContent: hints[shown] }));
    hintList.hidden = false;
    const left = hints.length - shown - 1;
    hintButton.textContent = left ? `Show another hint (${left} left)` : 'No more hints';
    hintButton.disabled = left === 0;
  });
}

/** "Show the solution…": a confirmation, then the solution compared line by line with `code()`. */
export function wireSolution(root: HTMLElement, code: () => string): void {
  const panel = root.querySelector<HTMLElement>('[data-solution-panel]')!;
  root.querySelector('[data-solution]')!.addEventListener('click', () => {
    panel.hidden = false;
    panel.querySelector<HTMLButtonElement>('[data-solution-yes]')!.focus();
  });
  panel.querySelector('[data-solution-yes]')!.addEventListener('click', () => {
    const diff = panel.querySelector<HTMLElement>('[data-diff]')!;
    diff.replaceChildren(...lineDiff(code().replace(/\n$/, ''), template(root, 'data-solution-text').replace(/\n$/, '')).map((line) => Object.assign(document.createElement('span'), {
      className: line.op === '+' ? 'diff-added' : line.op === '-' ? 'diff-removed' : 'diff-same',
      textContent: `${line.op === '-' ? '−' : line.op} ${line.text}`,
    })));
    panel.querySelector<HTMLElement>('[data-solution-confirm]')!.hidden = true;
    panel.querySelector<HTMLElement>('[data-solution-body]')!.hidden = false;
    diff.focus();
  });
}
