/**
 * The schema of content/phases/NN-slug/exercises/NAME/checks.yaml: what the exercise asks and the
 * checks that decide whether the reader's code does it. A check is one request and what its answer
 * must be; for an ASGI exercise a check may add a workload (many requests at once) with a time bound.
 */
import { z } from 'astro/zod';
import type { ExerciseCheck as RuntimeCheck } from '../runtime/exercise-checks.ts';
import { SERVER_MODE_NAMES } from '../runtime/server-modes.ts';

const modeList = `${SERVER_MODE_NAMES.slice(0, -1).join(', ')} or ${SERVER_MODE_NAMES.at(-1)}`;

const text = (field: string, example: string) =>
  z.string({ error: `${field} must be text, e.g. ${example}` }).trim().min(1, `${field} must not be empty, e.g. ${example}`);

export const requestSchema = z.strictObject({
  method: z.string({ error: 'request.method must be text, e.g. method: GET' }).regex(/^[A-Z]+$/, 'request.method must be upper case, e.g. GET'),
  path: z.string({ error: 'request.path must be text, e.g. path: "/?name=Ada"' }).startsWith('/', 'request.path must start with /'),
  headers: z.record(z.string(), z.string({ error: 'request.headers values must be text; quote numbers, e.g. Content-Length: "5"' })).optional(),
  body: z.string({ error: 'request.body must be text' }).optional(),
});

export const expectSchema = z.strictObject({
  status: z.number({ error: 'expect.status must be a number, e.g. status: 404' }).int().min(100).max(599).optional(),
  headers: z.record(z.string(), z.string({ error: 'expect.headers values must be text; quote numbers, e.g. Content-Length: "11"' })).optional(),
  body_equals: z.string().optional(),
  body_contains: z.string().optional(),
  body_matches: z.string().refine((s) => { try { new RegExp(s); return true; } catch { return false; } }, 'expect.body_matches must be a valid regular expression').optional(),
  no_violations: z.boolean().optional(),
  max_seconds: z.number({ error: 'expect.max_seconds must be a number of (virtual) seconds' }).positive().optional(),
  /** ASGI: at most this many (virtual) seconds from the request's arrival to the first non-empty body message. */
  first_body_within: z.number({ error: 'expect.first_body_within must be a number of (virtual) seconds' }).nonnegative().optional(),
}).refine((e) => Object.keys(e).length > 0, 'expect needs at least one expectation, e.g. status: 200');

export const checkSchema = z.strictObject({
  name: text('name', 'name: answers 404 for an unknown path'),
  request: requestSchema,
  /** The server personality that answers this check (default reference): a check that must show what one
   * real server does, e.g. wsgiref waiting for ever on an unsized wsgi.input.read(). */
  server: z.enum(SERVER_MODE_NAMES, { error: `server must be ${modeList}` }).optional(),
  /** Shown under the check when it fails: what it tests and why, in the reader's words. */
  why: text('why', 'why: read() with no size waits for the client to close').optional(),
  /** Instead of one request through the server core, call the reader's code directly
   * (src/runtime/python/exercise_probes.py): their server function with a probe app, or their app
   * as a client that goes away after the first chunk. The request names the path. */
  probe: z.strictObject({
    kind: z.enum(['server_loop', 'after_disconnect', 'first_chunk', 'log', 'pool'], { error: 'probe.kind must be server_loop, after_disconnect, first_chunk, log or pool' }),
    app: z.enum(['list', 'generator', 'closing', 'failing', 'writer'], { error: 'probe.app must be list, generator, closing, failing or writer' }).optional(),
    function: z.string().regex(/^[A-Za-z_]\w*$/, 'probe.function must be a Python name').optional(),
    first: z.string().startsWith('/', 'probe.first must be a path starting with /').optional(),
    /** pool: how many copies of the request arrive at once, and how many sync workers serve them. */
    requests: z.number().int().min(2).max(100).optional(),
    workers: z.number().int().min(1).max(16).optional(),
  }).optional(),
  workload: z.strictObject({
    concurrent_requests: z.number().int().min(2, 'workload.concurrent_requests must be at least 2').max(100),
  }).optional(),
  expect: expectSchema,
}).refine((c) => c.expect.max_seconds === undefined || c.workload !== undefined,
  { message: 'expect.max_seconds needs a workload: it bounds how long the simultaneous requests take', path: ['expect', 'max_seconds'] });

/** One exercise: prompt, progressive hints, checks; `kind: asgi` for an async def app. */
export const exerciseSchema = z.strictObject({
  kind: z.enum(['wsgi', 'asgi'], { error: 'kind must be wsgi or asgi' }).default('wsgi'),
  title: text('title', 'title: A router with 404'),
  prompt: text('prompt', 'prompt: Route requests by path...'),
  hints: z.array(text('each hint', '- The path is environ["PATH_INFO"].')).min(1, 'hints needs at least one hint'),
  checks: z.array(checkSchema).min(2, 'checks needs at least 2 checks'),
}).refine((e) => e.kind === 'asgi' || e.checks.every((c) => !c.workload),
  { message: 'a workload check needs kind: asgi (it runs on the event-loop simulation)', path: ['checks'] })
  .refine((e) => e.kind === 'wsgi' || e.checks.every((c) => !c.probe),
    { message: 'a probe calls WSGI code directly; an asgi exercise runs on the event-loop simulation', path: ['checks'] })
  .refine((e) => e.kind === 'wsgi' || e.checks.every((c) => !c.server),
    { message: 'server names a WSGI server personality; an asgi exercise runs on the event-loop simulation', path: ['checks'] });

export type ExerciseData = z.infer<typeof exerciseSchema>;
export type ExerciseCheck = z.infer<typeof checkSchema>;

/** The checks the worker takes (src/runtime/exercise-checks.ts, judged by exercise_checks.py) are exactly
 * what this schema accepts: the type check (stage 28) fails here when the two drift apart. */
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
export const CHECKS_MATCH_THE_RUNTIME: Same<ExerciseCheck, RuntimeCheck> = true;
