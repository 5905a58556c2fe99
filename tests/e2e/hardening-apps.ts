/**
 * The adversarial apps of tests/e2e/hardening-adversarial.spec.ts: code a reader could write that
 * loops, floods, exits, reaches for the page, or breaks PEP 3333 in each way real servers disagree on
 * (measured, and listed under Modes in src/runtime/python/README.md). Each is a whole workspace; the app is app:app.
 */

/** A workspace whose app.py is `source`. */
const app = (source: string) => ({ 'app.py': source.trim() + '\n' });

/** An app whose body starts with `code`, then answers 200 (each case misbehaves before that). */
export function appWith(code: string): Record<string, string> {
  const body = code.trim().split('\n').map((line) => `    ${line}`).join('\n');
  return app(`def app(environ, start_response):\n${body}\n    start_response('200 OK', [])\n    return [b'done']`);
}

/** Runaway and hostile code: each must end with a notice (a stop) or a server error, never a hang. */
// Loops get a short time limit to keep the suite quick; the others a long one, so a busy machine
// cannot turn a RecursionError or MemoryError into a time-limit stop.
export const LOOP_LIMIT_MS = 1500;
export const SLOW_LIMIT_MS = 10_000;

export const RUNAWAY: { name: string; files: Record<string, string>; expect: RegExp; limitMs?: number }[] = [
  { name: 'an infinite loop in the app', files: appWith('while True:\n    pass'), expect: /Time limit/ },
  { name: 'an infinite loop at import', files: app('while True:\n    pass\ndef app(environ, start_response):\n    return []'), expect: /Time limit/ },
  { name: 'an infinite loop in a generator body', files: app(`
def app(environ, start_response):
    start_response('200 OK', [('Content-Type', 'text/plain')])
    def body():
        yield b'first'
        while True:
            pass
    return body()`), expect: /Time limit/ },
  { name: 'an app that swallows KeyboardInterrupt', files: appWith('while True:\n    try:\n        while True:\n            pass\n    except BaseException:\n        pass'), expect: /Time limit.*restarted/ },
  { name: 'deep recursion', files: appWith('def f(n):\n    return f(n + 1)\nf(0)'), limitMs: SLOW_LIMIT_MS, expect: /Recursion limit/ },
  { name: 'a memory bomb', files: appWith("data = b'x' * 10**10"), limitMs: SLOW_LIMIT_MS, expect: /Memory limit|crashed/ },
  { name: 'an output flood', files: appWith("while True:\n    print('flood ' * 50)"), limitMs: SLOW_LIMIT_MS, expect: /Output limit/ },
  { name: 'a 50 MB response', files: app(`
def app(environ, start_response):
    start_response('200 OK', [('Content-Type', 'application/octet-stream')])
    return [b'x' * (50 * 1024 * 1024)]`), limitMs: SLOW_LIMIT_MS, expect: /[Rr]esponse/ },
  { name: 'sys.exit() in the app', files: appWith('import sys\nsys.exit(3)'), limitMs: SLOW_LIMIT_MS, expect: /SystemExit|exit/ },
  { name: 'sys.exit() at import', files: app('import sys\nsys.exit("bye")\ndef app(environ, start_response):\n    return []'), limitMs: SLOW_LIMIT_MS, expect: /SystemExit|exit|bye/ },
  { name: 'os._exit()', files: appWith('import os\nos._exit(1)'), limitMs: SLOW_LIMIT_MS, expect: /exit|crash|restarted/i },
];

/** Apps that break the WSGI contract (as real servers judge it): each gets a 500 or a cut, with words. */
export const MISBEHAVING: { name: string; files: Record<string, string> }[] = [
  { name: 'raises before start_response', files: appWith("raise ValueError('boom')") },
  { name: 'returns None', files: app("def app(environ, start_response):\n    start_response('200 OK', [])") },
  { name: 'never calls start_response', files: app("def app(environ, start_response):\n    return [b'x']") },
  { name: 'calls start_response twice without exc_info', files: app("def app(environ, start_response):\n    start_response('200 OK', [])\n    start_response('404 Not Found', [])\n    return [b'x']") },
  { name: 'raises on the first next()', files: app("def app(environ, start_response):\n    start_response('200 OK', [])\n    def body():\n        raise RuntimeError('first chunk')\n        yield b''\n    return body()") },
  { name: 'raises mid-iteration', files: app("def app(environ, start_response):\n    start_response('200 OK', [])\n    def body():\n        yield b'part'\n        raise RuntimeError('mid')\n    return body()") },
  { name: 'exc_info after write()', files: app("import sys\ndef app(environ, start_response):\n    write = start_response('200 OK', [])\n    write(b'sent')\n    try:\n        1 / 0\n    except ZeroDivisionError:\n        start_response('500 Error', [], sys.exc_info())\n    return [b'']") },
  { name: 'a str body', files: app("def app(environ, start_response):\n    start_response('200 OK', [])\n    return 'text'") },
  { name: 'a list of str', files: app("def app(environ, start_response):\n    start_response('200 OK', [])\n    return ['a', 'b']") },
  { name: "status '200' without a reason", files: app("def app(environ, start_response):\n    start_response('200', [])\n    return [b'x']") },
  { name: 'headers as a tuple', files: app("def app(environ, start_response):\n    start_response('200 OK', (('A', 'b'),))\n    return [b'x']") },
  { name: 'a hop-by-hop header', files: app("def app(environ, start_response):\n    start_response('200 OK', [('Connection', 'close')])\n    return [b'x']") },
  { name: 'CR/LF inside a header value', files: app("def app(environ, start_response):\n    start_response('200 OK', [('X-A', 'a\\r\\nSet-Cookie: evil=1')])\n    return [b'x']") },
  { name: 'a header value that is not latin-1', files: app("def app(environ, start_response):\n    start_response('200 OK', [('X-Name', 'Łukasz ✓')])\n    return [b'x']") },
  { name: 'Content-Length larger than the body', files: app("def app(environ, start_response):\n    start_response('200 OK', [('Content-Length', '100')])\n    return [b'short']") },
  { name: 'Content-Length smaller than the body', files: app("def app(environ, start_response):\n    start_response('200 OK', [('Content-Length', '2')])\n    return [b'much longer']") },
  { name: 'close() that raises', files: app("class Body:\n    def __iter__(self):\n        yield b'x'\n    def close(self):\n        raise RuntimeError('close failed')\ndef app(environ, start_response):\n    start_response('200 OK', [])\n    return Body()") },
  { name: 'a syntax error', files: app("def app(environ, start_response)\n    return []") },
  { name: 'no app attribute', files: app('application = None') },
  { name: 'app is not callable', files: app('app = 42') },
];
