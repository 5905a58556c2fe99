import { beforeEach, describe, expect, it, vi } from 'vitest';

/** A localStorage stand-in; `failing` makes every write throw like a full quota or private mode. */
function fakeStorage(failing: false | 'quota' | 'security') {
  const data = new Map<string, string>();
  return {
    get length() { return data.size; },
    key: (i: number) => [...data.keys()][i] ?? null,
    getItem: (k: string) => data.get(k) ?? null,
    setItem: (k: string, v: string) => {
      if (failing) throw new DOMException('refused', failing === 'quota' ? 'QuotaExceededError' : 'SecurityError');
      data.set(k, v);
    },
    removeItem: (k: string) => { data.delete(k); },
  };
}

async function fresh(failing: false | 'quota' | 'security') {
  vi.resetModules();
  vi.stubGlobal('localStorage', fakeStorage(failing));
  return { ...(await import('../../src/progress/progress.ts')), ...(await import('../../src/progress/storage.ts')), ...(await import('../../src/progress/transfer.ts')) };
}

describe('progress', () => {
  beforeEach(() => vi.unstubAllGlobals());

  it('keeps the first answer as the score and the last one for display', async () => {
    const p = await fresh(false);
    p.recordAnswer('an-app', 'p2-a', 0, false);
    p.recordAnswer('an-app', 'p2-a', 1, true);
    expect(p.phaseProgress('an-app').quiz['p2-a']).toEqual({ first: 0, firstCorrect: false, last: 1, lastCorrect: true });
    p.recordAnswer('an-app', 'p2-b', 2, true);
    p.markExercisePassed('an-app', 'greet');
    p.markVisited('an-app');
    expect(p.summarize('an-app', ['p2-a', 'p2-b', 'p2-c'], ['greet', 'echo'])).toEqual({ visited: true, quizScore: 1, quizAnswered: 2, exercisesPassed: 1 });
  });

  it('locks the first prediction of a predict-then-run question and keeps what the run gave', async () => {
    const p = await fresh(false);
    p.recordPrediction('an-app', 'p2-late', 'abc123');
    p.recordPrediction('an-app', 'p2-late', 'other');
    expect(p.phaseProgress('an-app').predictions['p2-late']).toMatchObject({ guess: 'abc123', real: null, right: null });
    p.recordOutcome('an-app', 'p2-late', '200 OK', false);
    expect(p.phaseProgress('an-app').predictions['p2-late']).toMatchObject({ guess: 'abc123', real: '200 OK', right: false });
    p.recordOutcome('an-app', 'p2-unasked', '200 OK', true);
    expect(p.phaseProgress('an-app').predictions['p2-unasked']).toBeUndefined();
  });

  it('reads a damaged value as no progress instead of failing', async () => {
    const p = await fresh(false);
    localStorage.setItem(p.PROGRESS_KEY, '{"an-app": {"quiz": {"x": "nonsense"}, "visited": "yes"}}');
    expect(p.phaseProgress('an-app')).toEqual({ visited: false, quiz: {}, exercises: {}, predictions: {} });
    localStorage.setItem(p.PROGRESS_KEY, 'not json');
    expect(p.readProgress()).toEqual({});
  });

  it.each(['quota', 'security'] as const)('degrades to memory with one notice when storage refuses (%s)', async (kind) => {
    const p = await fresh(kind);
    const notices: string[] = [];
    p.onStorageProblem((m) => notices.push(m));
    expect(() => p.recordAnswer('an-app', 'p2-a', 1, true)).not.toThrow();
    p.markExercisePassed('an-app', 'greet');
    expect(p.phaseProgress('an-app').quiz['p2-a'].firstCorrect).toBe(true);
    expect(p.phaseProgress('an-app').exercises.greet).toBeDefined();
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatch(kind === 'quota' ? /full/ : /private mode/);
  });

  it('works without any localStorage at all', async () => {
    vi.resetModules();
    vi.stubGlobal('localStorage', undefined);
    const p = await import('../../src/progress/progress.ts');
    expect(() => p.markVisited('why-async')).not.toThrow();
    expect(p.phaseProgress('why-async').visited).toBe(true);
  });

  it('exports every site key and imports them back; reset clears progress but keeps the theme', async () => {
    const p = await fresh(false);
    p.recordAnswer('an-app', 'p2-a', 1, true);
    localStorage.setItem('wsgi-theme', 'dark');
    localStorage.setItem(`${p.EXERCISE_CODE_PREFIX}greet`, 'def app(): ...');
    localStorage.setItem('other-site', 'x');
    const text = p.exportText(new Date('2026-11-21T12:00:00Z'));
    expect(Object.keys(JSON.parse(text).entries).sort()).toEqual([p.PROGRESS_KEY, `${p.EXERCISE_CODE_PREFIX}greet`, 'wsgi-theme'].sort());
    p.resetProgress();
    expect(p.phaseProgress('an-app').quiz).toEqual({});
    expect(localStorage.getItem(`${p.EXERCISE_CODE_PREFIX}greet`)).toBeNull();
    expect(localStorage.getItem('wsgi-theme')).toBe('dark');
    expect(p.importText(text)).toBe(3);
    expect(p.phaseProgress('an-app').quiz['p2-a'].firstCorrect).toBe(true);
    expect(() => p.importText('{"format": "something else", "entries": {}}')).toThrow(/not made by/);
    expect(() => p.importText('nope')).toThrow(/not JSON/);
  });
});

describe('a phase marked done', () => {
  it('needs something to do and all of it done: a page with only an exercise (the capstone) can be done', async () => {
    const { isDone } = await import('../../src/progress/phase-progress-client.ts');
    const s = (quizAnswered: number, exercisesPassed: number) => ({ visited: true, quizScore: 0, quizAnswered, exercisesPassed });
    expect(isDone(s(0, 1), 0, 1)).toBe(true);
    expect(isDone(s(0, 0), 0, 1)).toBe(false);
    expect(isDone(s(0, 0), 0, 0)).toBe(false);
    expect(isDone(s(7, 3), 7, 3)).toBe(true);
    expect(isDone(s(6, 3), 7, 3)).toBe(false);
    expect(isDone(s(7, 2), 7, 3)).toBe(false);
  });
});
