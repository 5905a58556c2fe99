/**
 * The reader's work on one editor, kept in localStorage as they type: the code, the request, and a
 * revision number so two tabs never overwrite each other's newer work (a save based on an older
 * revision is refused and reported as a conflict). Pure storage logic, no DOM: unit-tested in
 * tests/unit/editor-saved-work.test.ts. A browser without working storage gets `ok: false`.
 */
export interface SavedWork<R = unknown> {
  v: 1;
  code: string;
  request: R;
  /** Increases by one with every save, from any tab. */
  rev: number;
  savedAt: number;
  /** Hash of the lesson's original code when the reader last edited it. */
  originalHash: string;
  /** The code as it was before the last Reset, so the reset can be undone after a reload. */
  resetFrom?: string;
}

export type SaveOutcome<R> =
  | { ok: true; rev: number }
  | { ok: false; reason: 'conflict'; newer: SavedWork<R> }
  | { ok: false; reason: 'unavailable'; message: string };

const PREFIX = 'wsgi-ground-up:editor:';

/** The storage key of one editor on one page. */
export function workKey(page: string, name: string): string {
  return `${PREFIX}${page.replace(/\/+$/, '') || '/'}:${name}`;
}

/** FNV-1a of the text: enough to notice that the lesson's original changed. */
export function hashText(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(16).padStart(8, '0');
}

/** The saved work under `key`, or null (nothing saved, unreadable, or storage disabled). */
export function readWork<R>(key: string, storage: Storage | null = safeStorage()): SavedWork<R> | null {
  try {
    const raw = storage?.getItem(key);
    if (!raw) return null;
    const data = JSON.parse(raw) as SavedWork<R>;
    return data && data.v === 1 && typeof data.code === 'string' && typeof data.rev === 'number' ? data : null;
  } catch {
    return null;
  }
}

/** Save `work` if nothing newer than `baseRev` is stored (pass `force` to overwrite anyway). */
export function writeWork<R>(
  key: string, work: Omit<SavedWork<R>, 'v' | 'rev' | 'savedAt'>, baseRev: number,
  { force = false, storage = safeStorage(), now = Date.now() }: { force?: boolean; storage?: Storage | null; now?: number } = {},
): SaveOutcome<R> {
  if (!storage) return { ok: false, reason: 'unavailable', message: 'This browser does not allow this site to store data.' };
  const current = readWork<R>(key, storage);
  if (current && current.rev > baseRev && !force) return { ok: false, reason: 'conflict', newer: current };
  const rev = Math.max(current?.rev ?? 0, baseRev) + 1;
  const record: SavedWork<R> = { v: 1, ...work, rev, savedAt: now };
  if (record.resetFrom === undefined) delete record.resetFrom;
  try {
    storage.setItem(key, JSON.stringify(record));
    return { ok: true, rev };
  } catch (err) {
    return { ok: false, reason: 'unavailable', message: `Storage is full or blocked (${(err as Error).name}).` };
  }
}

/** Remove the saved work (after a reset with nothing left to undo). */
export function clearWork(key: string, storage: Storage | null = safeStorage()): void {
  try { storage?.removeItem(key); } catch { /* storage disabled: nothing was saved either */ }
}

/** localStorage, or null where reading it throws (disabled cookies, some private modes). */
export function safeStorage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}
