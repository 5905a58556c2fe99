/**
 * Export, import and reset of everything the site keeps for the reader: progress, exercise code,
 * the live editors' and the playground's saved work, the theme and the last phase opened. Only the
 * keys known-keys.ts lists travel, each checked against its shape; an import is planned first
 * (what is added, replaced, refused and why) so the reader confirms before anything is written.
 */
import { keysWithPrefix, readItem, removeItem, writeItem } from './storage.ts';
import { PROGRESS_KEY } from './progress.ts';
import { describeEntry, EDITOR_WORK_PREFIXES, EXERCISE_CODE_PREFIX } from './known-keys.ts';

export { EXERCISE_CODE_PREFIX };
const SITE_PREFIX = 'wsgi-';
const FORMAT = 'wsgi-ground-up/progress';
const MAX_ENTRIES = 500;
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
    if (value !== null && describeEntry(key, value)) entries[key] = value;
  }
  const file: ExportFile = { format: FORMAT, version: 1, exported: now.toISOString(), entries };
  return JSON.stringify(file, null, 2);
}

/** A file name with the date, e.g. wsgi-progress-2026-11-21.json. */
export function exportFileName(now = new Date()): string {
  return `wsgi-progress-${now.toISOString().slice(0, 10)}.json`;
}

export interface ImportPlan {
  /** Entries that add or change something, with what they are in words. */
  changes: { key: string; label: string; action: 'add' | 'replace' }[];
  /** Entries equal to what is stored already. */
  same: number;
  /** Entries not imported, with the reason. */
  refused: { key: string; reason: string }[];
  values: Record<string, string>;
}

/** What importing `text` would do, nothing written yet; throws an Error in plain words when it is not a progress file. */
export function planImport(text: string): ImportPlan {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new Error('This file is not JSON. Choose a file made by “Export progress”.');
  }
  const file = data as Partial<ExportFile> | null;
  if (!file || file.format !== FORMAT || typeof file.entries !== 'object' || file.entries === null || Array.isArray(file.entries)) {
    throw new Error('This JSON file was not made by “Export progress” on this site.');
  }
  if (file.version !== 1) throw new Error(`This file has version ${String(file.version)}; this site reads version 1.`);
  const all = Object.entries(file.entries);
  if (all.length > MAX_ENTRIES) throw new Error(`This file has ${all.length} entries; a progress file has at most ${MAX_ENTRIES}.`);
  const plan: ImportPlan = { changes: [], same: 0, refused: [], values: {} };
  for (const [key, value] of all) {
    const known = describeEntry(key, value);
    if (!known) { plan.refused.push({ key, reason: 'not something this site keeps for you' }); continue; }
    if (known.problem) { plan.refused.push({ key, reason: `${known.label}: ${known.problem}` }); continue; }
    const current = readItem(key);
    plan.values[key] = value as string;
    if (current === value) plan.same++;
    else plan.changes.push({ key, label: known.label, action: current === null ? 'add' : 'replace' });
  }
  return plan;
}

/** Writes a confirmed plan; returns how many entries were written, or throws when storage refused some. */
export function applyImport(plan: ImportPlan): number {
  const entries = Object.entries(plan.values);
  let kept = 0;
  for (const [key, value] of entries) if (writeItem(key, value)) kept++;
  if (kept < entries.length) throw new Error('Storage refused part of the file (private mode or full storage); it is kept only until you leave this page.');
  return kept;
}

/** Plans and writes at once (tests and tools); returns how many entries were written. */
export function importText(text: string): number {
  return applyImport(planImport(text));
}

/** How many editor and playground entries are kept: what "also clear my edits" would remove. */
export function editorWorkCount(): number {
  return EDITOR_WORK_PREFIXES.flatMap((prefix) => keysWithPrefix(prefix)).length;
}

/** Clears progress, exercise code and the continue link; with `editorWork`, the editors' and playground's work too. The theme stays. */
export function resetProgress({ editorWork = false } = {}): void {
  const prefixes = [EXERCISE_CODE_PREFIX, ...(editorWork ? EDITOR_WORK_PREFIXES : [])];
  for (const key of [...RESET_KEYS, ...prefixes.flatMap((prefix) => keysWithPrefix(prefix))]) removeItem(key);
}
