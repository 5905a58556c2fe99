/**
 * Notices above an editor that need the reader's decision: another tab saved newer work, the lesson's
 * original changed since they edited it, storage does not work, or the saved copy could not be read.
 * One notice per kind at a time.
 */
import { lineDiff } from './line-diff.ts';

export type NoticeKind = 'conflict' | 'original-changed' | 'storage' | 'damaged';
interface Actions { reset?: () => void; useOther?: () => void; keepMine?: () => void }

function button(label: string, onClick: () => void): HTMLButtonElement {
  const b = document.createElement('button');
  b.type = 'button';
  b.className = 'le-button le-small';
  b.textContent = label;
  b.addEventListener('click', onClick);
  return b;
}

function diffBlock(summary: string, before: string, after: string): HTMLElement {
  const details = document.createElement('details');
  details.className = 'le-diff';
  const title = document.createElement('summary');
  title.textContent = summary;
  const pre = document.createElement('pre');
  pre.tabIndex = 0;
  for (const { op, text } of lineDiff(before, after)) {
    const line = document.createElement('span');
    line.className = op === '+' ? 'le-diff-add' : op === '-' ? 'le-diff-del' : '';
    line.textContent = `${op} ${text}\n`;
    pre.append(line);
  }
  details.append(title, pre);
  return details;
}

/** Show (or replace) the notice of `kind` in the editor's notice area. */
export function renderNotice(section: HTMLElement, kind: NoticeKind, theirs: string, mine: string, actions: Actions, message = ''): void {
  const area = section.matches('[data-notices]') ? section : section.querySelector<HTMLElement>('[data-notices]')!;
  area.querySelector(`[data-notice="${kind}"]`)?.remove();
  const box = document.createElement('div');
  box.className = 'le-notice';
  box.dataset.notice = kind;
  box.setAttribute('role', 'status');
  const text = document.createElement('p');
  const close = () => box.remove();
  const buttons: HTMLButtonElement[] = [];
  if (kind === 'conflict') {
    text.textContent = 'This example was changed in another tab after you opened it here. Which version do you want to keep?';
    buttons.push(button('Use the other tab’s version', () => { close(); actions.useOther?.(); }));
    buttons.push(button('Keep this version', () => { close(); actions.keepMine?.(); }));
    box.append(text, diffBlock('Compare the two versions', theirs, mine));
  } else if (kind === 'original-changed') {
    text.textContent = 'The lesson’s version of this example has changed since you edited it. Your version is shown.';
    buttons.push(button('Reset to the new version', () => { close(); actions.reset?.(); }));
    buttons.push(button('Keep my version', close));
    box.append(text, diffBlock('Compare the lesson’s new version with yours', theirs, mine));
  } else if (kind === 'damaged') {
    text.textContent = `Your saved copy of this example could not be read (${message}), so the lesson’s original is shown. Your next edit replaces the damaged copy.`;
    buttons.push(button('Dismiss', close));
    box.append(text);
  } else {
    text.textContent = `Your edits cannot be saved in this browser: ${message} They stay on screen until you leave the page.`;
    buttons.push(button('Dismiss', close));
    box.append(text);
  }
  const row = document.createElement('p');
  row.className = 'le-notice-actions';
  row.append(...buttons);
  box.append(row);
  area.append(box);
}
