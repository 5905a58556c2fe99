import { describe, expect, it } from 'vitest';
import { CookieJar, defaultPath, parseSetCookie, pathMatches } from '../../src/browser/cookies.ts';
import { encodeForm, encodeMultipart, encodeUrlencoded, makeBoundary } from '../../src/browser/form-encoding.ts';
import { BrowserHistory, mustRefetch } from '../../src/browser/BrowserHistory.ts';
import { readFetch, readNavigate } from '../../src/browser/messages.ts';
import { isRedirect, MAX_REDIRECTS, redirectMethod } from '../../src/browser/redirects.ts';
import { appTarget, requestBytes, requestHeaders, targetOf } from '../../src/browser/request.ts';
import { BrowserSession } from '../../src/browser/session.ts';
import type { RunResult } from '../../src/runtime/client.ts';

const text = (b: Uint8Array) => new TextDecoder().decode(b);
const UA = 'Mozilla/5.0 test';

describe('request composition', () => {
  it('a link click: Chromium order, Referer, no Origin, no body headers', () => {
    const names = requestHeaders({ method: 'GET', target: '/about', kind: 'document', referrer: '/', user: true }, 'a=1', UA).map(([n]) => n);
    expect(names).toEqual(['Host', 'Connection', 'Upgrade-Insecure-Requests', 'User-Agent', 'Accept', 'Sec-Fetch-Site', 'Sec-Fetch-Mode', 'Sec-Fetch-User', 'Sec-Fetch-Dest', 'Referer', 'Accept-Language', 'Cookie']);
  });
  it('a form POST: Content-Length, Origin and Content-Type before the rest, exact bytes', () => {
    const body = new TextEncoder().encode('name=Ada');
    const bytes = text(requestBytes({ method: 'POST', target: '/greet', kind: 'document', referrer: '/', body, contentType: 'application/x-www-form-urlencoded' }, '', UA));
    expect(bytes.startsWith('POST /greet HTTP/1.1\r\nHost: localhost\r\nConnection: keep-alive\r\nContent-Length: 8\r\nOrigin: http://localhost\r\nContent-Type: application/x-www-form-urlencoded\r\n')).toBe(true);
    expect(bytes.endsWith('Referer: http://localhost/\r\nAccept-Language: en-US,en;q=0.9\r\n\r\nname=Ada')).toBe(true);
    expect(bytes).not.toContain('Cookie:');
  });
  it('typed in the address bar: Sec-Fetch-Site none and no Referer; reload asks for a fresh copy', () => {
    const headers = requestHeaders({ method: 'GET', target: '/', kind: 'document', referrer: null, reload: true }, '', UA);
    expect(headers).toContainEqual(['Sec-Fetch-Site', 'none']);
    expect(headers).toContainEqual(['Cache-Control', 'max-age=0']);
    expect(headers.some(([n]) => n === 'Referer')).toBe(false);
  });
  it('app URLs: the site origin and http://localhost are the app, others are not; fragments dropped', () => {
    const site = 'http://127.0.0.1:4321';
    expect(appTarget('http://127.0.0.1:4321/a/b?x=1#top', site)).toBe('/a/b?x=1');
    expect(appTarget('http://localhost/x', site)).toBe('/x');
    expect(appTarget('next', site, 'http://localhost/dir/page')).toBe('/dir/next');
    expect(appTarget('https://evil.example/', site)).toBeNull();
    expect(targetOf(new TextEncoder().encode('POST /form?a=1 HTTP/1.1\r\nHost: x\r\n\r\n'))).toEqual({ method: 'POST', target: '/form?a=1' });
  });
});

