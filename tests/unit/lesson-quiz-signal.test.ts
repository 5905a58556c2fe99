import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { quizSchema, type QuizQuestion } from '../../src/lesson/quiz-schema.ts';
import {
  answerHash, buildOrder, isCorrect, openExplanation, optionId, readerOrder, sealExplanation,
} from '../../src/lesson/quiz/sealed.ts';

// The quick checks must not give their answer away: not by the correct option's length in the
// authored text (measured over the whole course), not by its position in the HTML or on screen, and
// not by anything the build ships. See src/lesson/quiz/sealed.ts for how far the hiding goes.

const ROOT = new URL('../../content/phases/', import.meta.url);
/** Project pages, graded by their exercise: no quick check closes them (phases 1-4 each close with one). */
const PROJECT_PAGES = ['05-capstone'];
const phases = readdirSync(ROOT).filter((d) => /^\d\d-/.test(d) && !PROJECT_PAGES.includes(d)).sort().map((dir) => ({
  dir,
  quiz: quizSchema.parse(parse(readFileSync(new URL(`${dir}/quiz.yaml`, ROOT), 'utf8'))),
}));
const questions: QuizQuestion[] = phases.flatMap((p) => p.quiz.questions);
const correctOf = (q: QuizQuestion) => q.options.findIndex((o) => o.correct);
const idsOf = (q: QuizQuestion) => q.options.map((o, i) => optionId(q.id, i, o.text));

/** 1 = the correct option is the longest (ties count for it), up to the number of options. */
function lengthRank(q: QuizQuestion): number {
  const own = q.options[correctOf(q)].text.length;
  return 1 + q.options.filter((o) => o.text.length > own).length;
}

/** Shares of questions per value, as fractions of the whole course. */
function shares(values: number[]): Map<number, number> {
  const out = new Map<number, number>();
  for (const v of values) out.set(v, (out.get(v) ?? 0) + 1 / values.length);
  return out;
}

describe('the course’s quick checks', () => {
  it('close every phase but the project pages, which place no quiz', () => {
    expect(phases.map((p) => p.dir)).toEqual(['01-what-wsgi-is', '02-an-app-from-scratch', '03-server-and-middleware', '04-why-async']);
    for (const dir of PROJECT_PAGES) expect(readFileSync(new URL(`${dir}/index.mdx`, ROOT), 'utf8'), dir).not.toMatch(/<Quiz\b/);
  });

  it('keep at least 7 questions per phase', () => {
    for (const { dir, quiz } of phases) expect(quiz.questions.length, dir).toBeGreaterThanOrEqual(7);
  });

  it('do not make the correct option the longest (or the shortest) in more than 35% of questions', () => {
    const ranks = questions.map(lengthRank);
    const longest = questions.filter((_, i) => ranks[i] === 1).map((q) => q.id);
    const shortest = questions.filter((q, i) => ranks[i] === q.options.length).map((q) => q.id);
    expect(longest.length / questions.length, `correct is the longest in: ${longest.join(', ')}`).toBeLessThanOrEqual(0.35);
    expect(shortest.length / questions.length, `correct is the shortest in: ${shortest.join(', ')}`).toBeLessThanOrEqual(0.35);
    // Nor the reverse signal: "never the longest" would point at it just as well.
    expect(longest.length / questions.length).toBeGreaterThanOrEqual(0.1);
    // And no length rank (second longest, ...) holds most of the course.
    for (const [rank, share] of shares(ranks)) expect(share, `length rank ${rank}`).toBeLessThanOrEqual(0.4);
  });

  it('put the correct option in every HTML position about equally (the build order ignores the authored one)', () => {
    const positions = questions.map((q) => buildOrder(q.id, idsOf(q)).indexOf(idsOf(q)[correctOf(q)]));
    for (const [position, share] of shares(positions)) expect(share, `HTML position ${position}`).toBeLessThanOrEqual(0.4);
  });

  it('show each reader an order of their own, the same at every visit', () => {
    const q = questions[0];
    const ids = idsOf(q);
    expect(readerOrder('00000000000000aa', q.id, ids)).toEqual(readerOrder('00000000000000aa', q.id, ids));
    const orders = new Set(Array.from({ length: 40 }, (_, s) => readerOrder(s.toString(16).padStart(16, '0'), q.id, ids).join()));
    expect(orders.size).toBeGreaterThan(10);
    // Over many readers the correct option lands in every on-screen position about equally.
    const seen = Array.from({ length: 400 }, (_, s) => readerOrder(`seed${s}`, q.id, ids).indexOf(ids[correctOf(q)]));
    for (const [, share] of shares(seen)) expect(share).toBeLessThan(0.35);
  });
});

describe('sealed answers', () => {
  it('recognise the correct option by its hash, and only that one', () => {
    for (const q of questions) {
      const ids = idsOf(q);
      const shipped = answerHash(q.id, ids[correctOf(q)]);
      expect(ids.map((id) => isCorrect(q.id, id, shipped)), q.id).toEqual(q.options.map((o) => o.correct));
      expect(new Set(ids).size, `${q.id}: option ids are unique`).toBe(ids.length);
    }
  });

  it('scramble every explanation, all of one question to the same length, and read them back', () => {
    const q = questions.find((x) => x.id === 'p2-content-length-bytes')!;
    const padTo = Math.max(...q.options.map((o) => o.explanation.length));
    const sealed = q.options.map((o) => sealExplanation(q.id, o.explanation, padTo));
    expect(new Set(sealed.map((s) => s.length)).size).toBe(1);
    q.options.forEach((o, i) => {
      expect(openExplanation(q.id, sealed[i])).toBe(o.explanation);
      expect(sealed[i]).not.toContain(o.explanation.slice(0, 12));
    });
    expect(openExplanation('p1-x', sealExplanation('p1-x', 'Grüße — “quoted” <b>&amp;</b>'))).toBe('Grüße — “quoted” <b>&amp;</b>');
  });
});
