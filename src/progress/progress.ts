/**
 * The reader's progress, per phase: quiz answers (the first attempt is the score), exercises
 * passed, and whether the phase was opened. One JSON value in storage; every read tolerates a
 * missing, old or hand-edited value by falling back to "nothing done yet".
 */
import { readItem, writeItem } from './storage.ts';

export const PROGRESS_KEY = 'wsgi-ground-up:progress';
/** Tells other scripts on the page (nav badges) that progress changed. */
export const PROGRESS_EVENT = 'wsgi-progress-changed';

export interface QuizAnswer {
  /** Index of the option chosen first, and whether it was right: what the score keeps. */
  first: number;
  firstCorrect: boolean;
  /** The latest choice (retries allowed), shown again after a reload. */
  last: number;
  lastCorrect: boolean;
}

/** A predict-then-run question: the reader's locked prediction, then what the run really gave. */
export interface Prediction {
  /** The chosen option's id, or the text typed (at most 200 characters). */
  guess: string;
  /** The observed value of the latest run (null until a run finished) and whether the guess matched it. */
  real: string | null;
  right: boolean | null;
  at: string;
}

export interface PhaseProgress {
  visited: boolean;
  quiz: Record<string, QuizAnswer>;
  exercises: Record<string, { passed: true; at: string }>;
  predictions: Record<string, Prediction>;
}

type Progress = Record<string, PhaseProgress>;

const empty = (): PhaseProgress => ({ visited: false, quiz: {}, exercises: {}, predictions: {} });

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function cleanPhase(raw: unknown): PhaseProgress {
  const out = empty();
  if (!isRecord(raw)) return out;
  out.visited = raw.visited === true;
  for (const [id, a] of Object.entries(isRecord(raw.quiz) ? raw.quiz : {})) {
    if (isRecord(a) && typeof a.first === 'number' && typeof a.firstCorrect === 'boolean') {
      const last = typeof a.last === 'number' ? a.last : a.first;
      const lastCorrect = typeof a.lastCorrect === 'boolean' ? a.lastCorrect : a.firstCorrect;
      out.quiz[id] = { first: a.first, firstCorrect: a.firstCorrect, last, lastCorrect };
    }
  }
  for (const [name, e] of Object.entries(isRecord(raw.exercises) ? raw.exercises : {})) {
    if (isRecord(e) && e.passed === true) out.exercises[name] = { passed: true, at: String(e.at ?? '') };
  }
  for (const [id, p] of Object.entries(isRecord(raw.predictions) ? raw.predictions : {})) {
    if (isRecord(p) && typeof p.guess === 'string' && p.guess.length <= 200) {
      const real = typeof p.real === 'string' ? p.real.slice(0, 2000) : null;
      const right = real !== null && typeof p.right === 'boolean' ? p.right : null;
      out.predictions[id] = { guess: p.guess, real, right, at: String(p.at ?? '') };
    }
  }
  return out;
}

/** All progress, keyed by phase slug (e.g. "an-app-from-scratch"). */
export function readProgress(): Progress {
  try {
    const raw: unknown = JSON.parse(readItem(PROGRESS_KEY) ?? '{}');
    if (!isRecord(raw)) return {};
    return Object.fromEntries(Object.entries(raw).map(([slug, p]) => [slug, cleanPhase(p)]));
  } catch {
    return {};
  }
}

/** One phase's progress (empty when nothing is recorded). */
export function phaseProgress(slug: string): PhaseProgress {
  return readProgress()[slug] ?? empty();
}

function update(slug: string, change: (p: PhaseProgress) => void): void {
  const all = readProgress();
  const phase = all[slug] ?? empty();
  change(phase);
  all[slug] = phase;
  writeItem(PROGRESS_KEY, JSON.stringify(all));
  if (typeof window !== 'undefined') window.dispatchEvent(new CustomEvent(PROGRESS_EVENT, { detail: { slug } }));
}

/** Records a quiz answer; the first answer to a question stays the scored one. */
export function recordAnswer(slug: string, questionId: string, option: number, correct: boolean): QuizAnswer {
  let saved!: QuizAnswer;
  update(slug, (p) => {
    const before = p.quiz[questionId];
    saved = before
      ? { ...before, last: option, lastCorrect: correct }
      : { first: option, firstCorrect: correct, last: option, lastCorrect: correct };
    p.quiz[questionId] = saved;
  });
  return saved;
}

/** Locks a prediction: the first one is kept, a later call changes nothing. */
export function recordPrediction(slug: string, questionId: string, guess: string): Prediction {
  const before = phaseProgress(slug).predictions[questionId];
  if (before) return before;
  const saved: Prediction = { guess: guess.slice(0, 200), real: null, right: null, at: new Date().toISOString() };
  update(slug, (p) => { p.predictions[questionId] = saved; });
  return saved;
}

/** Keeps what a run of a predicted question gave (a prediction must be locked first). */
export function recordOutcome(slug: string, questionId: string, real: string, right: boolean): void {
  update(slug, (p) => {
    const before = p.predictions[questionId];
    if (before) p.predictions[questionId] = { ...before, real: real.slice(0, 2000), right };
  });
}

/** Remembers that an exercise's checks all passed once (a later failing run does not undo it). */
export function markExercisePassed(slug: string, name: string): void {
  if (phaseProgress(slug).exercises[name]) return;
  update(slug, (p) => { p.exercises[name] = { passed: true, at: new Date().toISOString() }; });
}

/** Marks a phase as opened. */
export function markVisited(slug: string): void {
  if (phaseProgress(slug).visited) return;
  update(slug, (p) => { p.visited = true; });
}

export interface PhaseSummary {
  visited: boolean;
  /** Questions answered right at the first attempt, of those in `questionIds`. */
  quizScore: number;
  quizAnswered: number;
  exercisesPassed: number;
}

/** Counts what is done in one phase, against the questions and exercises that exist now. */
export function summarize(slug: string, questionIds: string[], exerciseNames: string[]): PhaseSummary {
  const p = phaseProgress(slug);
  const answers = questionIds.map((id) => p.quiz[id]).filter(Boolean);
  return {
    visited: p.visited,
    quizScore: answers.filter((a) => a.firstCorrect).length,
    quizAnswered: answers.length,
    exercisesPassed: exerciseNames.filter((n) => p.exercises[n]).length,
  };
}
