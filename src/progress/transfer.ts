/**
 * Export, import and reset of everything the site keeps for the reader: progress, exercise code,
 * the live editors' saved work and the last phase opened. Every key the site writes starts with
 * "wsgi-", so one prefix finds them all, including keys added by other parts of the site.
 */
import { keysWithPrefix, readItem, removeItem, writeItem } from './storage.ts';
import { PROGRESS_KEY } from './progress.ts';

const SITE_PREFIX = 'wsgi-';
const FORMAT = 'wsgi-ground-up/progress';
/** Exercise code is kept under this prefix + the exercise name. */
export const EXERCISE_CODE_PREFIX = 'wsgi-ground-up:exercise:';
/** What a reset clears: progress, exercise code, and where to continue. The theme and editors' work stay. */
const RESET_KEYS = [PROGRESS_KEY, 'wsgi-last-phase'];

export interface ExportFile {
  format: typeof FORMAT;
  version: 1;
  exported: string;
  entries: Record<string, string>;
}

/** Everything the site stores, as the text of a JSON file. */
export function exportText(now = new Date()): string {
  const entries: Record<string, string> = {};
  for (const key of keysWithPrefix(SITE_PREFIX)) {
    const value = readItem(key);
    if (value !== null) entries[key] = value;
  }
  const file: ExportFile = { format: FORMAT, version: 1, exported: now.toISOString(), entries };
  return JSON.stringify(file, null, 2);
}

/** A file name with the date, e.g. wsgi-progress-2026-11-21.json. */
export function exportFileName(now = new Date()): string {
  return `wsgi-progress-${now.toISOString().slice(0, 10)}.json`;
}

/** Reads an exported file back; returns how many entries were restored, or throws an Error in plain words. */
export function importText(text: string): number {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new Error('This file is not JSON. Choose a file made by “Export progress”.');
  }
  const file = data as Partial<ExportFile> | null;
  if (!file || file.format !== FORMAT || typeof file.entries !== 'object' || file.entries === null) {
    throw new Error('This JSON file was not made by “Export progress” on this site.');
  }
  if (file.version !== 1) throw new Error(`This file has version ${String(file.version)}; this site reads version 1.`);
  const entries = Object.entries(file.entries).filter(([k, v]) => k.startsWith(SITE_PREFIX) && typeof v === 'string');
  let kept = 0;
  for (const [key, value] of entries) if (writeItem(key, value as string)) kept++;
  if (kept < entries.length) throw new Error('Storage refused part of the file (private mode or full storage); it is kept only until you leave this page.');
  return kept;
}

/** Clears progress, exercise code and the continue link; the theme and the live editors' work stay. */
export function resetProgress(): void {
  for (const key of [...RESET_KEYS, ...keysWithPrefix(EXERCISE_CODE_PREFIX)]) removeItem(key);
}
