/**
 * A request composed as Chromium composes it for the page's own site (http://localhost): the headers
 * it sends, in its order, for a navigation, a form POST, a sub-resource or a fetch(). Accept-Encoding is
 * left out on purpose: this browser does not decompress, so the app should not compress.
 */

export const APP_ORIGIN = 'http://localhost';
export const APP_HOST = 'localhost';

export type RequestKind = 'document' | 'image' | 'style' | 'script' | 'fetch';

export interface BrowserRequest {
  method: string;
  /** Path and query, e.g. "/login?next=%2F". */
  target: string;
  kind: RequestKind;
  /** The page the request came from (path and query), for Referer; null when typed in the address bar. */
  referrer: string | null;
  body?: Uint8Array;
  contentType?: string;
  /** Headers a page's fetch() set itself (validated by messages.ts). */
  extraHeaders?: [string, string][];
  /** Reload: Chromium asks for a fresh copy (Cache-Control: max-age=0). */
  reload?: boolean;
  /** A click or key press led to it (Sec-Fetch-User). */
  user?: boolean;
}

const ACCEPT: Record<RequestKind, string> = {
  document: 'text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,image/apng,*/*;q=0.8,application/signed-exchange;v=b3;q=0.7',
  image: 'image/avif,image/webp,image/apng,image/svg+xml,image/*,*/*;q=0.8',
  style: 'text/css,*/*;q=0.1',
  script: '*/*',
  fetch: '*/*',
};

const DEST: Record<RequestKind, string> = { document: 'iframe', image: 'image', style: 'style', script: 'script', fetch: 'empty' };

/** The header list, in Chromium's order, for `req` with the jar's Cookie header. */
export function requestHeaders(req: BrowserRequest, cookie: string, userAgent: string): [string, string][] {
  const method = req.method.toUpperCase();
  const hasBody = !['GET', 'HEAD'].includes(method);
  const headers: [string, string][] = [['Host', APP_HOST], ['Connection', 'keep-alive']];
  if (hasBody) headers.push(['Content-Length', String(req.body?.length ?? 0)]);
  if (req.reload && req.kind === 'document') headers.push(['Cache-Control', 'max-age=0']);
  // Chromium sends Origin with every POST (same-origin too) and with a fetch() that is not GET or HEAD.
  if (hasBody) headers.push(['Origin', APP_ORIGIN]);
  if (req.contentType) headers.push(['Content-Type', req.contentType]);
  for (const header of req.extraHeaders ?? []) headers.push(header);
  if (req.kind === 'document') headers.push(['Upgrade-Insecure-Requests', '1']);
  headers.push(['User-Agent', userAgent]);
  if (!req.extraHeaders?.some(([n]) => n.toLowerCase() === 'accept')) headers.push(['Accept', ACCEPT[req.kind]]);
  headers.push(['Sec-Fetch-Site', req.referrer === null && req.kind === 'document' ? 'none' : 'same-origin']);
  headers.push(['Sec-Fetch-Mode', req.kind === 'document' ? 'navigate' : req.kind === 'fetch' ? 'cors' : 'no-cors']);
  if (req.kind === 'document' && req.user) headers.push(['Sec-Fetch-User', '?1']);
  headers.push(['Sec-Fetch-Dest', DEST[req.kind]]);
  // Referrer-Policy strict-origin-when-cross-origin: same origin gets the full URL (no fragment).
  if (req.referrer !== null) headers.push(['Referer', `${APP_ORIGIN}${req.referrer}`]);
  headers.push(['Accept-Language', 'en-US,en;q=0.9']);
  if (cookie) headers.push(['Cookie', cookie]);
  return headers;
}

const encoder = new TextEncoder();

/** The exact bytes sent to the server for `req`. */
export function requestBytes(req: BrowserRequest, cookie: string, userAgent: string): Uint8Array {
  const head = `${req.method.toUpperCase()} ${req.target} HTTP/1.1\r\n`
    + requestHeaders(req, cookie, userAgent).map(([n, v]) => `${n}: ${v}\r\n`).join('') + '\r\n';
  const headBytes = encoder.encode(head);
  const body = req.body ?? new Uint8Array();
  const out = new Uint8Array(headBytes.length + body.length);
  out.set(headBytes);
  out.set(body, headBytes.length);
  return out;
}

/**
 * The app path (path and query) of a URL the page used, or null when it is another origin. The page's
 * URLs resolve against the site's own origin (its frame's base), so that origin and http://localhost
 * both mean the app; the fragment is dropped (it never reaches a server).
 */
export function appTarget(url: string, siteOrigin: string, base = `${APP_ORIGIN}/`): string | null {
  let parsed: URL;
  try { parsed = new URL(url, base); } catch { return null; }
  if (parsed.origin !== siteOrigin && parsed.origin !== APP_ORIGIN) return null;
  return `${parsed.pathname}${parsed.search}`;
}

/** The target of the first line of raw request bytes ("GET /x HTTP/1.1" gives "/x"), or "/". */
export function targetOf(bytes: Uint8Array): { method: string; target: string } {
  const line = new TextDecoder('latin1').decode(bytes.subarray(0, Math.min(bytes.length, 8192))).split('\r\n')[0].split('\n')[0];
  const [method, target] = line.split(' ');
  return { method: method || 'GET', target: target?.startsWith('/') ? target : '/' };
}
