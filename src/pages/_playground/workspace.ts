/**
 * The playground's work: several files, the request, the server mode and the open file. The reader's
 * own playground and each shared link opened are separate workspaces under separate storage keys,
 * so opening a link can never overwrite the reader's saved work. Saved through saved-work.ts (its
 * revision check keeps two tabs from overwriting each other); `code` holds the files as JSON.
 */
import type { ServerMode, Workspace } from '../../runtime/client.ts';
import type { RequestState } from '../../lesson/composer/request-state.ts';
import { hashText, readWork, writeWork, type SaveOutcome } from '../../lesson/live-editor/saved-work.ts';

export interface PlaygroundState {
  files: Workspace;
  active: string;
  request: RequestState;
  mode: ServerMode;
  appSpec: string;
}

type Extra = { request: RequestState; mode: ServerMode; active: string; appSpec: string };

const MINE = 'wsgi-ground-up:playground:mine';

/** The storage key of the reader's own playground, or of one shared link (by its content). */
export function workspaceKey(sharedFragment: string | null): string {
  return sharedFragment ? `wsgi-ground-up:playground:shared:${hashText(sharedFragment)}` : MINE;
}

/** The saved state under `key` with its revision, or null. */
export function loadState(key: string): { state: PlaygroundState; rev: number } | null {
  const saved = readWork<Extra>(key);
  if (!saved) return null;
  try {
    const files = JSON.parse(saved.code) as Workspace;
    const { request, mode, active, appSpec } = saved.request;
    return { state: { files, request, mode, active: files[active] !== undefined ? active : Object.keys(files)[0], appSpec: appSpec || 'app:app' }, rev: saved.rev };
  } catch {
    return null;
  }
}

/** Save `state` unless another tab saved newer work since `baseRev`. */
export function saveState(key: string, state: PlaygroundState, baseRev: number, force = false): SaveOutcome<Extra> {
  const { files, request, mode, active, appSpec } = state;
  return writeWork<Extra>(key, { code: JSON.stringify(files), request: { request, mode, active, appSpec }, originalHash: '' }, baseRev, { force });
}

/** A new file name that is a valid Python module name and not taken yet, or an error for the reader. */
export function checkFileName(name: string, files: Workspace): string | null {
  if (!/^[A-Za-z_][A-Za-z0-9_]*\.py$/.test(name)) return 'A file name must be a Python module name ending in .py, e.g. helpers.py.';
  if (files[name] !== undefined) return `There is already a file named ${name}.`;
  return null;
}
