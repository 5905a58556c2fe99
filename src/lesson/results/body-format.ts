/**
 * How a response body is shown: as text when it decodes, pretty JSON when it parses, hex otherwise.
 * A body can be any size the app returns, so nothing here reads more than it shows: text is judged
 * and decoded from a prefix, JSON is formatted only up to JSON_FORMAT_MAX bytes (the page's main
 * thread must never spend long on one body). Pure functions, unit-tested in
 * tests/unit/editor-results-format.test.ts.
 */
export type BodyView = 'text' | 'json' | 'hex';

/** Bytes judged and shown at first; each "Show more" adds SHOW_MORE. */
export const FIRST_BYTES = 32 * 1024;
export const SHOW_MORE = 256 * 1024;
/** Bodies up to this size are parsed and pretty-printed as JSON; larger ones are shown as text. */
export const JSON_FORMAT_MAX = 1_000_000;

const CONTROL = /[\u0000-\u0008\u000e-\u001f]/;

/**
 * The first `limit` bytes as UTF-8 text (a character cut at the end is left for the next part), or
 * null when they are not text. Judges the whole body by its prefix: cheap whatever its size.
 */
export function textPrefix(body: Uint8Array, limit = FIRST_BYTES): string | null {
  try {
    const decoder = new TextDecoder('utf-8', { fatal: true });
    const text = body.length <= limit ? decoder.decode(body) : decoder.decode(body.subarray(0, limit), { stream: true });
    return CONTROL.test(text) ? null : text;
  } catch {
    return null;
  }
}

/** The body as UTF-8 text, or null when it is not valid UTF-8 (or holds control bytes). */
export function bodyText(body: Uint8Array): string | null {
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(body);
    return CONTROL.test(text) ? null : text;
  } catch {
    return null;
  }
}

/** Pretty JSON (2-space indent), or null when the text is not JSON. */
export function prettyJson(text: string): string | null {
  try {
    return JSON.stringify(JSON.parse(text), null, 2);
  } catch {
    return null;
  }
}

/** Hex dump lines for bytes [start, end): offset, 16 bytes in hex, and their printable ASCII. */
export function hexLines(bytes: Uint8Array, start: number, end: number): string {
  const lines: string[] = [];
  for (let offset = start; offset < Math.min(end, bytes.length); offset += 16) {
    const row = bytes.subarray(offset, Math.min(offset + 16, end, bytes.length));
    const hex = [...row].map((b) => b.toString(16).padStart(2, '0')).join(' ');
    const ascii = [...row].map((b) => (b >= 0x20 && b < 0x7f ? String.fromCharCode(b) : '.')).join('');
    lines.push(`${offset.toString(16).padStart(8, '0')}  ${hex.padEnd(47)}  ${ascii}`);
  }
  return lines.join('\n');
}

/** A hex dump of the first `limit` bytes, and how many more there are. */
export function hexDump(bytes: Uint8Array, limit = 4096): string {
  const dump = hexLines(bytes, 0, limit);
  return bytes.length > limit ? `${dump}\n… ${bytes.length - limit} more bytes` : dump;
}

/** The body as pretty JSON when it is small enough to format here and parses, else null. */
export function bodyJson(body: Uint8Array): string | null {
  if (body.length > JSON_FORMAT_MAX) return null;
  const text = bodyText(body);
  return text === null ? null : prettyJson(text);
}

/** The best first view for a body with this Content-Type (judged from a prefix: any size is cheap). */
export function defaultView(body: Uint8Array, contentType: string | null): BodyView {
  if (textPrefix(body) === null) return 'hex';
  if ((contentType ?? '').includes('json') && bodyJson(body) !== null) return 'json';
  return 'text';
}

/** Bytes as text where every byte maps to one character (latin-1), the way HTTP heads are read. */
export function latin1(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 8192) out += String.fromCharCode(...bytes.subarray(i, i + 8192));
  return out;
}
