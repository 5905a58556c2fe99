/**
 * Share links: the playground's files, request and server mode in the URL's fragment, compressed
 * with the platform's CompressionStream ('deflate-raw') and written in base64url. The fragment never
 * reaches a server. Unit-tested in tests/unit/playground-share.test.ts (Node has the same streams).
 */
import type { ServerMode, Workspace } from '../../runtime/client.ts';
import type { RequestState } from '../../lesson/composer/request-state.ts';

export interface SharedWork {
  v: 1;
  files: Workspace;
  request: RequestState;
  mode: ServerMode;
}

const PARAM = 'share';

async function pipe(bytes: Uint8Array, stream: CompressionStream | DecompressionStream): Promise<Uint8Array> {
  const out = new Response(new Blob([bytes as BlobPart]).stream().pipeThrough(stream));
  return new Uint8Array(await out.arrayBuffer());
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

/** The fragment ("#share=...") carrying `work`. */
export async function encodeShare(work: SharedWork): Promise<string> {
  const json = new TextEncoder().encode(JSON.stringify(work));
  return `#${PARAM}=${toBase64Url(await pipe(json, new CompressionStream('deflate-raw')))}`;
}

/** The work in a URL fragment, or null when there is none. Throws with a reader-facing message when it is damaged. */
export async function decodeShare(hash: string): Promise<SharedWork | null> {
  const value = new URLSearchParams(hash.replace(/^#/, '')).get(PARAM);
  if (!value) return null;
  let data: SharedWork;
  try {
    const json = await pipe(fromBase64Url(value), new DecompressionStream('deflate-raw'));
    data = JSON.parse(new TextDecoder().decode(json)) as SharedWork;
  } catch {
    throw new Error('This share link is damaged (it may have been cut short when it was copied).');
  }
  if (data?.v !== 1 || typeof data.files !== 'object' || !Object.values(data.files).every((s) => typeof s === 'string')) {
    throw new Error('This share link was made by a different version of the playground and cannot be opened.');
  }
  return data;
}
