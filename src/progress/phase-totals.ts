/** What each phase holds (question ids, exercise names), computed at build time for the progress badges. */
import { getCollection } from 'astro:content';
import { phaseSlug } from '../components/phase-order';

export type PhaseTotals = Record<string, { questions: string[]; exercises: string[] }>;

/** Question ids and exercise names per phase slug. */
export async function phaseTotals(): Promise<PhaseTotals> {
  const totals: PhaseTotals = {};
  const slot = (slug: string) => (totals[slug] ??= { questions: [], exercises: [] });
  for (const quiz of await getCollection('quizzes')) {
    slot(phaseSlug(quiz.id)).questions.push(...quiz.data.questions.map((q) => q.id));
  }
  for (const exercise of await getCollection('exercises')) {
    // The entry's file is content/phases/NN-slug/exercises/NAME/checks.yaml.
    const folder = exercise.filePath?.split('/').at(-4);
    if (!folder) throw new Error(`exercise ${exercise.id}: cannot tell which phase folder holds it`);
    slot(phaseSlug(folder)).exercises.push(exercise.id);
  }
  return totals;
}
