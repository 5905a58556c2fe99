/**
 * Every key the site keeps for the reader, what it holds in words, and the shape its value must have.
 * Import accepts only these (a file can carry anything); export writes only these. A key another part
 * of the site adds must be listed here to travel with a progress file.
 */
import { PROGRESS_KEY } from './progress.ts';
import { describe, EXERCISE_PREFIX, savedFilesProblem, savedWorkProblem } from '../workspace/pure.ts';
import { QUIZ_SEED_KEY, SEED_PATTERN } from '../lesson/quiz/index.ts';

/** Exercise code is kept under this prefix + the exercise name. */
export const EXERCISE_CODE_PREFIX = EXERCISE_PREFIX;
const EDITOR_PREFIX = 'wsgi-ground-up:editor:';
const PLAYGROUND_MINE = 'wsgi-ground-up:playground:mine';
const PLAYGROUND_SHARED = /^wsgi-ground-up:playground:shared:[0-9a-f]{64}$/;
/** The editors' and the playground's work: what "Reset progress" clears only when asked to. */
export const EDITOR_WORK_PREFIXES = [EDITOR_PREFIX, 'wsgi-ground-up:playground:'];
const MAX_VALUE_CHARS = 400_000;

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function json(value: string): { ok: true; data: unknown } | { ok: false } {
  try { return { ok: true, data: JSON.parse(value) }; } catch { return { ok: false }; }
}

function savedEntry(key: string, value: string, playground: boolean): string | null {
  const parsed = json(value);
  if (!parsed.ok) return 'it is not JSON.';
  // A playground entry of either format (the first, files as JSON in `code`, is converted when read).
  return playground ? savedFilesProblem(parsed.data) : savedWorkProblem(parsed.data, key);
}

/** What `key` holds, in words, and what is wrong with `value` for it; null for a key the site does not keep. */
export function describeEntry(key: string, value: unknown): { label: string; problem: string | null } | null {
  const text = typeof value === 'string' ? value : null;
  const check = (label: string, rule: (v: string) => string | null) => ({
    label,
    problem: text === null ? `its value is ${describe(value)}, not text.` : text.length > MAX_VALUE_CHARS ? `it holds ${text.length.toLocaleString('en')} characters; at most ${MAX_VALUE_CHARS.toLocaleString('en')} are accepted.` : rule(text),
  });
  if (key === PROGRESS_KEY) return check('Quiz answers and passed exercises', (v) => { const p = json(v); return p.ok && isRecord(p.data) ? null : 'it is not progress (an object per phase).'; });
  if (key === QUIZ_SEED_KEY) return check('The order of quiz answers', (v) => (SEED_PATTERN.test(v) ? null : 'it is not 16 hex digits.'));
  if (key === 'wsgi-theme') return check('Theme', (v) => (v === 'light' || v === 'dark' ? null : `it is ${JSON.stringify(v.slice(0, 20))}, not light or dark.`));
  if (key === 'wsgi-last-phase') {
    return check('Where to continue', (v) => {
      const p = json(v);
      const d = p.ok && isRecord(p.data) ? p.data : null;
      return d && typeof d.slug === 'string' && typeof d.title === 'string' && typeof d.phase === 'number' ? null : 'it is not a phase (slug, title, phase).';
    });
  }
  if (key.startsWith(EXERCISE_CODE_PREFIX) && /^[a-z0-9-]{1,80}$/.test(key.slice(EXERCISE_CODE_PREFIX.length))) {
    return check(`Your code for the exercise “${key.slice(EXERCISE_CODE_PREFIX.length)}”`, () => null);
  }
  const editor = key.startsWith(EDITOR_PREFIX) ? /^(\/[\w\-/]*):([\w-]{1,80})$/.exec(key.slice(EDITOR_PREFIX.length)) : null;
  if (editor) return check(`Your edits to the example “${editor[2]}” on ${editor[1]}`, (v) => savedEntry(key, v, false));
  if (key === PLAYGROUND_MINE) return check('Your playground', (v) => savedEntry(key, v, true));
  if (PLAYGROUND_SHARED.test(key)) return check('A shared workspace in the playground', (v) => savedEntry(key, v, true));
  return null;
}
