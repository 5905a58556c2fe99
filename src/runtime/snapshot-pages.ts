/**
 * The memory snapshot's container: Python's 31 MB of wasm memory is about half zero pages,
 * and gunzipping in the worker costs time per output byte, so the build stores only the non-zero
 * pages (then gzips the container) and the worker rebuilds the memory while the bytes stream in.
 *
 * Layout, little-endian: magic "WSNP", version, memory length, page size (u32 each), then one bit
 * per page (1 = stored), then the stored pages in order. The last page may be short.
 */
/** The snapshot's file name in the Pyodide folder, written by the build, fetched by the worker. */
export const SNAPSHOT_FILE = 'snapshot.pages.gz';

const MAGIC = 0x504e5357; // "WSNP"
const VERSION = 1;
const HEADER = 16;
export const PAGE_SIZE = 4096;

/** The container for `memory`: header, page bitmap, non-zero pages. */
export function encodePages(memory: Uint8Array, pageSize = PAGE_SIZE): Uint8Array {
  const pages = Math.ceil(memory.length / pageSize);
  const bitmap = new Uint8Array(Math.ceil(pages / 8));
  const kept: Uint8Array[] = [];
  for (let p = 0; p < pages; p++) {
    const page = memory.subarray(p * pageSize, Math.min(memory.length, (p + 1) * pageSize));
    if (page.some((b) => b !== 0)) {
      bitmap[p >> 3] |= 1 << (p & 7);
      kept.push(page);
    }
  }
  const out = new Uint8Array(HEADER + bitmap.length + kept.reduce((n, k) => n + k.length, 0));
  new Uint32Array(out.buffer, 0, 4).set([MAGIC, VERSION, memory.length, pageSize]);
  out.set(bitmap, HEADER);
  let at = HEADER + bitmap.length;
  for (const k of kept) { out.set(k, at); at += k.length; }
  return out;
}

/** Where each stored byte range goes in the rebuilt memory: [memory offset, length] per stored page. */
function placements(header: DataView, bitmap: Uint8Array): Array<[number, number]> {
  const length = header.getUint32(8, true);
  const pageSize = header.getUint32(12, true);
  const places: Array<[number, number]> = [];
  for (let p = 0; p * pageSize < length; p++) {
    if (bitmap[p >> 3] & (1 << (p & 7))) places.push([p * pageSize, Math.min(pageSize, length - p * pageSize)]);
  }
  return places;
}

/** A stream's chunks (Safari cannot `for await` a ReadableStream). */
async function* chunksOf(stream: ReadableStream<Uint8Array>): AsyncIterable<Uint8Array> {
  const reader = stream.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return;
    yield value;
  }
}

/** Rebuild the memory from the (already gunzipped) container's chunks, as they arrive. */
export async function decodePages(source: Iterable<Uint8Array> | ReadableStream<Uint8Array>): Promise<Uint8Array> {
  const chunks = source instanceof ReadableStream ? chunksOf(source) : source;
  let head = new Uint8Array(0); // header + bitmap, collected until complete
  let memory: Uint8Array | null = null;
  let places: Array<[number, number]> = [];
  let place = 0, within = 0;
  for await (const chunk of chunks) {
    let data = chunk;
    if (!memory) {
      const joined = new Uint8Array(head.length + data.length);
      joined.set(head);
      joined.set(data, head.length);
      head = joined;
      if (head.length < HEADER) continue;
      const view = new DataView(head.buffer, head.byteOffset, HEADER);
      if (view.getUint32(0, true) !== MAGIC || view.getUint32(4, true) !== VERSION) throw new Error('not a memory snapshot (bad magic or version)');
      const pages = Math.ceil(view.getUint32(8, true) / view.getUint32(12, true));
      const headLength = HEADER + Math.ceil(pages / 8);
      if (head.length < headLength) continue;
      places = placements(view, head.subarray(HEADER, headLength));
      memory = new Uint8Array(view.getUint32(8, true));
      data = head.subarray(headLength);
    }
    while (data.length) {
      if (place >= places.length) throw new Error('memory snapshot has more bytes than its page map says');
      const [offset, size] = places[place];
      const n = Math.min(size - within, data.length);
      memory.set(data.subarray(0, n), offset + within);
      data = data.subarray(n);
      within += n;
      if (within === size) { place++; within = 0; }
    }
  }
  if (!memory || place !== places.length) throw new Error('memory snapshot is truncated');
  return memory;
}
