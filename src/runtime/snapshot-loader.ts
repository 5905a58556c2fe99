/**
 * The build's memory snapshot in the worker: gunzipped as it streams in and rebuilt into
 * Python's memory (snapshot-pages.ts). The gunzip is most of the work, so the unpacked container goes
 * back to the page, which keeps it (sandbox/kept-snapshot.ts) and answers the next start with it.
 */
import { decodePages } from './snapshot-pages.ts';
import { KEPT_HEADER } from './sandbox/file-messages.ts';
import { mark } from './marks.ts';

/** Download progress: the bytes a download will bring, then each chunk as it arrives. */
export interface DownloadMeter { expect(bytes: number): void; add(bytes: number): void }

/** Where an unpacked container goes to be kept for the next start. */
export interface ContainerKeeper { keep(body: ReadableStream<Uint8Array>): void }

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

/** The snapshot's memory: from the page's kept container when it sent one, else gunzipped (unless the
 * server already did) as it streams in, with a copy of the container handed to `keeper`. */
export async function unpackSnapshot(res: Response, meter: DownloadMeter, keeper: ContainerKeeper): Promise<Uint8Array> {
  if (!res.body) throw new Error('memory snapshot has no body');
  if (res.headers.get(KEPT_HEADER)) {
    const memory = await decodePages(res.body);
    mark('python:snapshot-unpacked');
    return memory;
  }
  const length = Number(res.headers.get('content-length'));
  if (!res.headers.get('content-encoding') && length > 0) meter.expect(length);
  const [body, gzipped] = await peekGzip(res.body, meter);
  const plain = gzipped ? body.pipeThrough(new DecompressionStream('gzip') as unknown as ReadableWritablePair<Uint8Array, Uint8Array>) : body;
  const [used, copy] = plain.tee();
  keeper.keep(copy);
  const memory = await decodePages(used);
  mark('python:snapshot-unpacked');
  return memory;
}
