import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { z } from 'astro/zod';
import { quizSchema } from './lesson/quiz-schema.ts';
import { exerciseSchema } from './lesson/checks-schema.ts';
import { predictFileSchema } from './lesson/predict/predict-schema.ts';

// Errors say what the field is for and show a valid line, because the reader of
// the message is an author looking at frontmatter (Astro adds the file name).
const oneLine = (field: string, example: string) =>
  z
    .string({ error: `${field} must be text, e.g. ${example}` })
    .trim()
    .min(1, `${field} must not be empty, e.g. ${example}`)
    .refine((s) => !s.includes('\n'), `${field} must fit on one line`);

/** The frontmatter of content/phases/NN-slug/index.mdx. */
export const phaseSchema = z.object({
  title: oneLine('title', 'title: What WSGI is').pipe(z.string().min(3, 'title needs at least 3 characters')),
  phase: z
    .number({ error: 'phase must be a number (the phase’s place in the course, matching the folder’s NN- prefix), e.g. phase: 2' })
    .int('phase must be a whole number, e.g. phase: 2')
    .min(1, 'phase must be between 1 and 5')
    .max(5, 'phase must be between 1 and 5'),
  summary: oneLine('summary', 'summary: Build a small WSGI app by hand.').pipe(
    z.string().min(10, 'summary needs at least 10 characters').max(200, 'summary must be at most 200 characters (one line on the landing page)'),
  ),
  objectives: z
    .array(z.string({ error: 'each objective must be text' }).min(5, 'each objective needs at least 5 characters'), {
      error: 'objectives must be a list, e.g.\nobjectives:\n  - Write a WSGI app by hand.',
    })
    .min(2, 'objectives needs at least 2 items (what the reader can do by the end)'),
  minutes: z
    .number({ error: 'minutes must be a number (reading and exercise time), e.g. minutes: 30' })
    .int('minutes must be a whole number')
    .min(5, 'minutes must be between 5 and 120')
    .max(120, 'minutes must be between 5 and 120'),
});

/** The four phases and the capstone: one folder each under content/phases/NN-slug/ with index.mdx. */
const phases = defineCollection({
  loader: glob({ pattern: '*/index.mdx', base: './content/phases' }),
  schema: phaseSchema,
});

/** The quick check closing each phase (content/phases/NN-slug/quiz.yaml); id = the phase folder. */
const quizzes = defineCollection({
  loader: glob({ pattern: '*/quiz.yaml', base: './content/phases', generateId: ({ entry }) => entry.split('/')[0] }),
  schema: quizSchema,
});

/** Exercises (content/phases/NN-slug/exercises/NAME/checks.yaml); id = NAME, unique across phases. */
const exercises = defineCollection({
  loader: glob({ pattern: '*/exercises/*/checks.yaml', base: './content/phases', generateId: ({ entry }) => entry.split('/')[2] }),
  schema: exerciseSchema,
});

/** Predict-then-run questions (content/phases/NN-slug/predict.yaml); id = the phase folder. */
const predictions = defineCollection({
  loader: glob({ pattern: '*/predict.yaml', base: './content/phases', generateId: ({ entry }) => entry.split('/')[0] }),
  schema: predictFileSchema,
});

export const collections = { phases, quizzes, exercises, predictions };
