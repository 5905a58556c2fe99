import { describe, expect, it } from 'vitest';
import { bodyText, defaultView, hexDump, prettyJson } from '../../src/lesson/results/body-format.ts';
import { bareMessage, errorLine, plainWords } from '../../src/lesson/results/plain-errors.ts';
import { lineDiff } from '../../src/lesson/live-editor/line-diff.ts';

const bytes = (s: string) => new TextEncoder().encode(s);

describe('body views', () => {
  it('picks text, JSON or hex', () => {
    expect(defaultView(bytes('{"a": 1}'), 'application/json')).toBe('json');
    expect(defaultView(bytes('{"a": 1'), 'application/json')).toBe('text');
    expect(defaultView(new Uint8Array([0xff, 0x00, 0x41]), 'text/plain')).toBe('hex');
    expect(bodyText(bytes('héllo'))).toBe('héllo');
    expect(prettyJson('{"a":[1,2]}')).toBe('{\n  "a": [\n    1,\n    2\n  ]\n}');
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
