/**
 * Share links: the playground's files, request and server mode in the URL's fragment, compressed
 * with the platform's CompressionStream ('deflate-raw') and written in base64url. The fragment never
 * reaches a server. A link is hostile input: it is inflated in small steps and abandoned past
 * MAX_INFLATED bytes (a few KB of deflate can claim hundreds of MB), then checked field by field
 * (work-schema.ts) before anything uses it. Its id is the SHA-256 of everything decoded, so two
 * different links never share a workspace. Unit-tested in tests/unit/playground-share.test.ts.
 */
import type { ServerMode, Workspace } from '../runtime/client.ts';
import type { RequestState } from '../workspace/index.ts';
import { describe, filesProblem, modeProblem, requestProblem } from '../workspace/pure.ts';

export interface SharedWork {
  v: 1;
  files: Workspace;
  request: RequestState;
  mode: ServerMode;
}

/** The most a link may inflate to; the largest workspace allowed (work-schema.ts) takes well under half. */
export const MAX_INFLATED = 1_000_000;
/** The longest fragment read at all (about what MAX_INFLATED compresses to at worst). */
export const MAX_LINK_CHARS = 1_500_000;
const PARAM = 'share';
/** Input handed to the inflater per step: at deflate's 1032:1 at most ~1 MB comes out of one step. */
const STEP = 1024;

async function deflate(bytes: Uint8Array): Promise<Uint8Array> {
  const out = new Response(new Blob([bytes as BlobPart]).stream().pipeThrough(new CompressionStream('deflate-raw')));
  return new Uint8Array(await out.arrayBuffer());
}

class TooLarge extends Error {}

/** Inflate `bytes`, stopping as soon as more than `limit` bytes came out. */
async function inflate(bytes: Uint8Array, limit: number): Promise<Uint8Array> {
  let at = 0;
  const input = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (at >= bytes.length) { controller.close(); return; }
      controller.enqueue(bytes.slice(at, at + STEP));
      at += STEP;
    },
  }, { highWaterMark: 0 });
  const reader = input.pipeThrough(new DecompressionStream('deflate-raw') as unknown as ReadableWritablePair<Uint8Array, Uint8Array>).getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.length;
    if (size > limit) { await reader.cancel().catch(() => {}); throw new TooLarge(); }
    chunks.push(value);
  }
  const all = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) { all.set(chunk, offset); offset += chunk.length; }
  return all;
}

function toBase64Url(bytes: Uint8Array): string {
  let text = '';
  for (let i = 0; i < bytes.length; i += 8192) text += String.fromCharCode(...bytes.subarray(i, i + 8192));
  return btoa(text).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): Uint8Array {
  const b64 = text.replace(/-/g, '+').replace(/_/g, '/');
  const raw = atob(b64 + '='.repeat((4 - (b64.length % 4)) % 4));
  return Uint8Array.from(raw, (c) => c.charCodeAt(0));
}

async function sha256(bytes: Uint8Array): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes as BufferSource));
  return Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** The fragment ("#share=...") carrying `work`. */
export async function encodeShare(work: SharedWork): Promise<string> {
  const json = new TextEncoder().encode(JSON.stringify(work));
  return `#${PARAM}=${toBase64Url(await deflate(json))}`;
}

/**
 * "Copy share link" in `root`: copies a link to this page carrying `work()` and says so in
 * [data-share-status] (the link itself when the clipboard refuses); the link is also root's data-share-url.
 */
export function wireShare(root: HTMLElement, work: () => SharedWork): void {
  root.querySelector('[data-share]')!.addEventListener('click', async () => {
    const url = `${location.origin}${location.pathname}${await encodeShare(work())}`;
    const status = root.querySelector('[data-share-status]')!;
    try {
      await navigator.clipboard.writeText(url);
      status.textContent = `Share link copied (${url.length} characters). Whoever opens it sees these files as their own copy; nothing runs until they click Run.`;
    } catch {
      status.textContent = url;
    }
    root.dataset.shareUrl = url;
  });
}

/** What is wrong with a decoded link's payload, in plain words, or null. */
export function sharedWorkProblem(data: unknown): string | null {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return `it holds ${describe(data)} instead of a workspace.`;
  const work = data as Record<string, unknown>;
  if (work.v !== 1) return `it was made by a different version of the playground (version ${describe(work.v)}).`;
  const extra = Object.keys(work).filter((k) => !['v', 'files', 'request', 'mode'].includes(k));
  if (extra.length) return `it has fields the playground does not know: ${extra.slice(0, 5).join(', ')}.`;
  return filesProblem(work.files) ?? requestProblem(work.request) ?? modeProblem(work.mode);
}

/**
 * The work in a URL fragment with its id (SHA-256 of the decoded text), or null when there is none.
 * Throws with a reader-facing message when the link is damaged, too large or not a workspace.
 */
export async function decodeShare(hash: string): Promise<{ work: SharedWork; id: string } | null> {
  if (!/(^#?|&)share=/.test(hash)) return null;
  if (hash.length > MAX_LINK_CHARS) {
    throw new Error(`This share link is ${hash.length.toLocaleString('en')} characters long; the playground opens links of up to ${MAX_LINK_CHARS.toLocaleString('en')}.`);
  }
  const value = new URLSearchParams(hash.replace(/^#/, '')).get(PARAM);
  if (!value) return null;
  let bytes: Uint8Array;
  let data: unknown;
  try {
    bytes = await inflate(fromBase64Url(value), MAX_INFLATED);
    data = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch (err) {
    if (err instanceof TooLarge) {
      throw new Error(`This share link unpacks to more than ${MAX_INFLATED / 1_000_000} MB, more than any playground workspace holds, so it was not opened.`);
    }
    throw new Error('This share link is damaged (it may have been cut short when it was copied).');
  }
  const problem = sharedWorkProblem(data);
  if (problem) throw new Error(`This share link cannot be opened: ${problem}`);
  return { work: data as SharedWork, id: await sha256(bytes) };
}
