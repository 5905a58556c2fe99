/**
 * localStorage behind a wrapper that never throws. Private modes, disabled cookies and a full quota
 * make localStorage throw (or be missing); then values live in memory for this page, so the reader's
 * answers still count on screen, and one notice says they will not be kept.
 */

const memory = new Map<string, string>();
let problem: string | null = null;
const listeners = new Set<(message: string) => void>();

function store(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null; // reading the property itself throws where storage is disabled
  }
}

function fail(error: unknown): void {
  if (problem) return;
  const full = error instanceof DOMException && error.name === 'QuotaExceededError';
  problem = full
    ? 'Your browser’s storage for this site is full, so progress made now is kept only until you leave the page. Export it to keep a copy.'
    : 'This browser does not let the site store anything (private mode or blocked storage), so progress is kept only until you leave the page. Export it to keep a copy.';
  for (const fn of listeners) fn(problem);
}

/** The value under `key`: what this page wrote if storage failed, else the stored one, else null. */
export function readItem(key: string): string | null {
  if (memory.has(key)) return memory.get(key)!;
  const s = store();
  if (!s) return null;
  try {
    return s.getItem(key);
  } catch (error) {
    fail(error);
    return null;
  }
}

/** Stores `value`; returns false (and raises the notice once) when only memory could keep it. */
export function writeItem(key: string, value: string): boolean {
  const s = store();
  try {
    if (!s) throw new DOMException('localStorage is not available', 'SecurityError');
    s.setItem(key, value);
    memory.delete(key);
    return true;
  } catch (error) {
    memory.set(key, value);
    fail(error);
    return false;
  }
}

/** Removes `key` from storage and memory. */
export function removeItem(key: string): void {
  memory.delete(key);
  try {
    store()?.removeItem(key);
  } catch (error) {
    fail(error);
  }
}

/** Every key (stored or only in memory) that starts with `prefix`. */
export function keysWithPrefix(prefix: string): string[] {
  const keys = new Set([...memory.keys()].filter((k) => k.startsWith(prefix)));
  const s = store();
  try {
    for (let i = 0; s && i < s.length; i++) {
      const key = s.key(i);
      if (key?.startsWith(prefix)) keys.add(key);
    }
  } catch (error) {
    fail(error);
  }
  return [...keys].sort();
}

/** The storage problem in words, or null while storage works. */
export function storageProblem(): string | null {
  return problem;
}

/** Calls `fn` with the notice now if storage already failed, and when it first fails. */
export function onStorageProblem(fn: (message: string) => void): void {
  listeners.add(fn);
  if (problem) fn(problem);
}
