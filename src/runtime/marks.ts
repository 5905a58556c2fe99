/** A named point on the worker's performance timeline, read by `npm run bench` to split start-up. */
export function mark(name: string): void {
  globalThis.performance?.mark?.(name);
}
