import { describe, expect, it } from 'vitest';
import { hashText, readWork, workKey, writeWork } from '../../src/workspace/saved-work.ts';

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
