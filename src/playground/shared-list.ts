/** The playground's list of shared workspaces kept in this browser, each with a Delete button. */
import { deleteShared, listShared } from './workspaces.ts';

/**
 * The list in `box` (a <details> with a summary and a list), its Delete buttons working: deleting the
 * open workspace (`current()` is its key) goes back to the reader's own playground. Returns what redraws it.
 */
export function sharedList(box: HTMLDetailsElement, current: () => string): () => void {
  const show = () => showShared(box, current());
  box.addEventListener('click', (event) => {
    const gone = (event.target as HTMLElement).closest<HTMLElement>('[data-delete-shared]')?.dataset.deleteShared;
    if (!gone) return;
    deleteShared(gone);
    if (gone === current()) location.assign(location.pathname);
    else show();
  });
  return show;
}

/** Draw the list in `box`; `current` is the open workspace's key. */
function showShared(box: HTMLDetailsElement, current: string): void {
  const entries = listShared();
  box.hidden = entries.length === 0;
  box.querySelector('summary')!.textContent = `Shared workspaces kept in this browser (${entries.length})`;
  box.querySelector('ul')!.replaceChildren(...entries.map((entry) => {
    const li = document.createElement('li');
    const files = entry.files.join(', ') || 'unreadable files';
    const when = entry.savedAt ? new Date(entry.savedAt).toLocaleString() : 'unknown date';
    const open = entry.key === current ? ' (open now)' : '';
    li.textContent = `${files}: ${Math.ceil(entry.chars / 1000)} KB, saved ${when}${open} `;
    const del = Object.assign(document.createElement('button'), { type: 'button', className: 'le-button le-small', textContent: 'Delete' });
    del.dataset.deleteShared = entry.key;
    del.setAttribute('aria-label', `Delete shared workspace ${files}${open}`);
    li.append(del);
    return li;
  }));
}

/** Show the banner above the playground (hidden when there is nothing to say). */
export function showBanner(banner: HTMLElement, parts: (string | HTMLElement)[]): void {
  const p = document.createElement('p');
  p.append(...parts);
  banner.replaceChildren(p);
  banner.hidden = parts.length === 0;
}