describe('form encoding', () => {
  it('urlencoded like a browser: + for space, UTF-8 percent-escapes, CR LF line breaks', () => {
    expect(encodeUrlencoded([['name', 'Ada Lovelace'], ['note', 'a&b=c\nd'], ['é', '✓*-._~']])).toBe('name=Ada+Lovelace&note=a%26b%3Dc%0D%0Ad&%C3%A9=%E2%9C%93*-._%7E');
  });
  it('multipart with a Chromium-shaped boundary, files with their type', () => {
    const boundary = makeBoundary(() => 0);
    expect(boundary).toBe('----WebKitFormBoundaryAAAAAAAAAAAAAAAA');
    const body = text(encodeMultipart([['a', 'x'], ['f', { filename: 'n.txt', type: 'text/plain', bytes: new TextEncoder().encode('hi') }]], 'B'));
    expect(body).toBe('--B\r\nContent-Disposition: form-data; name="a"\r\n\r\nx\r\n--B\r\nContent-Disposition: form-data; name="f"; filename="n.txt"\r\nContent-Type: text/plain\r\n\r\nhi\r\n--B--\r\n');
    expect(encodeForm([], 'multipart/form-data', 'B').contentType).toBe('multipart/form-data; boundary=B');
    expect(encodeForm([['a', 'b']], 'text/plain').contentType).toBe('text/plain');
  });
});

describe('redirects', () => {
  it('method and body rules of the Fetch standard', () => {
    expect(redirectMethod('POST', 302)).toEqual({ method: 'GET', keepBody: false });
    expect(redirectMethod('POST', 301)).toEqual({ method: 'GET', keepBody: false });
    expect(redirectMethod('PUT', 303)).toEqual({ method: 'GET', keepBody: false });
    expect(redirectMethod('HEAD', 303)).toEqual({ method: 'HEAD', keepBody: true });
    expect(redirectMethod('POST', 307)).toEqual({ method: 'POST', keepBody: true });
    expect(redirectMethod('PUT', 301)).toEqual({ method: 'PUT', keepBody: true });
    expect([300, 301, 302, 303, 304, 307, 308].filter(isRedirect)).toEqual([301, 302, 303, 307, 308]);
  });

  const result = (status: string, headers: [string, string][]): RunResult => ({
    server: { status, headers, body: new Uint8Array() } as unknown as RunResult['server'],
    exception: null, notice: null, elapsedMs: 1, stdout: '', stderr: '',
  });

  it('a loop ends at the 20th redirect response; a 307 keeps the POST body; cookies set on the way are kept', async () => {
    const sent: string[] = [];
    const loop = new BrowserSession(async (bytes) => { sent.push(text(bytes)); return result('302 Found', [['Location', '/loop'], ['Set-Cookie', 'seen=1']]); }, UA, 'http://site');
    const out = await loop.go({ method: 'GET', target: '/loop', kind: 'document', referrer: null });
    expect(out.ok).toBe(false);
    expect(sent.length).toBe(MAX_REDIRECTS);
    expect(!out.ok && out.message).toContain('Too many redirects');
    expect(sent[1]).toContain('Cookie: seen=1\r\n');

    const seen: string[] = [];
    const post = new BrowserSession(async (bytes) => {
      seen.push(text(bytes));
      return seen.length === 1 ? result('307 Temporary Redirect', [['Location', '/b']]) : result('200 OK', [['Content-Type', 'text/plain']]);
    }, UA, 'http://site');
    const done = await post.go({ method: 'POST', target: '/a', kind: 'document', referrer: '/', body: new TextEncoder().encode('x=1'), contentType: 'application/x-www-form-urlencoded' });
    expect(done.ok && done.target).toBe('/b');
    expect(seen[1].startsWith('POST /b HTTP/1.1')).toBe(true);
    expect(seen[1].endsWith('\r\n\r\nx=1')).toBe(true);
  });

  it('a redirect to another site is not followed', async () => {
    const s = new BrowserSession(async () => result('302 Found', [['Location', 'https://elsewhere.example/']]), UA, 'http://site');
    const out = await s.go({ method: 'GET', target: '/', kind: 'document', referrer: null });
    expect(!out.ok && out.message).toContain('another site');
    expect(s.log.length).toBe(1);
  });
});

