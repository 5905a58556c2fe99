/**
 * How a response body is shown: as text when it decodes, pretty JSON when it parses, hex otherwise.
 * Pure functions, unit-tested in tests/unit/editor-results-format.test.ts.
 */
export type BodyView = 'text' | 'json' | 'hex';

/** The body as UTF-8 text, or null when it is not valid UTF-8 (or holds control bytes). */
export function bodyText(body: Uint8Array): string | null {
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(body);
    return /[\u0000-\u0008\u000e-\u001f]/.test(text) ? null : text;
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

/** A hex dump: offset, 16 bytes in hex, and their printable ASCII. */
export function hexDump(bytes: Uint8Array, limit = 4096): string {
  const lines: string[] = [];
  const end = Math.min(bytes.length, limit);
  for (let offset = 0; offset < end; offset += 16) {
    const row = bytes.subarray(offset, Math.min(offset + 16, end));
    const hex = [...row].map((b) => b.toString(16).padStart(2, '0')).join(' ');
    const ascii = [...row].map((b) => (b >= 0x20 && b < 0x7f ? String.fromCharCode(b) : '.')).join('');
    lines.push(`${offset.toString(16).padStart(8, '0')}  ${hex.padEnd(47)}  ${ascii}`);
  }
  if (bytes.length > limit) lines.push(`… ${bytes.length - limit} more bytes`);
  return lines.join('\n');
}

/** The best first view for a body with this Content-Type. */
export function defaultView(body: Uint8Array, contentType: string | null): BodyView {
  const text = bodyText(body);
  if (text === null) return 'hex';
  if ((contentType ?? '').includes('json') && prettyJson(text) !== null) return 'json';
  return 'text';
}

/** Bytes as text where every byte maps to one character (latin-1), the way HTTP heads are read. */
export function latin1(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 8192) out += String.fromCharCode(...bytes.subarray(i, i + 8192));
  return out;
}
