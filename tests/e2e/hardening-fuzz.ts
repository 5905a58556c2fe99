/**
 * Seeded raw HTTP requests for the fuzz test of tests/e2e/hardening-adversarial.spec.ts: mostly
 * plausible requests with one or more broken parts (method, target, version, headers, framing, body,
 * line endings), some then mutated byte by byte. Runs in the page (it is passed to page.evaluate), so
 * it must stay self-contained: no imports, no closures over module scope.
 */
export function fuzzRequests(seed: number, count: number): number[][] {
  let state = seed | 0;
  // mulberry32: tiny, fast, and the same sequence everywhere for the same seed.
  const random = () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const pick = <T,>(items: T[]): T => items[Math.floor(random() * items.length)];
  const bytes = (n: number) => Array.from({ length: n }, () => Math.floor(random() * 256));
  const text = (s: string) => Array.from(s, (c) => c.charCodeAt(0) & 0xff);
  const methods = ['GET', 'POST', 'HEAD', 'PUT', 'DELETE', 'OPTIONS', 'PATCH', 'get', 'G\0T', '', 'BREW', 'X'.repeat(300)];
  const targets = ['/', '/a?b=c&d', '*', 'http://other.example/x', '/%zz', '/%00', '/../../etc/passwd', '', ' ', '/caf%C3%A9',
    '//double', '/?' + 'q'.repeat(5000), '/\u00ff\u00fe', '/a b', '?only=query', '/#frag'];
  const versions = ['HTTP/1.1', 'HTTP/1.0', 'HTTP/2', 'HTTP/9.9', '', 'HTTP/1.1 extra', 'http/1.1', 'HTTP/'];
  const headers = ['Host: example', 'Content-Length: 5', 'Content-Length: -1', 'Content-Length: abc', 'Content-Length: 99999999999999999999',
    'Content-Length: 3', 'Transfer-Encoding: chunked', 'Transfer-Encoding: gzip, chunked', 'NoColon', ': empty-name', 'Bad Name: x',
    'X-Long: ' + 'v'.repeat(10000), 'X-Latin: caf\u00e9', ' folded continuation', 'Content-Type: text/plain', 'X-Empty:',
    'Cookie: a=1; b=2', 'Expect: 100-continue', 'Connection: keep-alive, Upgrade', 'X_Under: 1', 'Content-Length: 5'];
  const eols = ['\r\n', '\r\n', '\r\n', '\n', '\r'];
  const out: number[][] = [];
  for (let i = 0; i < count; i++) {
    const eol = pick(eols);
    const lines = [`${pick(methods)} ${pick(targets)} ${pick(versions)}`];
    const n = Math.floor(random() * 6);
    for (let h = 0; h < n; h++) lines.push(pick(headers));
    let request = text(lines.join(eol) + eol + (random() < 0.9 ? eol : ''));
    if (random() < 0.5) request = request.concat(random() < 0.5 ? text('5\r\nhello\r\n0\r\n\r\n') : bytes(Math.floor(random() * 200)));
    // Sometimes flip, drop or insert a few raw bytes anywhere.
    if (random() < 0.3) {
      for (let m = 1 + Math.floor(random() * 4); m > 0; m--) {
        const at = Math.floor(random() * (request.length + 1));
        const op = random();
        if (op < 0.33) request[at] = Math.floor(random() * 256);
        else if (op < 0.66) request.splice(at, 1);
        else request.splice(at, 0, ...bytes(1 + Math.floor(random() * 8)));
      }
    }
    out.push(request.filter((b) => b !== undefined));
  }
  return out;
}
