/**
 * True when the reader asked to save data or the connection is very slow: Python then starts on the
 * first Run only (src/workspace/runtime.ts), so nothing else has to wait for it (offline-notice.ts).
 */
export function shouldWaitForRun(): boolean {
  const connection = (navigator as { connection?: { saveData?: boolean; effectiveType?: string } }).connection;
  return Boolean(connection?.saveData) || ['slow-2g', '2g'].includes(connection?.effectiveType ?? '');
}
