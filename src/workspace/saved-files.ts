/**
 * Work of several files (the playground) under the one policy of saved-work.ts: version 2 records
 * with `files` as an object, the open file, the request, the server mode and the app spec. A
 * version-1 entry holding the files as JSON in `code` (what the playground wrote before) is read and
 * converted; the next save writes version 2. Kept apart so a lesson page's boot never loads it.
 * Unit-tested in tests/unit/editor-saved-work.test.ts.
 */
import type { ServerMode, Workspace } from '../runtime/client.ts';
import type { RequestState } from '../lesson/composer/index.ts';
import { counterProblem, isRecord, parse, readWith, safeStorage, writeWith, type Format, type SaveOutcome, type WorkBody, type WriteOptions } from './saved-work.ts';
import { describe, filesProblem, modeProblem, requestProblem } from './work-schema.ts';

/** Several files and how to run them (the playground's work). */
export interface SavedFiles {
  v: 2;
  files: Workspace;
  /** The file open in the editor. */
  active: string;
  request: RequestState;
  mode: ServerMode;
  /** "module:callable", as the reader typed it. */
  appSpec: string;
  rev: number;
  savedAt: number;
}

/** The playground's first format, version 1 with the files as JSON in `code`, as version 2 (unchecked). */
function fromFilesInCode(work: Record<string, unknown>): Record<string, unknown> {
  let files: unknown;
  try { files = JSON.parse(String(work.code)); } catch { files = 'unreadable'; }
  const extra = isRecord(work.request) ? work.request : {};
  return { v: 2, files, active: extra.active, request: extra.request, mode: extra.mode, appSpec: extra.appSpec, rev: work.rev, savedAt: work.savedAt };
}

/** What is wrong with a stored several-files entry, or null (a version-1 entry of the old format is judged once converted). */
export function savedFilesProblem(data: unknown): string | null {
  if (!isRecord(data)) return `the entry is ${describe(data)}, not saved work.`;
  if (data.v === 1 && typeof data.code === 'string') return savedFilesProblem(fromFilesInCode(data));
  if (data.v !== 2) return `it has version ${describe(data.v)}; this site reads version 2.`;
  if (typeof data.files === 'string') return 'its files are not readable.';
  // The app spec is whatever the reader typed: kept as text, quoted wherever it is shown.
  if (data.appSpec !== undefined && (typeof data.appSpec !== 'string' || data.appSpec.length > 200)) return `appSpec is ${describe(data.appSpec)}; it should be module:callable.`;
  return counterProblem(data) ?? filesProblem(data.files) ?? requestProblem(data.request) ?? modeProblem(data.mode);
}

const FILES: Format<SavedFiles> = {
  problem: savedFilesProblem,
  upgrade(data) {
    const work = (data as { v: number }).v === 1 ? fromFilesInCode(data as Record<string, unknown>) : data as Record<string, unknown>;
    const files = work.files as Workspace;
    const active = typeof work.active === 'string' && Object.hasOwn(files, work.active) ? work.active : Object.keys(files)[0];
    return { ...work, active, appSpec: (work.appSpec as string | undefined) || 'app:app' } as unknown as SavedFiles;
  },
};

/** The several-files work under `key` (an entry of the old format converted), or null. */
export function readFiles(key: string, storage: Storage | null = safeStorage()): SavedFiles | null {
  return readWith(key, storage, FILES);
}

/** Save several files' work if nothing newer than `baseRev` is stored (pass `force` to overwrite anyway). */
export function writeFiles(key: string, work: WorkBody<SavedFiles>, baseRev: number, options: WriteOptions = {}): SaveOutcome<SavedFiles> {
  return writeWith(key, work, baseRev, 2, FILES, options);
}

/** What is wrong with the several-files entry under `key` when one is stored but cannot be read, else null. */
export function damagedFiles(key: string, storage: Storage | null = safeStorage()): string | null {
  return parse(key, storage, FILES as Format<unknown>)?.problem ?? null;
}
