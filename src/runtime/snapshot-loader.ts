/**
 * The build's memory snapshot in the browser (issue 9): gunzipped as it streams in and rebuilt
 * into Python's memory (snapshot-pages.ts). The gunzip is most of the work, so the plain container
 * is kept in Cache Storage, keyed by the snapshot's ETag: a returning reader's worker skips it.
 */
import { decodePages } from './snapshot-pages.ts';
import { mark } from './marks.ts';

/** One entry at most: the container of the snapshot this site serves now. */
const MEMORY_CACHE = 'wsgi-python-memory';

/** Download progress: the bytes a download will bring, then each chunk as it arrives. */
export interface DownloadMeter { expect(bytes: number): void; add(bytes: number): void }

/** The body with its first chunk put back (every chunk metered), and whether it starts a gzip stream. */
async function peekGzip(body: ReadableStream<Uint8Array>, meter: DownloadMeter): Promise<[ReadableStream<Uint8Array>, boolean]> {
  const reader = body.getReader();
  const first = await reader.read();
  const head = first.value ?? new Uint8Array(0);
  meter.add(head.length);
  const replay = new ReadableStream<Uint8Array>({
    start(controller) { if (head.length) controller.enqueue(head); if (first.done) controller.close(); },
    async pull(controller) {
      const next = await reader.read();
      if (next.done) controller.close(); else { meter.add(next.value.length); controller.enqueue(next.value); }
    },
    cancel(reason) { return reader.cancel(reason); },
  });
  return [replay, head[0] === 0x1f && head[1] === 0x8b];
}

/** The cache key for this snapshot's container, or null when the server gives no version to key it by. */
function cacheKey(res: Response): string | null {
  const version = res.headers.get('etag') ?? res.headers.get('last-modified');
  return version && res.url ? `${res.url}?container=${encodeURIComponent(version)}` : null;
}

async function openCache(): Promise<Cache | null> {
  try { return typeof caches === 'undefined' ? null : await caches.open(MEMORY_CACHE); } catch { return null; }
}

/** The kept container under `key`, if any (storage errors read as "none"). */
async function lookUp(key: string): Promise<Response | undefined> {
  try { return await (await openCache())?.match(key); } catch { return undefined; }
}

/** Keep `container` under `key`, replacing any older snapshot's; storage errors only cost the speed-up. */
async function keep(key: string, container: ReadableStream<Uint8Array>): Promise<void> {
  const cache = await openCache();
  if (!cache) { await container.cancel(); return; }
  try {
    for (const old of await cache.keys()) await cache.delete(old);
    // When it was kept: a later start that reuses it leaves this unchanged (the browser tests check).
    await cache.put(key, new Response(container, { headers: { 'x-kept-at': new Date().toISOString() } }));
  } catch {
    await container.cancel().catch(() => {});
  }
}

/** The snapshot's memory: from the kept container when it matches, else gunzipped (unless the server already did) as it streams in. */
export async function unpackSnapshot(res: Response, meter: DownloadMeter): Promise<Uint8Array> {
  if (!res.body) throw new Error('memory snapshot has no body');
  const key = cacheKey(res);
  const kept = key ? await lookUp(key) : undefined;
  if (kept?.body) {
    void res.body.cancel().catch(() => {});
    try {
      const memory = await decodePages(kept.body);
      mark('python:snapshot-unpacked');
      return memory;
    } catch (err) {
      await (await openCache())?.delete(key!); // a damaged copy: the next start gunzips again
      throw err;
    }
  }
  const length = Number(res.headers.get('content-length'));
  if (!res.headers.get('content-encoding') && length > 0) meter.expect(length);
  const [body, gzipped] = await peekGzip(res.body, meter);
  let plain = gzipped ? body.pipeThrough(new DecompressionStream('gzip') as unknown as ReadableWritablePair<Uint8Array, Uint8Array>) : body;
  if (key) {
    const [used, copy] = plain.tee();
    plain = used;
    void keep(key, copy);
  }
  const memory = await decodePages(plain);
  mark('python:snapshot-unpacked');
  return memory;
}
