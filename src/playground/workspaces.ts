/**
 * The playground's work: several files, the request, the server mode and the open file, saved under
 * the workspace's one revisioned policy (saved-work.ts, version 2; an entry of the first format, the
 * files as JSON in `code`, is read and converted). The reader's own playground and each shared link
 * opened are separate workspaces under separate storage keys, so opening a link can never overwrite
 * the reader's saved work. Shared workspaces are bounded in size and number, and listed so the reader
 * can delete them.
 */
import {
  clearWork, damagedFiles, fileNameProblem, readFiles, safeStorage, storedRev, writeFiles,
  type SavedFiles, type SaveOutcome, type Workspace,
} from '../workspace/index.ts';

/** What the page works on: a saved entry without its revision. */
export type PlaygroundState = Omit<SavedFiles, 'v' | 'rev' | 'savedAt'>;

const MINE = 'wsgi-ground-up:playground:mine';
export const SHARED_PREFIX = 'wsgi-ground-up:playground:shared:';
/** Shared workspaces kept at once; a new one past this asks the reader to delete one first. */
export const MAX_SHARED = 8;
/** The most one shared workspace may keep in storage, in characters of its files and request. */
export const MAX_SHARED_CHARS = 300_000;

/** The state a saved entry holds. */
export const stateOf = ({ v: _v, rev: _rev, savedAt: _at, ...state }: SavedFiles): PlaygroundState => state;

/** The storage key of the reader's own playground, or of one shared link (by its SHA-256 id). */
export function workspaceKey(sharedId: string | null): string {
  return sharedId ? `${SHARED_PREFIX}${sharedId}` : MINE;
}

/**
 * The saved state under `key` with its revision; null when nothing is saved; `{ damaged }` in words
 * when an entry is there but not a playground's (edited by hand, imported, or from an older site).
 */
export function loadState(key: string): { state: PlaygroundState; rev: number } | { damaged: string; rev: number } | null {
  const saved = readFiles(key);
  if (saved) return { state: stateOf(saved), rev: saved.rev };
  const damaged = damagedFiles(key, safeStorage());
  return damaged ? { damaged, rev: storedRev(key) } : null;
}

/** Save `state` unless another tab saved newer work since `baseRev`; a shared workspace stays within its bounds. */
export function saveState(key: string, state: PlaygroundState, baseRev: number, force = false): SaveOutcome<SavedFiles> {
  if (key.startsWith(SHARED_PREFIX)) {
    const size = JSON.stringify(state.files).length + JSON.stringify(state.request).length;
    if (size > MAX_SHARED_CHARS) {
      return { ok: false, reason: 'unavailable', message: `a shared workspace keeps at most ${MAX_SHARED_CHARS.toLocaleString('en')} characters and this one has ${size.toLocaleString('en')}.` };
    }
    const others = listShared().filter((s) => s.key !== key);
    if (others.length >= MAX_SHARED && storedRev(key) === 0) {
      return { ok: false, reason: 'unavailable', message: `this browser already keeps ${others.length} shared workspaces, the most it keeps. Delete one under “Shared workspaces kept in this browser” to keep this one.` };
    }
  }
  return writeFiles(key, state, baseRev, { force });
}

export interface SharedEntry { key: string; files: string[]; chars: number; savedAt: number }

/** Every shared workspace this browser keeps, newest first. */
export function listShared(storage: Storage | null = safeStorage()): SharedEntry[] {
  const out: SharedEntry[] = [];
  try {
    for (let i = 0; storage && i < storage.length; i++) {
      const key = storage.key(i);
      if (!key?.startsWith(SHARED_PREFIX)) continue;
      const saved = readFiles(key, storage);
      // An unreadable one is listed without names, still deletable.
      out.push({ key, files: Object.keys(saved?.files ?? {}), chars: (storage.getItem(key) ?? '').length, savedAt: saved?.savedAt ?? 0 });
    }
  } catch { /* storage disabled: nothing is kept */ }
  return out.sort((a, b) => b.savedAt - a.savedAt);
}

/** Delete one shared workspace. */
export function deleteShared(key: string): void {
  if (key.startsWith(SHARED_PREFIX)) clearWork(key);
}

/** A new file name that follows the one rule (workspace-names.ts) and is not taken yet, or an error for the reader. */
export function checkFileName(name: string, files: Workspace): string | null {
  const problem = fileNameProblem(name);
  if (problem) return problem;
  if (Object.hasOwn(files, name)) return `There is already a file named ${name}.`;
  return null;
}
