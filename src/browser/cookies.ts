/**
 * The browser's cookie jar for its one site, http://localhost (RFC 6265bis as Chromium applies it):
 * Set-Cookie with Path (default: the request path's directory), Expires and Max-Age (Max-Age wins;
 * zero or less deletes), Domain (only localhost itself), Secure (Chromium treats http://localhost as
 * secure), HttpOnly and SameSite. Every request here is same-site, so SameSite never withholds a cookie,
 * but SameSite=None without Secure is rejected as Chromium does. Bounded like Chromium's per-domain store.
 */

export interface Cookie {
  name: string;
  value: string;
  path: string;
  /** Milliseconds since the epoch; null for a session cookie. */
  expires: number | null;
  httpOnly: boolean;
  secure: boolean;
  sameSite: 'Strict' | 'Lax' | 'None' | null;
  created: number;
}

/** Chromium keeps at most 180 cookies per domain; name and value together at most 4096 bytes. */
export const MAX_COOKIES = 180;
const MAX_PAIR = 4096;
export const HOST = 'localhost';

/** The default Path of a cookie set by a response to `path` (RFC 6265bis 5.1.4). */
export function defaultPath(path: string): string {
  const pathname = path.split('?')[0];
  if (!pathname.startsWith('/')) return '/';
  const last = pathname.lastIndexOf('/');
  return last <= 0 ? '/' : pathname.slice(0, last);
}

/** Whether a cookie with `cookiePath` goes with a request for `path` (path-match). */
export function pathMatches(cookiePath: string, path: string): boolean {
  const pathname = path.split('?')[0] || '/';
  if (pathname === cookiePath) return true;
  if (!pathname.startsWith(cookiePath)) return false;
  return cookiePath.endsWith('/') || pathname[cookiePath.length] === '/';
}

/** One Set-Cookie header as a cookie, or the reason a browser would ignore it. */
export function parseSetCookie(header: string, requestPath: string, now: number): Cookie | { rejected: string } {
  const [pair, ...attrs] = header.split(';');
  const eq = pair.indexOf('=');
  const name = (eq < 0 ? '' : pair.slice(0, eq)).trim();
  const value = (eq < 0 ? pair : pair.slice(eq + 1)).trim();
  if (!name && !value) return { rejected: 'it has no name and no value' };
  if (name.length + value.length > MAX_PAIR) return { rejected: 'its name and value are longer than 4096 bytes' };
  const cookie: Cookie = { name, value, path: defaultPath(requestPath), expires: null, httpOnly: false, secure: false, sameSite: null, created: now };
  let maxAge: number | null = null;
  for (const attr of attrs) {
    const at = attr.indexOf('=');
    const key = (at < 0 ? attr : attr.slice(0, at)).trim().toLowerCase();
    const val = at < 0 ? '' : attr.slice(at + 1).trim();
    if (key === 'path') cookie.path = val.startsWith('/') ? val : defaultPath(requestPath);
    else if (key === 'expires') { const t = Date.parse(val); if (!Number.isNaN(t)) cookie.expires = t; }
    else if (key === 'max-age') { if (/^-?\d+$/.test(val)) maxAge = Number(val); }
    else if (key === 'domain') {
      const domain = val.replace(/^\./, '').toLowerCase();
      if (domain && domain !== HOST) return { rejected: `its Domain=${val} is not this site (${HOST})` };
    } else if (key === 'secure') cookie.secure = true;
    else if (key === 'httponly') cookie.httpOnly = true;
    else if (key === 'samesite') {
      const v = val.toLowerCase();
      cookie.sameSite = v === 'strict' ? 'Strict' : v === 'none' ? 'None' : 'Lax';
    }
  }
  if (maxAge !== null) cookie.expires = maxAge <= 0 ? 0 : now + maxAge * 1000;
  if (cookie.sameSite === 'None' && !cookie.secure) return { rejected: 'SameSite=None needs Secure' };
  if (name.startsWith('__Secure-') && !cookie.secure) return { rejected: 'a __Secure- cookie needs Secure' };
  if (name.startsWith('__Host-') && (!cookie.secure || cookie.path !== '/' || /;\s*domain=/i.test(header))) return { rejected: 'a __Host- cookie needs Secure, Path=/ and no Domain' };
  return cookie;
}

/** The cookies of one browser tab. */
export class CookieJar {
  private cookies: Cookie[] = [];

  /** Store the Set-Cookie headers of a response to `path`; returns the reasons of any it ignored. */
  receive(setCookies: string[], path: string, now = Date.now()): string[] {
    const ignored: string[] = [];
    for (const header of setCookies) {
      const parsed = parseSetCookie(header, path, now);
      if ('rejected' in parsed) { ignored.push(`${header.slice(0, 80)}: ${parsed.rejected}`); continue; }
      const old = this.cookies.findIndex((c) => c.name === parsed.name && c.path === parsed.path);
      if (old >= 0) { parsed.created = this.cookies[old].created; this.cookies.splice(old, 1); }
      if (parsed.expires !== null && parsed.expires <= now) continue; // an expiry in the past deletes
      this.cookies.push(parsed);
      // Chromium evicts the least recently used; here the oldest goes first.
      if (this.cookies.length > MAX_COOKIES) this.cookies.sort((a, b) => a.created - b.created).shift();
    }
    return ignored;
  }

  /** The Cookie header for a request to `path` ("" when none): longer paths first, then older first. */
  header(path: string, now = Date.now()): string {
    this.cookies = this.cookies.filter((c) => c.expires === null || c.expires > now);
    return this.cookies.filter((c) => pathMatches(c.path, path))
      .sort((a, b) => b.path.length - a.path.length || a.created - b.created)
      .map((c) => (c.name ? `${c.name}=${c.value}` : c.value)).join('; ');
  }

  /** Every cookie still alive, for the jar's view. */
  list(now = Date.now()): Cookie[] {
    this.cookies = this.cookies.filter((c) => c.expires === null || c.expires > now);
    return [...this.cookies];
  }

  clear(): void { this.cookies = []; }
}
