import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { quizSchema } from '../../src/lesson/quiz-schema.ts';
import { exerciseSchema } from '../../src/lesson/checks-schema.ts';

const option = (text: string, correct: boolean) => ({ text, correct, explanation: `Because ${text} is how it works.` });
const question = (id: string) => ({ id, question: 'Which one?', options: [option('a', true), option('b', false)] });
const quiz = { phase: 2, questions: ['p2-a', 'p2-b', 'p2-c', 'p2-d', 'p2-e'].map(question) };

/** "path: message" lines of a failed parse. */
function problems(schema: { safeParse(d: unknown): { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } } }, data: unknown): string[] {
  const r = schema.safeParse(data);
  return r.success ? [] : r.error!.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
}

describe('quiz.yaml schema', () => {
  it('accepts a quiz of five questions with one right answer each', () => {
    expect(problems(quizSchema, quiz)).toEqual([]);
  });
  it('refuses two correct answers, or none, naming the question', () => {
    const two = structuredClone(quiz);
    two.questions[1].options[1].correct = true;
    expect(problems(quizSchema, two)).toEqual(['questions.1.options: options must have exactly one answer with correct: true']);
    const none = structuredClone(quiz);
    none.questions[2].options[0].correct = false;
    expect(problems(quizSchema, none)[0]).toMatch(/^questions\.2\.options: .*exactly one/);
  });
  it('requires an explanation for every option', () => {
    const bad = structuredClone(quiz) as unknown as { questions: { options: Record<string, unknown>[] }[] };
    delete bad.questions[0].options[1].explanation;
    expect(problems(quizSchema, bad)).toEqual(['questions.0.options.1.explanation: explanation must be text, e.g. explanation: The resource exists; only the method is wrong.']);
  });
  it('requires at least five questions with unique ids', () => {
    expect(problems(quizSchema, { ...quiz, questions: quiz.questions.slice(0, 4) })[0]).toMatch(/at least 5/);
    expect(problems(quizSchema, { ...quiz, questions: [...quiz.questions, question('p2-a')] })[0]).toMatch(/unique/);
  });
});

const exercise = {
  title: 'A router', prompt: 'Route it.', hints: ['Use PATH_INFO.'],
  checks: [
    { name: 'home', request: { method: 'GET', path: '/' }, expect: { status: 200 } },
    { name: 'missing', request: { method: 'GET', path: '/x' }, expect: { status: 404, no_violations: true } },
  ],
};

describe('checks.yaml schema', () => {
  it('accepts an exercise and defaults kind to wsgi', () => {
    expect(exerciseSchema.parse(exercise).kind).toBe('wsgi');
  });
  it('refuses a hint that YAML read as a mapping (an unquoted colon)', () => {
    expect(problems(exerciseSchema, { ...exercise, hints: [{ 'A 404 is normal': 'call start_response' }] })[0]).toMatch(/^hints\.0: each hint must be text/);
  });
  it('refuses an unknown expectation and an empty one', () => {
    const bad = structuredClone(exercise) as unknown as { checks: { expect: Record<string, unknown> }[] };
    bad.checks[0].expect = { statuss: 200 };
    expect(problems(exerciseSchema, bad).join('\n')).toMatch(/checks\.0\.expect/);
  });
  it('allows a workload only on an ASGI exercise, and max_seconds only with a workload', () => {
    const timed = structuredClone(exercise) as unknown as { kind?: string; checks: Record<string, unknown>[] };
    timed.checks[1] = { ...timed.checks[1], workload: { concurrent_requests: 10 }, expect: { max_seconds: 1 } };
    expect(problems(exerciseSchema, timed)[0]).toMatch(/workload check needs kind: asgi/);
    timed.kind = 'asgi';
    expect(problems(exerciseSchema, timed)).toEqual([]);
    timed.checks[0] = { ...timed.checks[0], expect: { max_seconds: 1 } };
    expect(problems(exerciseSchema, timed)[0]).toMatch(/^checks\.0\.expect\.max_seconds: .*needs a workload/);
  });
  it('lets a WSGI check name the server personality that answers it, and say why it matters', () => {
    const onWsgiref = structuredClone(exercise) as unknown as { kind?: string; checks: Record<string, unknown>[] };
    onWsgiref.checks[0] = { ...onWsgiref.checks[0], server: 'wsgiref', why: 'wsgiref waits for ever on read().' };
    expect(problems(exerciseSchema, onWsgiref)).toEqual([]);
    onWsgiref.checks[1] = { ...onWsgiref.checks[1], server: 'apache' };
    expect(problems(exerciseSchema, onWsgiref)[0]).toMatch(/^checks\.1\.server: server must be reference, wsgiref, gunicorn or waitress/);
    onWsgiref.checks[1] = { ...onWsgiref.checks[1], server: 'gunicorn' };
    onWsgiref.kind = 'asgi';
    expect(problems(exerciseSchema, onWsgiref)[0]).toMatch(/server names a WSGI server personality/);
  });
});

describe('reference rules', () => {
  it('name only violations the in-browser server really reports', () => {
    const rules = readFileSync('content/reference/rules.yaml', 'utf8');
    const core = readFileSync('src/runtime/python/wsgisim/violations.py', 'utf8');
    const named = [...rules.matchAll(/core_rule: (\w+)/g)].map((m) => m[1]);
    expect(named.length).toBeGreaterThan(5);
    for (const rule of named) expect(core, rule).toContain(`"${rule}":`);
  });
});
