/**
 * The snapshot's unpacked container, kept in the page's Cache Storage by its ETag (the warm start):
 * a returning reader's worker rebuilds Python's memory from it without gunzipping the download again.
 * Site-side only (the page, or the file worker of python-files.ts): the sandboxed worker cannot open
 * Cache Storage, and must not be able to.
 */

/** One entry at most: the container of the snapshot this site serves now. */
export const MEMORY_CACHE = 'wsgi-python-memory';

/** The cache key for this snapshot's container, or null when the server gives no version to key it by. */
export function snapshotKey(res: Response): string | null {
  const version = res.headers.get('etag') ?? res.headers.get('last-modified');
  return version && res.url ? `${res.url}?container=${encodeURIComponent(version)}` : null;
}

async function openCache(): Promise<Cache | null> {
  try { return typeof caches === 'undefined' ? null : await caches.open(MEMORY_CACHE); } catch { return null; }
}

/** The kept container's body under `key`, if any (storage errors read as "none"). */
export async function keptContainer(key: string): Promise<ReadableStream<Uint8Array> | null> {
  try { return (await (await openCache())?.match(key))?.body ?? null; } catch { return null; }
}

/** Keep `container` under `key`, replacing any older snapshot's; storage errors only cost the speed-up. */
export async function keepContainer(key: string, container: ReadableStream<Uint8Array>): Promise<void> {
  const cache = await openCache();
  if (!cache) { await container.cancel().catch(() => {}); return; }
  try {
    for (const old of await cache.keys()) await cache.delete(old);
    // When it was kept: a later start that reuses it leaves this unchanged (the browser tests check).
    await cache.put(key, new Response(container, { headers: { 'x-kept-at': new Date().toISOString() } }));
  } catch {
    await container.cancel().catch(() => {});
  }
}

/** Forget every kept container (one failed to start Python: the next start gunzips the download). */
export async function forgetKeptContainers(): Promise<void> {
  try { if (typeof caches !== 'undefined') await caches.delete(MEMORY_CACHE); } catch { /* nothing kept to forget */ }
}
