/**
 * The schema of content/phases/NN-slug/predict.yaml: the predict-then-run questions of a phase
 * (README.md beside this file). Messages name the field and the fix, for an author looking at YAML.
 */
import { z } from 'astro/zod';
import { SERVER_MODE_NAMES } from '../../runtime/server-modes.ts';

const text = (field: string, example: string) =>
  z.string({ error: `${field} must be text, e.g. ${example}` }).trim().min(1, `${field} must not be empty, e.g. ${example}`);
const explanation = (field: string) => text(field, `${field}: The server sends write() bytes first.`)
  .pipe(z.string().min(10, `${field} needs at least 10 characters: say why`));

const header = z.tuple([z.string(), z.string()], { error: 'each header must be [name, value], e.g. [Content-Type, text/plain]' });
export const requestSchema = z.union([
  z.string().regex(/^[A-Z]+ \/\S*$/, 'request must look like "GET /path?query" (method, a space, the target)'),
  z.strictObject({
    method: z.string().regex(/^[A-Z]+$/, 'request.method must be upper case, e.g. POST'),
    target: z.string().startsWith('/', 'request.target must start with /'),
    headers: z.array(header).optional(),
    body: z.string().optional(),
  }),
], { error: 'request must be "GET /path" or {method, target, headers?, body?}' });

const simulatedRequest = z.strictObject({
  id: z.number().int().min(1),
  at: z.number().min(0),
  path: z.string().startsWith('/'),
  method: z.string().optional(),
});

/** What the page reads from the run: the field the reader predicts. */
export const observeSchema = z.union([
  z.enum(['status', 'body', 'stdout', 'layer']),
  z.strictObject({ header: text('observe.header', 'observe: {header: Content-Length}') }),
  z.strictObject({ latency: z.number().int().min(1) }),
  z.strictObject({ status: z.number().int().min(1) }),
], { error: 'observe must be status, body, stdout, layer, {header: Name}, or for a simulation {latency: N} or {status: N} (N: a request id)' });

const choiceSchema = z.strictObject({
  text: text('text', 'text: "200 OK"'),
  /** What the observed field must equal for this choice to be what happened; default: the text. */
  value: z.string().optional(),
  correct: z.boolean().optional(),
  explanation: explanation('explanation'),
});

/** The core's modes (generated from its mode classes: src/runtime/server-modes.ts). */
const MODES = SERVER_MODE_NAMES;

export const predictQuestionSchema = z.strictObject({
  id: z.string().regex(/^p[1-4]-[a-z0-9-]+$/, 'id must look like p2-late-error (p, the phase number, a dash, lower-case words)'),
  file: z.string().regex(/^[A-Za-z_]\w*\.py$/, 'file must be a .py file name in the phase\'s examples/, e.g. predict_pool.py'),
  callable: z.string().regex(/^[A-Za-z_]\w*$/).optional(),
  mode: z.enum(MODES, { error: `mode must be one of ${MODES.join(', ')}` }).optional(),
  request: requestSchema.optional(),
  simulate: z.strictObject({
    server: z.enum(['pool', 'loop']),
    workers: z.number().int().min(1).max(16).optional(),
    requests: z.array(simulatedRequest).min(1).max(50),
  }).optional(),
  observe: observeSchema,
  question: text('question', 'question: What status line does the client get?'),
  choices: z.array(choiceSchema).min(2).max(6)
    .refine((cs) => cs.filter((c) => c.correct).length === 1, 'choices must have exactly one with correct: true')
    .optional(),
  answer: z.strictObject({
    key: text('answer.key', 'key: "1.5"'),
    label: text('answer.label', 'label: Latency of request 3, in seconds'),
    placeholder: z.string().optional(),
  }).optional(),
  /** What other real servers answer (measured by tests/content/check_predictions.py), shown after the run. */
  elsewhere: z.partialRecord(z.enum(['wsgiref', 'gunicorn', 'waitress']), z.string()).optional(),
  explanation: explanation('explanation'),
}).superRefine((q, ctx) => {
  if (Boolean(q.request) === Boolean(q.simulate)) ctx.addIssue({ code: 'custom', message: `${q.id}: give either request (one request to the server) or simulate (a pool or loop under load), not both` });
  if (Boolean(q.choices) === Boolean(q.answer)) ctx.addIssue({ code: 'custom', message: `${q.id}: give either choices (a list to pick from) or answer (a short text field), not both` });
  const simObserve = typeof q.observe === 'object' && ('latency' in q.observe || 'status' in q.observe);
  if (q.simulate && !simObserve) ctx.addIssue({ code: 'custom', message: `${q.id}: a simulation observes {latency: N} or {status: N}` });
  if (q.request && simObserve) ctx.addIssue({ code: 'custom', message: `${q.id}: {latency: N} needs simulate, not request` });
});

/** A phase's predict-then-run questions, ids unique. */
export const predictFileSchema = z.strictObject({
  phase: z.number().int().min(1).max(4),
  questions: z.array(predictQuestionSchema).min(1)
    .refine((qs) => new Set(qs.map((q) => q.id)).size === qs.length, 'questions: every id must be unique'),
});

export type PredictQuestion = z.infer<typeof predictQuestionSchema>;
export type PredictFile = z.infer<typeof predictFileSchema>;
export type Observe = z.infer<typeof observeSchema>;
