/**
 * The reader's shuffle seed: one random value kept beside their progress, so the quick checks show
 * this reader the same order after a reload and another reader a different one. Where localStorage
 * refuses, the seed lives for the browser session (sessionStorage), else for this page only.
 * Reads and writes storage directly and quietly: a seed that cannot be kept is no reason to show the
 * "progress will not be kept" notice before the reader has answered anything.
 */
export const QUIZ_SEED_KEY = 'wsgi-ground-up:quiz-seed';
export const SEED_PATTERN = /^[0-9a-f]{16}$/;

let pageSeed: string | null = null;

function fresh(): string {
  const bytes = new Uint8Array(8);
  crypto.getRandomValues(bytes);
  return [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
}

function tryStore(get: () => Storage): string | null {
  try {
    const store = get();
    const kept = store.getItem(QUIZ_SEED_KEY);
    if (kept && SEED_PATTERN.test(kept)) return kept;
    const seed = pageSeed ?? fresh();
    store.setItem(QUIZ_SEED_KEY, seed);
    return store.getItem(QUIZ_SEED_KEY) === seed ? seed : null;
  } catch {
    return null; // storage disabled, missing or full
  }
}

/** This reader's seed: from localStorage, else sessionStorage, else one per page load. */
export function quizSeed(): string {
  const seed = tryStore(() => localStorage) ?? tryStore(() => sessionStorage) ?? (pageSeed ??= fresh());
  pageSeed = seed;
  return seed;
}
