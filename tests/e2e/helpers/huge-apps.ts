/**
 * Apps that return more than a page can show: a 50 MB body, 9.9 MB of text, 9.9 MB of JSON on one line,
 * 100,000 headers. Shared by tests/e2e/hardening-huge.spec.ts (no main-thread task over 200 ms) and
 * bench/huge.ts (which prints the longest task for each).
 */
export interface HugeApp {
  name: string;
  /** The body size the Response tab must state. */
  bytes: number;
  /** A sentence the result must show (a limit the worker applied). */
  said?: string;
  code: string;
}

export const HUGE_APPS: HugeApp[] = [
  // The worker keeps the first 10,000,000 bytes of a response (run setting responseLimit) and says so.
  { name: '50 MB body', bytes: 10_000_000, said: 'Response limit: the response was 50,000,', code: `def app(environ, start_response):
    start_response("200 OK", [("Content-Type", "text/plain")])
    return [b"x" * 50_000_000]` },
  { name: '9.9 MB of text', bytes: 9_900_000, code: `def app(environ, start_response):
    line = b"a line of text, just long enough to wrap on a phone screen....\\n"
    body = (line * (9_900_000 // len(line) + 1))[:9_900_000]
    start_response("200 OK", [("Content-Type", "text/plain; charset=utf-8")])
    return [body]` },
  { name: '9.9 MB of JSON', bytes: 9_900_000, code: `def app(environ, start_response):
    item = b'{"id": 12345, "name": "an item", "tags": ["a", "b"]}'
    n = (9_900_000 - 2) // (len(item) + 1)
    body = b"[" + b",".join([item] * n) + b"]"
    body = body + b" " * (9_900_000 - len(body))
    start_response("200 OK", [("Content-Type", "application/json")])
    return [body]` },
  { name: '100,000 response headers', bytes: 2, said: 'headers (the first 1,000 are kept)', code: `def app(environ, start_response):
    start_response("200 OK", [("X-Header-%d" % i, "value %d" % i) for i in range(100_000)])
    return [b"ok"]` },
];
