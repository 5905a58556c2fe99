/**
 * The request a reader composes: a form (method, path and query, headers, body) or raw HTTP they
 * type themselves. Conversions to the exact bytes sent, to raw text and to a curl command.
 * Pure functions, unit-tested in tests/unit/editor-request-state.test.ts.
 */
import { encodeRequest } from '../../runtime/http-request.ts';

export interface RequestState {
  mode: 'form' | 'raw';
  method: string;
  target: string;
  headers: [string, string][];
  body: string;
  raw: string;
  /** After the request the client closes its sending side (half-close); absent: the connection stays open. */
  halfClose?: boolean;
}

/** A request an author gives a LiveEditor: "POST /notes" or the full object, optionally labelled. */
export type RequestPreset = string | { label?: string; method?: string; target?: string; headers?: [string, string][] | Record<string, string>; body?: string };

/** A preset made into a full state (a string is "METHOD /target"). */
export function fromPreset(preset: RequestPreset | undefined): RequestState {
  let p: Exclude<RequestPreset, string>;
  if (typeof preset === 'string') {
    const [method, target] = preset.trim().split(/\s+/, 2);
    p = { method, target };
  } else {
    p = preset ?? {};
  }
  const headers: [string, string][] = Array.isArray(p.headers) ? p.headers : Object.entries(p.headers ?? {});
  const state: RequestState = {
    mode: 'form', method: (p.method || 'GET').toUpperCase(), target: p.target || '/',
    headers: headers.map(([n, v]) => [String(n), String(v)]), body: p.body ?? '', raw: '',
  };
  state.raw = toRawText(state);
  return state;
}

/** The label shown for a preset. */
export function presetLabel(preset: RequestPreset): string {
  if (typeof preset === 'string') return preset;
  return preset.label ?? `${(preset.method ?? 'GET').toUpperCase()} ${preset.target ?? '/'}`;
}

/** The bytes the server will read. Raw text: its head's line ends become CR LF, the body stays as typed.
 * A request whose head declares no body (no Content-Length, no Transfer-Encoding) has none, so text
 * after it is the next request on the same connection (pipelining), written the same way. */
export function requestBytes(state: RequestState): Uint8Array {
  if (state.mode === 'raw') return new TextEncoder().encode(rawRequests(state.raw.replace(/\r\n/g, '\n')));
  return encodeRequest({
    method: state.method.trim() || 'GET', target: state.target.trim() || '/',
    headers: state.headers.filter(([n]) => n.trim()).map(([n, v]) => [n.trim(), v]), body: state.body,
  });
}

/** Raw request text (LF line ends) as the bytes sent: each head in CR LF, requests one after another. */
function rawRequests(text: string): string {
  const split = text.indexOf('\n\n');
  const head = (split < 0 ? text.replace(/\n*$/, '') : text.slice(0, split)).split('\n').join('\r\n');
  const rest = split < 0 ? '' : text.slice(split + 2);
  const framed = /^(content-length|transfer-encoding)\s*:/im.test(head.split('\r\n').slice(1).join('\n'));
  if (framed || !rest.trim()) return `${head}\r\n\r\n${rest}`;
  return `${head}\r\n\r\n${rawRequests(rest)}`;
}

/** The form's request as raw HTTP text (LF line ends, for a textarea). */
export function toRawText(state: RequestState): string {
  return new TextDecoder().decode(requestBytes({ ...state, mode: 'form' })).replace(/\r\n/g, '\n');
}

/** Raw HTTP text read back into method, target, headers and body (best effort, for the form). */
export function parseRawText(raw: string): Pick<RequestState, 'method' | 'target' | 'headers' | 'body'> {
  const text = raw.replace(/\r\n/g, '\n');
  const split = text.indexOf('\n\n');
  const [line = '', ...fields] = (split < 0 ? text : text.slice(0, split)).split('\n');
  const [method = 'GET', target = '/'] = line.trim().split(/\s+/);
  const headers = fields.filter((f) => f.includes(':')).map((f) => {
    const at = f.indexOf(':');
    return [f.slice(0, at).trim(), f.slice(at + 1).trim()] as [string, string];
  });
  return { method, target, headers, body: split < 0 ? '' : text.slice(split + 2) };
}

const quote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;

/** A curl command sending the same request to a real server on localhost:8000. */
export function toCurl(state: RequestState, origin = 'http://localhost:8000'): string {
  const req = state.mode === 'raw' ? parseRawText(state.raw) : state;
  const parts = ['curl', '-i'];
  const method = req.method.toUpperCase();
  if (method === 'HEAD') parts.push('--head');
  else if (method !== 'GET' || req.body) parts.push('-X', method);
  parts.push(quote(origin + (req.target.startsWith('/') ? req.target : `/${req.target}`)));
  for (const [name, value] of req.headers) {
    // curl writes Host and Content-Length itself, from the URL and the data.
    if (/^(host|content-length)$/i.test(name.trim()) || !name.trim()) continue;
    parts.push('-H', quote(`${name.trim()}: ${value}`));
  }
  if (req.body) parts.push('--data-binary', quote(req.body));
  return parts.join(' ');
}
