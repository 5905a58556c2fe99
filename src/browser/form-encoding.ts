/**
 * A form's entries encoded as a browser sends them (WHATWG HTML, "form submission"): the
 * application/x-www-form-urlencoded serializer, multipart/form-data with a boundary like Chromium's,
 * and text/plain. Line breaks in names and values become CR LF first, as the form data set does.
 */

/** A file chosen in an <input type=file>: its name, type and bytes. */
export interface FileEntry { filename: string; type: string; bytes: Uint8Array }
export type FormEntry = [name: string, value: string | FileEntry];

const encoder = new TextEncoder();
const crlf = (s: string) => s.replace(/\r\n|\r|\n/g, '\r\n');

/** One name or value as the urlencoded serializer writes it: space is "+", unreserved bytes stay. */
export function urlencode(text: string): string {
  let out = '';
  for (const byte of encoder.encode(text)) {
    const c = String.fromCharCode(byte);
    if (byte === 0x20) out += '+';
    else if (/[A-Za-z0-9*\-._]/.test(c)) out += c;
    else out += `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

/** application/x-www-form-urlencoded: files are sent as their file name, as browsers do. */
export function encodeUrlencoded(entries: FormEntry[]): string {
  return entries.map(([name, value]) => `${urlencode(crlf(name))}=${urlencode(typeof value === 'string' ? crlf(value) : value.filename)}`).join('&');
}

/** A boundary shaped like Chromium's ("----WebKitFormBoundary" and 16 letters or digits). */
export function makeBoundary(random: () => number = Math.random): string {
  const chars = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  let tail = '';
  for (let i = 0; i < 16; i++) tail += chars[Math.floor(random() * chars.length)];
  return `----WebKitFormBoundary${tail}`;
}

// Field names and file names escape " and line breaks the way the HTML standard says (percent-encoded).
const quoted = (s: string) => s.replace(/\n/g, '%0A').replace(/\r/g, '%0D').replace(/"/g, '%22');

/** multipart/form-data body for `entries`, delimited by `boundary`. */
export function encodeMultipart(entries: FormEntry[], boundary: string): Uint8Array {
  const parts: Uint8Array[] = [];
  for (const [name, value] of entries) {
    let head = `--${boundary}\r\nContent-Disposition: form-data; name="${quoted(crlf(name))}"`;
    if (typeof value === 'string') {
      parts.push(encoder.encode(`${head}\r\n\r\n${crlf(value)}\r\n`));
    } else {
      head += `; filename="${quoted(value.filename)}"\r\nContent-Type: ${value.type || 'application/octet-stream'}\r\n\r\n`;
      parts.push(encoder.encode(head), value.bytes, encoder.encode('\r\n'));
    }
  }
  parts.push(encoder.encode(`--${boundary}--\r\n`));
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) { out.set(p, at); at += p.length; }
  return out;
}

/** text/plain: one "name=value" per line, nothing escaped (the standard calls it unreliable). */
export function encodeTextPlain(entries: FormEntry[]): string {
  return entries.map(([name, value]) => `${crlf(name)}=${typeof value === 'string' ? crlf(value) : value.filename}\r\n`).join('');
}

export type Enctype = 'application/x-www-form-urlencoded' | 'multipart/form-data' | 'text/plain';

/** The body and Content-Type a POST form sends. */
export function encodeForm(entries: FormEntry[], enctype: string, boundary = makeBoundary()): { body: Uint8Array; contentType: string } {
  if (enctype === 'multipart/form-data') return { body: encodeMultipart(entries, boundary), contentType: `multipart/form-data; boundary=${boundary}` };
  if (enctype === 'text/plain') return { body: encoder.encode(encodeTextPlain(entries)), contentType: 'text/plain' };
  return { body: encoder.encode(encodeUrlencoded(entries)), contentType: 'application/x-www-form-urlencoded' };
}
