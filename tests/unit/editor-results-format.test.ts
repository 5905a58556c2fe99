import { describe, expect, it } from 'vitest';
import { bodyJson, bodyText, defaultView, hexDump, JSON_FORMAT_MAX, prettyJson, textPrefix } from '../../src/lesson/results/body-format.ts';
import { bareMessage, errorLine, plainWords } from '../../src/lesson/results/plain-errors.ts';
import { lineDiff } from '../../src/workspace/line-diff.ts';
import { describeEvent } from '../../src/lesson/results/Timeline.ts';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const bytes = (s: string) => new TextEncoder().encode(s);

describe('body views', () => {
  it('picks text, JSON or hex', () => {
    expect(defaultView(bytes('{"a": 1}'), 'application/json')).toBe('json');
    expect(defaultView(bytes('{"a": 1'), 'application/json')).toBe('text');
    expect(defaultView(new Uint8Array([0xff, 0x00, 0x41]), 'text/plain')).toBe('hex');
    expect(bodyText(bytes('héllo'))).toBe('héllo');
    expect(prettyJson('{"a":[1,2]}')).toBe('{\n  "a": [\n    1,\n    2\n  ]\n}');
  });

  it('judge and decode a large body from its prefix only', () => {
    // "é" is two bytes: a prefix that cuts it in half is still text, the half left for the next part.
    expect(textPrefix(bytes('aé'), 2)).toBe('a');
    expect(textPrefix(new Uint8Array([0x41, 0x00]), 2)).toBeNull();
    expect(textPrefix(bytes('x'.repeat(100)), 10)).toBe('x'.repeat(10));
    const big = bytes(`[${'1,'.repeat(JSON_FORMAT_MAX / 2)}1]`);
    expect(bodyJson(big)).toBeNull();
    expect(defaultView(big, 'application/json')).toBe('text');
    expect(bodyJson(bytes('[1]'))).toBe('[\n  1\n]');
  });

  it('dumps hex with offsets and printable characters', () => {
    expect(hexDump(bytes('AB\n'))).toBe(`00000000  ${'41 42 0a'.padEnd(47)}  AB.`);
    expect(hexDump(new Uint8Array(40), 16).split('\n')).toHaveLength(2);
  });
});

describe('errors in plain words', () => {
  it('explains common syntax errors and drops Python’s location suffix', () => {
    expect(plainWords({ message: "SyntaxError: '(' was never closed (app.py, line 2)" })).toBe('An opening ( on this line is never closed: add the matching ).');
    expect(plainWords({ message: "IndentationError: unexpected indent (app.py, line 3)" })).toBe('This line is indented more than the code around it.');
    expect(plainWords({ message: "NameError: name 'respnse' is not defined" })).toContain('respnse is used here but was never defined');
    expect(bareMessage('ValueError: bad thing (app.py, line 9)')).toBe('bad thing');
    expect(plainWords({ message: 'ValueError: something unusual' })).toBe('something unusual');
  });

  it('finds the line in the reader’s file, also through the traceback', () => {
    expect(errorLine({ line: 4, file: 'app.py', traceback: '' }, 'app.py')).toBe(4);
    const tb = 'Traceback (most recent call last):\n  File "/x/wsgisim/modes/base.py", line 57, in call_app\n  File "/tmp/app/app.py", line 7, in app\n  File "/x/wsgisim/checks.py", line 12, in check\n';
    expect(errorLine({ line: 12, file: '/x/wsgisim/checks.py', traceback: tb }, 'app.py')).toBe(7);
    expect(errorLine({ line: null, file: null, traceback: 'no frames' }, 'app.py')).toBeNull();
  });
});

describe('line diff', () => {
  it('shows kept, removed and added lines', () => {
    expect(lineDiff('a\nb\nc', 'a\nx\nc')).toEqual([
      { op: ' ', text: 'a' }, { op: '-', text: 'b' }, { op: '+', text: 'x' }, { op: ' ', text: 'c' },
    ]);
  });
});

describe('the Timeline in plain words', () => {
  // Every event type the server core emits (wsgisim, layers aside: the onion words those), with fields
  // as the core sends them. A new event type without words of its own fails here.
  const core = 'src/runtime/python/wsgisim';
  const sources = [core, `${core}/modes`].flatMap((dir) => readdirSync(dir).filter((f) => f.endsWith('.py')).map((f) => readFileSync(join(dir, f), 'utf8')));
  const emitted = new Set(sources.flatMap((src) => [...src.matchAll(/emit\(\s*"(\w+)"/g)].map((m) => m[1])).filter((t) => !t.startsWith('layer_')));
  const samples: Record<string, Record<string, unknown>> = {
    request_parsed: { method: 'GET', target: '/slow', version: '1.1', body_size: 0 },
    environ_built: { keys: ['A', 'B'] }, app_called: { callable: 'app' },
    start_response: { status: '200 OK', headers: [['Content-Type', 'text/plain']], exc_info: null },
    app_returned: { kind: 'list', length: 1 }, write: { size: 5, preview: 'hello' },
    body_chunk: { size: 2, preview: 'hi' }, response_bytes: { what: 'status_line', size: 17, preview: 'HTTP/1.0 200 OK\r\n' },
    close: {}, input_read: { method: 'read', size: 5 }, input_stalled: { missing: 9 },
    request_incomplete: { waiting_for: 'The header section has not ended' }, next_request: { index: 1, offset: 40 },
    errors_write: { text: 'about to fail\n' }, violation: { rule: 'x', message: 'status must be a str' },
    exception: { exc_type: 'ValueError', message: 'no' }, error_response: { status: '500 Internal Server Error' },
    bad_request: { status: 400, reason: 'no Host' }, app_load_failed: { message: "No module named 'x'" },
    done: { size: 155, outcome: 'complete' },
  };

  it('has words for every event the core emits: no field names, no JSON', () => {
    expect([...emitted].filter((t) => !(t in samples))).toEqual([]);
    for (const type of emitted) {
      const line = describeEvent({ type, t: 1, ...samples[type] });
      expect(line, type).not.toMatch(/[{}]|"\w+":/);
      // Not the words of an unknown event: its type, then its fields in brackets.
      const unknown = type.replace(/_/g, ' ');
      expect(line.toLowerCase() === unknown || line.toLowerCase().startsWith(`${unknown} (`), `${type}: ${line}`).toBe(false);
    }
  });

  it('says who did what, with HTTP/ before a bare version', () => {
    expect(describeEvent({ type: 'request_parsed', t: 0, ...samples.request_parsed })).toBe('The server read the request: GET /slow HTTP/1.1, with 0 body bytes');
    expect(describeEvent({ type: 'response_bytes', t: 0, ...samples.response_bytes })).toBe('The server sent the status line, “HTTP/1.0 200 OK” (17 bytes)');
    expect(describeEvent({ type: 'errors_write', t: 0, ...samples.errors_write })).toBe('The app wrote to wsgi.errors (the server’s log): “about to fail”');
    expect(describeEvent({ type: 'app_returned', t: 0, ...samples.app_returned })).toBe('The app returned a list of 1 item');
  });
});
