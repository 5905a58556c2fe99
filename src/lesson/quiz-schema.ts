/**
 * The schema of content/phases/NN-slug/quiz.yaml: the quick check that closes a phase.
 * Messages name the field and the fix, because the reader is an author looking at YAML
 * (Astro prefixes the file name and the field path).
 */
import { z } from 'astro/zod';

const text = (field: string, example: string) =>
  z.string({ error: `${field} must be text, e.g. ${example}` }).trim().min(1, `${field} must not be empty, e.g. ${example}`);

export const optionSchema = z.strictObject({
  text: text('text', 'text: 405 Method Not Allowed'),
  correct: z.boolean({ error: 'correct must be true or false, e.g. correct: false' }),
  explanation: text('explanation', 'explanation: The resource exists; only the method is wrong.')
    .pipe(z.string().min(10, 'explanation needs at least 10 characters: say why this option is right or wrong')),
});

export const questionSchema = z.strictObject({
  id: z.string({ error: 'id must be text, e.g. id: p2-405-allow' })
    .regex(/^p[1-4]-[a-z0-9-]+$/, 'id must look like p2-405-allow (p, the phase number, a dash, lower-case words)'),
  question: text('question', 'question: What answers DELETE /notes when only GET exists?'),
  options: z.array(optionSchema, { error: 'options must be a list of {text, correct, explanation}' })
    .min(2, 'options needs at least 2 answers')
    .max(6, 'options allows at most 6 answers')
    .refine((options) => options.filter((o) => o.correct).length === 1,
      'options must have exactly one answer with correct: true'),
});

/** A phase's quiz: at least five questions, ids unique. */
export const quizSchema = z.strictObject({
  phase: z.number({ error: 'phase must be the phase number, e.g. phase: 2' }).int().min(1).max(4),
  questions: z.array(questionSchema, { error: 'questions must be a list' })
    .min(5, 'questions needs at least 5 entries (every phase closes with at least five)')
    .refine((qs) => new Set(qs.map((q) => q.id)).size === qs.length, 'questions: every id must be unique'),
});

export type QuizData = z.infer<typeof quizSchema>;
export type QuizQuestion = z.infer<typeof questionSchema>;
