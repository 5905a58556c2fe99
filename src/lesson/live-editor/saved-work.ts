/**
 * The reader's work on one editor, kept in localStorage as they type: the code, the request, and a
 * revision number so two tabs never overwrite each other's newer work (a save based on an older
 * revision is refused and reported as a conflict). Pure storage logic, no DOM: unit-tested in
 * tests/unit/editor-saved-work.test.ts. A browser without working storage gets `ok: false`.
 * An entry is checked on every read (it may have been edited by hand, imported, or written by an
 * older site): one that is not a saved work reads as nothing, and `damagedWork` says what is wrong.
 */
import { describe, requestProblem } from '../work-schema.ts';

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

/** What is wrong with a stored entry under `key`, or null when it is a saved work (editors' requests checked too). */
export function savedWorkProblem(data: unknown, key = ''): string | null {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return `the entry is ${describe(data)}, not saved work.`;
  const work = data as Record<string, unknown>;
  if (work.v !== 1) return `it has version ${describe(work.v)}; this site reads version 1.`;
  if (typeof work.code !== 'string') return `code is ${describe(work.code)}; it should be text.`;
  if (typeof work.rev !== 'number' || !Number.isSafeInteger(work.rev) || work.rev < 0) return `rev is ${describe(work.rev)}; it should be a count of saves.`;
  for (const field of ['originalHash', 'resetFrom'] as const) {
    if (work[field] !== undefined && typeof work[field] !== 'string') return `${field} is ${describe(work[field])}; it should be text.`;
  }
  if (work.savedAt !== undefined && typeof work.savedAt !== 'number') return `savedAt is ${describe(work.savedAt)}; it should be a time.`;
  // A live editor keeps its composed request (null or absent for a script editor or a code panel).
  if (key.startsWith(PREFIX) && work.request !== null && work.request !== undefined) return requestProblem(work.request);
  return null;
}

function parse(key: string, storage: Storage | null): { data: unknown; problem: string | null } | null {
  try {
    const raw = storage?.getItem(key);
    if (!raw) return null;
    let data: unknown;
    try { data = JSON.parse(raw); } catch { return { data: null, problem: 'the entry is not readable (not JSON).' }; }
    return { data, problem: savedWorkProblem(data, key) };
  } catch {
    return null;
  }
}

/** The saved work under `key`, or null (nothing saved, damaged, or storage disabled). */
export function readWork<R>(key: string, storage: Storage | null = safeStorage()): SavedWork<R> | null {
  const found = parse(key, storage);
  return found && !found.problem ? (found.data as SavedWork<R>) : null;
}

/** What is wrong with the entry under `key` when one is stored but readWork refuses it, else null. */
export function damagedWork(key: string, storage: Storage | null = safeStorage()): string | null {
  return parse(key, storage)?.problem ?? null;
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
