/**
 * The predict-then-run questions as the build ships them. The page gets what it needs before the
 * reader commits (the code, the request, the choices in an order that says nothing, each choice's
 * value when it differs from its text); never which choice is right, which only the run tells. The
 * explanations wait in /predict/<slug>.json (src/pages/predict/[slug].json.ts), fetched after a run.
 */
import { getCollection } from 'astro:content';
import { phaseSlug } from '../../components/phase-order';
import { buildOrder, optionId } from '../quiz/index.ts';
import type { PredictQuestion } from './predict-schema';

export interface ShippedPrediction {
  /** The phase folder, e.g. "02-an-app-from-scratch". */
  folder: string;
  slug: string;
  question: PredictQuestion;
  /** Choices in build order (by hash), with opaque ids; none for a text answer. */
  choices: { id: string; text: string; value: string }[];
}

/** The URL of a phase's explanations. */
export const predictExplanationsUrl = (slug: string) => `/predict/${slug}.json`;

/** Every phase's predict-then-run questions. */
export async function shippedPredictions(): Promise<ShippedPrediction[]> {
  return (await getCollection('predictions')).flatMap((entry) => entry.data.questions.map((question) => {
    const authored = (question.choices ?? []).map((c, i) => ({ id: optionId(question.id, i, c.text), text: c.text, value: c.value ?? c.text }));
    const byId = new Map(authored.map((c) => [c.id, c]));
    return {
      folder: entry.id,
      slug: phaseSlug(entry.id),
      question,
      choices: buildOrder(question.id, authored.map((c) => c.id)).map((id) => byId.get(id)!),
    };
  }));
}

export interface Explanations {
  /** Why the real result is what it is. */
  explanation: string;
  /** Choice id → why that prediction is right or wrong. */
  choices: Record<string, string>;
  /** What other real servers answer (measured by CI). */
  elsewhere: Record<string, string>;
}

/** The body of /predict/<slug>.json: question id → its explanations. */
export function explanationsOf(questions: ShippedPrediction[]): Record<string, Explanations> {
  return Object.fromEntries(questions.map(({ question: q }) => [q.id, {
    explanation: q.explanation,
    choices: Object.fromEntries((q.choices ?? []).map((c, i) => [optionId(q.id, i, c.text), c.explanation])),
    elsewhere: q.elsewhere ?? {},
  }]));
}
