/**
 * A structured request (method, target, headers, body) turned into the exact bytes the server core
 * parses. The page sends bytes either way, so the raw view always shows what the server really read.
 */

export interface HttpRequest {
  method: string;
  /** Path and query, e.g. "/hello?name=Ada". */
  target: string;
  headers?: [string, string][];
  body?: string | Uint8Array;
  /** Defaults to "HTTP/1.1". */
  version?: string;
}

const encoder = new TextEncoder();

function hasHeader(headers: [string, string][], name: string): boolean {
  return headers.some(([n]) => n.toLowerCase() === name);
}

/** The request's bytes; adds `Host: localhost` and a Content-Length for a body when they are missing. */
export function encodeRequest(req: HttpRequest): Uint8Array {
  const body = typeof req.body === 'string' ? encoder.encode(req.body) : (req.body ?? new Uint8Array());
  const headers = [...(req.headers ?? [])];
  if (!hasHeader(headers, 'host')) headers.unshift(['Host', 'localhost']);
  if (body.length > 0 && !hasHeader(headers, 'content-length') && !hasHeader(headers, 'transfer-encoding')) {
    headers.push(['Content-Length', String(body.length)]);
  }
  const head = `${req.method} ${req.target} ${req.version ?? 'HTTP/1.1'}\r\n`
    + headers.map(([n, v]) => `${n}: ${v}\r\n`).join('') + '\r\n';
  const headBytes = encoder.encode(head);
  const out = new Uint8Array(headBytes.length + body.length);
  out.set(headBytes);
  out.set(body, headBytes.length);
  return out;
}
