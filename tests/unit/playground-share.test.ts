import { describe, expect, it } from 'vitest';
import { decodeShare, encodeShare, MAX_INFLATED, type SharedWork } from '../../src/playground/share.ts';
import { deflateRawSync } from 'node:zlib';
import { fromPreset } from '../../src/lesson/composer/request-state.ts';
import { checkFileName } from '../../src/playground/workspaces.ts';
import { runCommands, zipEntries } from '../../src/playground/download.ts';
import { fileNameProblem } from '../../src/workspace/workspace-names.ts';

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
    const decoded = await decodeShare(fragment);
    expect(decoded?.work).toEqual(work);
    expect(decoded?.id).toMatch(/^[0-9a-f]{64}$/);
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

  const link = (payload: unknown) => `#share=${Buffer.from(deflateRawSync(typeof payload === 'string' ? payload : JSON.stringify(payload), { level: 9 })).toString('base64url')}`;

  it('stop inflating past the cap: a small link claiming 200 MB is refused', async () => {
    const bomb = link(`{"v":1,"files":{"app.py":"${'x'.repeat(200_000_000)}"}}`);
    expect(bomb.length).toBeLessThan(300_000);
    await expect(decodeShare(bomb)).rejects.toThrow(new RegExp(`more than ${MAX_INFLATED / 1e6} MB`));
    // Building the 200 MB link here is the slow part: ~2 s alone, 21.6 s once beside two browser stages.
  }, 120_000);

  it('explain what is wrong with the payload, field by field', async () => {
    const ok = { v: 1, files: { 'app.py': 'x' }, request: work.request, mode: 'reference' };
    await expect(decodeShare(link({ ...ok, request: null }))).rejects.toThrow('request is null');
    await expect(decodeShare(link({ ...ok, request: { ...work.request, headers: 5 } }))).rejects.toThrow('request.headers is the number 5');
    await expect(decodeShare(link({ ...ok, files: null }))).rejects.toThrow('files is null');
    await expect(decodeShare(link({ ...ok, files: { 'a"b.py': '' } }))).rejects.toThrow(/not a Python module name/);
    await expect(decodeShare(link({ ...ok, files: { '../evil.py': '' } }))).rejects.toThrow(/is a path/);
    await expect(decodeShare(link({ ...ok, mode: 'apache' }))).rejects.toThrow(/mode is "apache"/);
  });

  it('are told apart by the whole content: two links never share an id', async () => {
    const a = await decodeShare(await encodeShare(work));
    const b = await decodeShare(await encodeShare({ ...work, mode: 'waitress' }));
    expect(a?.id).not.toBe(b?.id);
  });
});

describe('playground files', () => {
  it('accepts only new Python module names', () => {
    expect(checkFileName('helpers.py', { 'app.py': '' })).toBeNull();
    expect(checkFileName('app.py', { 'app.py': '' })).toMatch(/already/);
    expect(checkFileName('my-helpers.py', {})).toMatch(/module name/);
    expect(checkFileName('notes.txt', {})).toMatch(/module name/);
  });

  it('follow one rule for names, wherever they come from', () => {
    for (const bad of ['../evil.py', '/home/pyodide/x.py', '', '.', '..\\..\\x.py', 'a/b.py']) expect(fileNameProblem(bad)).not.toBeNull();
    expect(fileNameProblem('helpers.py')).toBeNull();
    const { entries, skipped } = zipEntries({ 'app.py': 'x', '../../.bashrc': 'y', '/etc/passwd': 'z', '..\\..\\x.py': 'w' });
    expect(Object.keys(entries)).toEqual(['app.py']);
    expect(skipped).toHaveLength(3);
  });

  it('quote an application spec that is not plainly safe', () => {
    expect(runCommands('app:app; rm -rf ~', 'gunicorn')).toContain("gunicorn --bind 127.0.0.1:8000 'app:app; rm -rf ~'");
    expect(runCommands('x"; import os; "', 'wsgiref')).toMatch(/^# The application/);
  });

  it('gives the exact command for each real server', () => {
    expect(runCommands('app:app', 'gunicorn')).toBe('python3 -m pip install gunicorn\ngunicorn --bind 127.0.0.1:8000 app:app');
    expect(runCommands('site:application', 'waitress')).toContain('waitress-serve --listen=127.0.0.1:8000 site:application');
    expect(runCommands('app:app', 'wsgiref')).toContain("from app import app; make_server('127.0.0.1', 8000, app).serve_forever()");
  });
});
