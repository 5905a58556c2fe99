/**
 * The playground's work: several files, the request, the server mode and the open file. The reader's
 * own playground and each shared link opened are separate workspaces under separate storage keys,
 * so opening a link can never overwrite the reader's saved work. Saved through saved-work.ts (its
 * revision check keeps two tabs from overwriting each other); `code` holds the files as JSON.
 * What is read back is checked like a share link (work-schema.ts); shared workspaces are bounded in
 * size and number, and listed so the reader can delete them.
 */
import type { ServerMode, Workspace } from '../../runtime/client.ts';
import type { RequestState } from '../../lesson/composer/request-state.ts';
import { clearWork, readWork, safeStorage, writeWork, type SaveOutcome } from '../../lesson/live-editor/saved-work.ts';
import { playgroundEntryProblem } from '../../lesson/work-schema.ts';
import { fileNameProblem } from '../../lesson/workspace-names.ts';

export interface PlaygroundState {
  files: Workspace;
  active: string;
  request: RequestState;
  mode: ServerMode;
  appSpec: string;
}

type Extra = { request: RequestState; mode: ServerMode; active: string; appSpec: string };

const MINE = 'wsgi-ground-up:playground:mine';
export const SHARED_PREFIX = 'wsgi-ground-up:playground:shared:';
/** Shared workspaces kept at once; a new one past this asks the reader to delete one first. */
export const MAX_SHARED = 8;
/** The most one shared workspace may keep in storage, in characters of its saved entry. */
export const MAX_SHARED_CHARS = 300_000;

/** The storage key of the reader's own playground, or of one shared link (by its SHA-256 id). */
export function workspaceKey(sharedId: string | null): string {
  return sharedId ? `${SHARED_PREFIX}${sharedId}` : MINE;
}

/**
 * The saved state under `key` with its revision; null when nothing is saved; `{ damaged }` in words
 * when an entry is there but not a playground's (edited by hand, imported, or from an older site).
 */
export function loadState(key: string): { state: PlaygroundState; rev: number } | { damaged: string; rev: number } | null {
  const saved = readWork<Extra>(key);
  if (!saved) return null;
  const problem = playgroundEntryProblem(saved.code, saved.request);
  if (problem) return { damaged: problem, rev: saved.rev };
  const files = JSON.parse(saved.code) as Workspace;
  const { request, mode, active, appSpec } = saved.request;
  const names = Object.keys(files);
  const open = typeof active === 'string' && Object.hasOwn(files, active) ? active : names[0];
  return { state: { files, request, mode, active: open, appSpec: appSpec || 'app:app' }, rev: saved.rev };
}

/** Save `state` unless another tab saved newer work since `baseRev`; a shared workspace stays within its bounds. */
export function saveState(key: string, state: PlaygroundState, baseRev: number, force = false): SaveOutcome<Extra> {
  const { files, request, mode, active, appSpec } = state;
  const code = JSON.stringify(files);
  if (key.startsWith(SHARED_PREFIX)) {
    const size = code.length + JSON.stringify(request).length;
    if (size > MAX_SHARED_CHARS) {
      return { ok: false, reason: 'unavailable', message: `a shared workspace keeps at most ${MAX_SHARED_CHARS.toLocaleString('en')} characters and this one has ${size.toLocaleString('en')}.` };
    }
    const others = listShared().filter((s) => s.key !== key);
    if (others.length >= MAX_SHARED && !readWork(key)) {
      return { ok: false, reason: 'unavailable', message: `this browser already keeps ${others.length} shared workspaces, the most it keeps. Delete one under “Shared workspaces kept in this browser” to keep this one.` };
    }
  }
  return writeWork<Extra>(key, { code, request: { request, mode, active, appSpec }, originalHash: '' }, baseRev, { force });
}

export interface SharedEntry { key: string; files: string[]; chars: number; savedAt: number }

/** Every shared workspace this browser keeps, newest first. */
export function listShared(storage: Storage | null = safeStorage()): SharedEntry[] {
  const out: SharedEntry[] = [];
  try {
    for (let i = 0; storage && i < storage.length; i++) {
      const key = storage.key(i);
      if (!key?.startsWith(SHARED_PREFIX)) continue;
      const raw = storage.getItem(key) ?? '';
      const saved = readWork<Extra>(key, storage);
      let files: string[] = [];
      try { files = Object.keys(JSON.parse(saved?.code ?? '{}') as object); } catch { /* listed without names, still deletable */ }
      out.push({ key, files, chars: raw.length, savedAt: saved?.savedAt ?? 0 });
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
