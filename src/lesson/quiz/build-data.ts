/**
 * A phase's quick check as the build ships it (quiz/sealed.ts says how far the hiding goes), split in two:
 * what the page needs before the reader answers (opaque option ids in build order, the salted hash of
 * the right id), written into the HTML by Quiz.astro; and the scrambled explanations, which only an
 * answer needs, written to /quiz/<slug>.json by src/pages/quiz/[slug].json.ts and fetched by the page
 * on the reader's first Check (or to show an answer saved earlier). Keeping them out of the HTML keeps
 * the phase pages inside their weight budget (tests/e2e/site-budget.spec.ts).
 */
import { getCollection } from 'astro:content';
import { phaseSlug } from '../../components/phase-order';
import { answerHash, buildOrder, optionId, sealExplanation, VERDICT_PREFIX } from './sealed';

export interface ShippedQuestion {
  id: string;
  question: string;
  /** The salted hash of the right option's id. */
  answer: string;
  /** Options in build order (by hash, never the authored order), each with its scrambled explanation. */
  options: { id: string; text: string; sealed: string }[];
}

export interface ShippedQuiz {
  slug: string;
  phase: number;
  questions: ShippedQuestion[];
}

/** The URL of a phase's scrambled explanations. */
export const explanationsUrl = (slug: string) => `/quiz/${slug}.json`;

/** Every phase's quick check, sealed. */
export async function shippedQuizzes(): Promise<ShippedQuiz[]> {
  return (await getCollection('quizzes')).map((entry) => ({
    slug: phaseSlug(entry.id),
    phase: entry.data.phase,
    questions: entry.data.questions.map((q) => {
      const options = q.options.map((o, oi) => ({ ...o, id: optionId(q.id, oi, o.text) }));
      const byId = new Map(options.map((o) => [o.id, o]));
      const explain = (o: (typeof options)[number]) => o.explanation.replace(VERDICT_PREFIX, '');
      const padTo = Math.max(...options.map((o) => explain(o).length));
      return {
        id: q.id,
        question: q.question,
        answer: answerHash(q.id, options.find((o) => o.correct)!.id),
        options: buildOrder(q.id, options.map((o) => o.id)).map((id) => {
          const o = byId.get(id)!;
          return { id, text: o.text, sealed: sealExplanation(q.id, explain(o), padTo) };
        }),
      };
    }),
  }));
}

/** The body of /quiz/<slug>.json: question id → option id → scrambled explanation (all of one question the same length). */
export function explanationsOf(quiz: ShippedQuiz): Record<string, Record<string, string>> {
  return Object.fromEntries(quiz.questions.map((q) => [q.id, Object.fromEntries(q.options.map((o) => [o.id, o.sealed]))]));
}