describe('cookies', () => {
  it('default path, path-match, Max-Age over Expires, deletion, order of the Cookie header', () => {
    expect(defaultPath('/a/b/c?x')).toBe('/a/b');
    expect(defaultPath('/a')).toBe('/');
    expect(pathMatches('/a', '/a/b')).toBe(true);
    expect(pathMatches('/a', '/ab')).toBe(false);
    const jar = new CookieJar();
    jar.receive(['sid=1; Path=/; HttpOnly; SameSite=Lax', 'deep=2; Path=/admin', 'old=3; Expires=Thu, 01 Jan 1970 00:00:00 GMT', 'short=4; Max-Age=10; Expires=Thu, 01 Jan 1970 00:00:00 GMT'], '/login', 1000);
    expect(jar.header('/admin/x', 2000)).toBe('deep=2; sid=1; short=4');
    expect(jar.header('/', 2000)).toBe('sid=1; short=4');
    expect(jar.header('/', 20_000)).toBe('sid=1');
    jar.receive(['sid=; Path=/; Max-Age=0'], '/logout', 30_000);
    expect(jar.header('/', 30_000)).toBe('');
    expect(jar.list(30_000).map((c) => c.name)).toEqual(['deep']);
  });
  it('refuses what Chromium refuses: another Domain, SameSite=None without Secure, a bad __Host- cookie', () => {
    expect(parseSetCookie('a=1; Domain=example.com', '/', 0)).toEqual({ rejected: expect.stringContaining('not this site') });
    expect(parseSetCookie('a=1; SameSite=None', '/', 0)).toEqual({ rejected: 'SameSite=None needs Secure' });
    expect(parseSetCookie('__Host-a=1; Secure; Path=/x', '/', 0)).toHaveProperty('rejected');
    expect(parseSetCookie('a=1; SameSite=None; Secure; Domain=localhost', '/', 0)).toMatchObject({ name: 'a', sameSite: 'None', secure: true });
  });
});

describe('history and messages', () => {
  it('a new page drops the forward entries; no-store pages are asked for again', () => {
    const h = new BrowserHistory();
    const e = (target: string, cc?: string) => ({ target, request: { method: 'GET', target, kind: 'document' as const, referrer: null }, response: { status: 200, reason: 'OK', headers: cc ? [['Cache-Control', cc]] as [string, string][] : [], body: new Uint8Array() } });
    h.push(e('/a')); h.push(e('/b')); h.push(e('/c'));
    expect(h.go(-1)?.target).toBe('/b');
    h.push(e('/d'));
    expect(h.canForward).toBe(false);
    expect(h.go(-1)?.target).toBe('/b');
    expect(mustRefetch(e('/x', 'no-store, private'))).toBe(true);
  });
  it('messages from the page are checked: wrong shapes dropped, forbidden fetch headers removed', () => {
    expect(readNavigate({ type: 'navigate', url: 'http://x/', method: 'DELETE' })).toBeNull();
    expect(readNavigate({ type: 'navigate', url: 'x'.repeat(5000), method: 'GET' })).toBeNull();
    expect(readNavigate({ type: 'navigate', url: '', method: 'POST', entries: [['a', 1]] })).toBeNull();
    expect(readNavigate({ type: 'navigate', url: '', method: 'POST', entries: [['a', 'b']], user: 'yes' })).toMatchObject({ form: true, user: false });
    const f = readFetch({ type: 'fetch', id: 1, url: '/api', method: 'post', headers: [['Cookie', 'x'], ['X-Token', 'a'], ['Host', 'evil']], body: null });
    expect(f).toMatchObject({ method: 'POST', headers: [['X-Token', 'a']] });
    expect(readFetch({ type: 'fetch', id: 1, url: '/', method: 'GET', headers: [['X', 'a\r\nB: c']], body: null })).toBeNull();
    expect(readFetch({ type: 'fetch', id: 1.5, url: '/', method: 'GET', headers: [], body: null })).toBeNull();
  });
});
