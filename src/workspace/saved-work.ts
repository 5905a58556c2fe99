/**
 * The one storage policy for a reader's work, whatever the surface: kept in localStorage as they
 * type, with a revision number so two tabs never overwrite each other's newer work (a save based on
 * an older revision is refused and reported as a conflict). Two record formats share it:
 * - version 1, one file: `code`, the composed `request` (null for surfaces without one), the hash of
 *   the lesson's original and the code before the last Reset (LiveEditor, Exercise, ConcurrencyView);
 * - version 2, several files (the playground): saved-files.ts, on the same policy.
 * Exercises once kept their code as plain text: such an entry reads as version 1.
 * Pure storage logic, no DOM: unit-tested in tests/unit/editor-saved-work.test.ts. A browser without
 * working storage gets `ok: false`. An entry is checked on every read (it may have been edited by
 * hand, imported, or written by an older site): one that is not saved work reads as nothing, and
 * `damagedWork` says what is wrong.
 */
import { describe, requestProblem } from './work-schema.ts';

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

export type Stored = { v: number; rev: number; savedAt: number };
/** What a surface saves: a record without the fields the policy fills in. */
export type WorkBody<T extends Stored> = Omit<T, 'v' | 'rev' | 'savedAt'>;

export type SaveOutcome<T> =
  | { ok: true; rev: number }
  | { ok: false; reason: 'conflict'; newer: T }
  | { ok: false; reason: 'unavailable'; message: string };

const PREFIX = 'wsgi-ground-up:editor:';
/** Exercise code is kept under this prefix + the exercise name. */
export const EXERCISE_PREFIX = 'wsgi-ground-up:exercise:';

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

export const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

export function counterProblem(work: Record<string, unknown>): string | null {
  if (typeof work.rev !== 'number' || !Number.isSafeInteger(work.rev) || work.rev < 0) return `rev is ${describe(work.rev)}; it should be a count of saves.`;
  if (work.savedAt !== undefined && typeof work.savedAt !== 'number') return `savedAt is ${describe(work.savedAt)}; it should be a time.`;
  return null;
}

/** What is wrong with a stored entry under `key`, or null when it is a one-file saved work (editors' requests checked too). */
export function savedWorkProblem(data: unknown, key = ''): string | null {
  if (!isRecord(data)) return `the entry is ${describe(data)}, not saved work.`;
  if (data.v !== 1) return `it has version ${describe(data.v)}; this site reads version 1.`;
  if (typeof data.code !== 'string') return `code is ${describe(data.code)}; it should be text.`;
  for (const field of ['originalHash', 'resetFrom'] as const) {
    if (data[field] !== undefined && typeof data[field] !== 'string') return `${field} is ${describe(data[field])}; it should be text.`;
  }
  const counter = counterProblem(data);
  if (counter) return counter;
  // A live editor keeps its composed request (null or absent for a script editor or a code panel).
  if (key.startsWith(PREFIX) && data.request !== null && data.request !== undefined) return requestProblem(data.request);
  return null;
}

/** How one record format is checked and brought up to date when read. */
export interface Format<T> { problem(data: unknown, key: string): string | null; upgrade(data: unknown): T }

const ONE_FILE: Format<SavedWork> = {
  problem: savedWorkProblem,
  upgrade: (data) => data as SavedWork,
};

/** An exercise's code once kept as plain text: read as a version-1 record at revision 0. */
function legacyExercise(key: string, raw: string): SavedWork | null {
  if (!key.startsWith(EXERCISE_PREFIX)) return null;
  try {
    const data = JSON.parse(raw) as unknown;
    if (isRecord(data) && 'v' in data) return null; // a record: judged as one
  } catch { /* plain text: the old format */ }
  return { v: 1, code: raw, request: null, rev: 0, savedAt: 0, originalHash: '' };
}

export function parse(key: string, storage: Storage | null, format: Format<unknown>): { data: unknown; problem: string | null } | null {
  try {
    const raw = storage?.getItem(key);
    if (!raw) return null;
    const legacy = format === ONE_FILE ? legacyExercise(key, raw) : null;
    if (legacy) return { data: legacy, problem: null };
    let data: unknown;
    try { data = JSON.parse(raw); } catch { return { data: null, problem: 'the entry is not readable (not JSON).' }; }
    return { data, problem: format.problem(data, key) };
  } catch {
    return null;
  }
}

export function readWith<T>(key: string, storage: Storage | null, format: Format<T>): T | null {
  const found = parse(key, storage, format as Format<unknown>);
  return found && !found.problem ? format.upgrade(found.data) : null;
}

export function writeWith<T extends Stored>(
  key: string, body: WorkBody<T>, baseRev: number, version: T['v'], format: Format<T>,
  { force = false, storage = safeStorage(), now = Date.now() }: WriteOptions,
): SaveOutcome<T> {
  if (!storage) return { ok: false, reason: 'unavailable', message: 'This browser does not allow this site to store data.' };
  const current = readWith(key, storage, format);
  if (current && current.rev > baseRev && !force) return { ok: false, reason: 'conflict', newer: current };
  const rev = Math.max(current?.rev ?? 0, baseRev) + 1;
  const record = { v: version, ...body, rev, savedAt: now } as Record<string, unknown>;
  for (const [field, value] of Object.entries(record)) if (value === undefined) delete record[field];
  try {
    storage.setItem(key, JSON.stringify(record));
    return { ok: true, rev };
  } catch (err) {
    return { ok: false, reason: 'unavailable', message: `Storage is full or blocked (${(err as Error).name}).` };
  }
}

export interface WriteOptions { force?: boolean; storage?: Storage | null; now?: number }

/** The one-file saved work under `key`, or null (nothing saved, damaged, or storage disabled). */
export function readWork<R>(key: string, storage: Storage | null = safeStorage()): SavedWork<R> | null {
  return readWith(key, storage, ONE_FILE) as SavedWork<R> | null;
}

/** Save one file's `work` if nothing newer than `baseRev` is stored (pass `force` to overwrite anyway). */
export function writeWork<R>(key: string, work: WorkBody<SavedWork<R>>, baseRev: number, options: WriteOptions = {}): SaveOutcome<SavedWork<R>> {
  return writeWith(key, work, baseRev, 1, ONE_FILE as Format<SavedWork<R>>, options);
}

/** What is wrong with the entry under `key` when one is stored but cannot be read, else null. */
export function damagedWork(key: string, storage: Storage | null = safeStorage()): string | null {
  return parse(key, storage, ONE_FILE as Format<unknown>)?.problem ?? null;
}

/** The revision of whatever is stored under `key` (readable or not), 0 when nothing is. */
export function storedRev(key: string, storage: Storage | null = safeStorage()): number {
  try {
    const data = JSON.parse(storage?.getItem(key) ?? 'null') as unknown;
    return isRecord(data) && typeof data.rev === 'number' && Number.isSafeInteger(data.rev) ? data.rev : 0;
  } catch {
    return 0;
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
