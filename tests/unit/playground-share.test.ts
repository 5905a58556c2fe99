import { describe, expect, it } from 'vitest';
import { decodeShare, encodeShare, type SharedWork } from '../../src/pages/_playground/share.ts';
import { fromPreset } from '../../src/lesson/composer/request-state.ts';
import { checkFileName } from '../../src/pages/_playground/workspace.ts';
import { runCommands } from '../../src/pages/_playground/download.ts';

const work: SharedWork = {
  v: 1,
  files: { 'app.py': 'from helpers import greet\n\ndef app(e, s):\n    s("200 OK", [])\n    return [greet("Ünïcode ✓").encode()]\n', 'helpers.py': 'def greet(n):\n    return f"hi {n}"\n' },
  request: fromPreset({ method: 'POST', target: '/x?y=1', headers: [['X-A', 'b']], body: 'body\r\nwith CRLF' }),
  mode: 'gunicorn',
};

describe('share links', () => {
  it('round-trip files, request and mode exactly, in a URL-safe fragment', async () => {
    const fragment = await encodeShare(work);
    expect(fragment).toMatch(/^#share=[A-Za-z0-9_-]+$/);
    expect(await decodeShare(fragment)).toEqual(work);
  });

  it('are shorter than the JSON they carry', async () => {
    const big = { ...work, files: { 'app.py': 'x = 1\n'.repeat(500) } };
    expect((await encodeShare(big)).length).toBeLessThan(JSON.stringify(big).length / 10);
  });

  it('say so when damaged, and are ignored when absent', async () => {
    const fragment = await encodeShare(work);
    await expect(decodeShare(fragment.slice(0, -12))).rejects.toThrow(/damaged/);
    expect(await decodeShare('')).toBeNull();
    expect(await decodeShare('#other=1')).toBeNull();
  });
});

describe('playground files', () => {
  it('accepts only new Python module names', () => {
    expect(checkFileName('helpers.py', { 'app.py': '' })).toBeNull();
    expect(checkFileName('app.py', { 'app.py': '' })).toMatch(/already/);
    expect(checkFileName('my-helpers.py', {})).toMatch(/module name/);
    expect(checkFileName('notes.txt', {})).toMatch(/module name/);
  });

  it('gives the exact command for each real server', () => {
    expect(runCommands('app:app', 'gunicorn')).toBe('python3 -m pip install gunicorn\ngunicorn --bind 127.0.0.1:8000 app:app');
    expect(runCommands('site:application', 'waitress')).toContain('waitress-serve --listen=127.0.0.1:8000 site:application');
    expect(runCommands('app:app', 'wsgiref')).toContain("from app import app; make_server('127.0.0.1', 8000, app).serve_forever()");
  });
});
