import { afterEach, describe, expect, it, vi } from 'vitest';
import { lastPhase, rememberPhase } from '../../src/components/last-visited.ts';

/** A Map-backed localStorage; `broken` makes every call throw like a blocked storage. */
function fakeStorage(broken = false) {
  const data = new Map<string, string>();
  const guard = () => {
    if (broken) throw new DOMException('blocked', 'SecurityError');
  };
  return {
    getItem: (key: string) => (guard(), data.get(key) ?? null),
    setItem: (key: string, value: string) => (guard(), void data.set(key, value)),
    data,
  };
}

afterEach(() => vi.unstubAllGlobals());

describe('continue where you left off', () => {
  it('remembers the last phase visited', () => {
    vi.stubGlobal('localStorage', fakeStorage());
    expect(lastPhase()).toBeNull();
    rememberPhase({ slug: 'what-wsgi-is', title: 'What WSGI is', phase: 1 });
    rememberPhase({ slug: 'why-async', title: 'Why async exists', phase: 4 });
    expect(lastPhase()).toEqual({ slug: 'why-async', title: 'Why async exists', phase: 4 });
  });

  it('treats unreadable or foreign values as never visited', () => {
    const storage = fakeStorage();
    vi.stubGlobal('localStorage', storage);
    storage.data.set('wsgi-last-phase', '{not json');
    expect(lastPhase()).toBeNull();
    storage.data.set('wsgi-last-phase', JSON.stringify({ slug: 3 }));
    expect(lastPhase()).toBeNull();
  });

  it('never throws when storage is blocked', () => {
    vi.stubGlobal('localStorage', fakeStorage(true));
    expect(() => rememberPhase({ slug: 'x', title: 'X', phase: 1 })).not.toThrow();
    expect(lastPhase()).toBeNull();
  });
});
