import { describe, expect, it } from 'vitest';
import { gzipSync } from 'node:zlib';
import { decodePages, encodePages } from '../../src/runtime/snapshot-pages.ts';

/** Memory with zero pages, non-zero pages and a short last page. */
function sampleMemory(): Uint8Array {
  const memory = new Uint8Array(4096 * 5 + 100);
  memory.fill(7, 4096, 8192);          // page 1
  memory[4096 * 3 + 4095] = 1;         // last byte of page 3
  memory.fill(9, 4096 * 5, 4096 * 5 + 100); // the short last page
  return memory;
}

/** `bytes` cut into chunks of `size`, the way a network stream delivers them. */
function* chunked(bytes: Uint8Array, size: number): Iterable<Uint8Array> {
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
}

describe('memory snapshot pages', () => {
  it('stores only the non-zero pages', () => {
    const packed = encodePages(sampleMemory());
    expect(packed.length).toBe(16 + 1 + 4096 * 2 + 100);
  });

  it.each([1, 7, 16, 1000, 1 << 20])('rebuilds the memory byte for byte from %i-byte chunks', async (size) => {
    const memory = sampleMemory();
    expect(await decodePages(chunked(encodePages(memory), size))).toEqual(memory);
  });

  it('reads a gunzipping stream, as the worker does', async () => {
    const memory = sampleMemory();
    const stream = new Blob([gzipSync(encodePages(memory))]).stream().pipeThrough(new DecompressionStream('gzip'));
    expect(await decodePages(stream as ReadableStream<Uint8Array>)).toEqual(memory);
  });

  it('refuses a truncated snapshot and a foreign file', async () => {
    const packed = encodePages(sampleMemory());
    await expect(decodePages([packed.subarray(0, packed.length - 1)])).rejects.toThrow(/truncated/);
    await expect(decodePages([new Uint8Array(32)])).rejects.toThrow(/not a memory snapshot/);
    await expect(decodePages([packed, new Uint8Array(1)])).rejects.toThrow(/more bytes/);
  });
});
