import { describe, expect, it } from 'vitest';
import { EXERCISE_PREFIX, hashText, readWork, workKey, writeWork } from '../../src/workspace/saved-work.ts';
import { damagedFiles, readFiles, savedFilesProblem, writeFiles } from '../../src/workspace/saved-files.ts';

/** An in-memory Storage, optionally full. */
function memoryStorage(full = false): Storage {
  const data = new Map<string, string>();
  return {
    get length() { return data.size; },
    clear: () => data.clear(),
    getItem: (k) => data.get(k) ?? null,
    key: (i) => [...data.keys()][i] ?? null,
    removeItem: (k) => { data.delete(k); },
    setItem: (k, v) => { if (full) throw new DOMException('full', 'QuotaExceededError'); data.set(k, v); },
  };
}

const work = (code: string) => ({ code, request: { method: 'GET' }, originalHash: hashText('orig') });

describe('saved work', () => {
  it('keys per page and editor', () => {
    expect(workKey('/phases/what-wsgi-is/', 'hello')).toBe('wsgi-ground-up:editor:/phases/what-wsgi-is:hello');
  });

  it('saves, reads back, and counts revisions', () => {
    const s = memoryStorage();
    expect(writeWork('k', work('a'), 0, { storage: s, now: 1 })).toEqual({ ok: true, rev: 1 });
    expect(writeWork('k', work('b'), 1, { storage: s, now: 2 })).toEqual({ ok: true, rev: 2 });
    expect(readWork('k', s)).toMatchObject({ code: 'b', rev: 2, savedAt: 2 });
  });

  it('refuses to overwrite newer work from another tab unless forced', () => {
    const s = memoryStorage();
    writeWork('k', work('tab A'), 0, { storage: s });
    writeWork('k', work('tab A again'), 1, { storage: s });
    const refused = writeWork('k', work('tab B'), 1, { storage: s });
    expect(refused).toMatchObject({ ok: false, reason: 'conflict', newer: { code: 'tab A again', rev: 2 } });
    expect(readWork('k', s)?.code).toBe('tab A again');
    expect(writeWork('k', work('tab B'), 1, { storage: s, force: true })).toEqual({ ok: true, rev: 3 });
  });

  it('reports full or missing storage instead of throwing', () => {
    expect(writeWork('k', work('x'), 0, { storage: memoryStorage(true) })).toMatchObject({ ok: false, reason: 'unavailable' });
    expect(writeWork('k', work('x'), 0, { storage: null })).toMatchObject({ ok: false, reason: 'unavailable' });
    const s = memoryStorage();
    s.setItem('k', '{not json');
    expect(readWork('k', s)).toBeNull();
  });

  it('hashes the original so a changed lesson is noticed', () => {
    expect(hashText('a')).not.toBe(hashText('b'));
    expect(hashText('same')).toBe(hashText('same'));
  });
});

const REQUEST = { mode: 'form', method: 'GET', target: '/', headers: [], body: '', raw: 'GET / HTTP/1.1\n\n' } as const;
const files = (app: string) => ({ files: { 'app.py': app, 'helpers.py': 'x = 1\n' }, active: 'helpers.py', request: { ...REQUEST, headers: [] as [string, string][] }, mode: 'gunicorn' as const, appSpec: 'app:app' });

describe('saved work of several files (the playground)', () => {
  it('is saved as version 2, the files an object, under the same revision rule', () => {
    const s = memoryStorage();
    expect(writeFiles('p', files('a'), 0, { storage: s, now: 5 })).toEqual({ ok: true, rev: 1 });
    const stored = JSON.parse(s.getItem('p')!);
    expect(stored).toMatchObject({ v: 2, files: { 'app.py': 'a' }, active: 'helpers.py', mode: 'gunicorn', rev: 1, savedAt: 5 });
    expect(stored.code).toBeUndefined();
    expect(writeFiles('p', files('b'), 0, { storage: s })).toMatchObject({ ok: false, reason: 'conflict', newer: { files: { 'app.py': 'a' }, rev: 1 } });
    expect(readFiles('p', s)?.files['app.py']).toBe('a');
  });

  it('reads an entry of the first format (files as JSON in code) as version 2, and the next save converts it', () => {
    const s = memoryStorage();
    const { files: f, request, mode, active, appSpec } = files('old');
    s.setItem('p', JSON.stringify({ v: 1, code: JSON.stringify(f), request: { request, mode, active, appSpec }, rev: 4, savedAt: 9, originalHash: '' }));
    expect(readFiles('p', s)).toEqual({ v: 2, files: f, active, request, mode, appSpec, rev: 4, savedAt: 9 });
    expect(writeFiles('p', files('new'), 4, { storage: s })).toEqual({ ok: true, rev: 5 });
    expect(JSON.parse(s.getItem('p')!)).toMatchObject({ v: 2, files: { 'app.py': 'new' }, rev: 5 });
  });

  it('says what is wrong with a damaged entry of either format, in the words of the field', () => {
    const s = memoryStorage();
    const old = (extra: object, code = JSON.stringify({ 'app.py': 'x' })) => JSON.stringify({ v: 1, code, request: { request: REQUEST, mode: 'reference', ...extra }, rev: 1, savedAt: 1 });
    s.setItem('a', old({ request: { ...REQUEST, headers: {} } }));
    expect(damagedFiles('a', s)).toContain('request.headers is an object');
    s.setItem('b', old({}, JSON.stringify({ '../evil.py': 'x' })));
    expect(damagedFiles('b', s)).toContain('is a path');
    s.setItem('c', old({}, '{not json'));
    expect(damagedFiles('c', s)).toBe('its files are not readable.');
    expect(savedFilesProblem({ ...files('x'), v: 2, rev: 1, mode: 'apache' })).toContain('mode is "apache"');
    expect(savedFilesProblem({ files: {} })).toContain('version missing');
    expect(readFiles('a', s)).toBeNull();
  });

  it('keeps an unknown open file out: the first file opens instead', () => {
    const s = memoryStorage();
    writeFiles('p', { ...files('a'), active: 'toString' }, 0, { storage: s });
    expect(readFiles('p', s)?.active).toBe('app.py');
  });
});

describe('an exercise’s code', () => {
  it('kept as plain text by the site before, is read as saved work and saved revisioned from then on', () => {
    const s = memoryStorage();
    const key = `${EXERCISE_PREFIX}greet`;
    s.setItem(key, 'def app(environ, start_response):\n    pass\n');
    expect(readWork(key, s)).toMatchObject({ v: 1, code: 'def app(environ, start_response):\n    pass\n', rev: 0, originalHash: '' });
    expect(writeWork(key, { code: 'mine', request: null, originalHash: hashText('starter') }, 0, { storage: s })).toEqual({ ok: true, rev: 1 });
    expect(JSON.parse(s.getItem(key)!)).toMatchObject({ v: 1, code: 'mine', rev: 1 });
    // Plain text only counts as old exercise code under an exercise's key.
    s.setItem('wsgi-ground-up:editor:/p:x', 'def app(): pass');
    expect(readWork('wsgi-ground-up:editor:/p:x', s)).toBeNull();
  });
});
