/**
 * Whether Python has started in this browser before. Its files are then most likely in
 * the HTTP cache, so a returning reader's page starts Python as soon as its scripts run instead of
 * waiting for the load event and idle time: the first Run finds it ready. First visits still wait,
 * so Python's download never competes with the page's own.
 */
import { safeStorage } from './saved-work.ts';

const KEY = 'wsgi:python-started-before';

export function pythonStartedBefore(): boolean {
  try { return safeStorage()?.getItem(KEY) === '1'; } catch { return false; }
}

export function notePythonStarted(): void {
  try { safeStorage()?.setItem(KEY, '1'); } catch { /* storage full or disabled: the next visit waits, nothing more */ }
}
