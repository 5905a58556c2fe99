import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { predictFileSchema } from '../../src/lesson/predict/predict-schema.ts';
import {
  ABSENT, formatSeconds, normalise, NO_RESPONSE, observeRun, observeSimulation, same, SERVER,
} from '../../src/lesson/predict/observe.ts';
import type { RunResult } from '../../src/runtime/client.ts';

// Predict-then-run questions: the page compares a prediction with what the run really gave, by the
// rules of observe.ts (the same rules as tests/content/check_predictions.py, which checks every
// answer key against a real run in CI).

const ROOT = new URL('../../content/phases/', import.meta.url);
// The four phases (a capstone folder after them has no questions of this kind).
const phases = readdirSync(ROOT).filter((d) => /^0[1-4]-/.test(d)).sort();
const files = phases.filter((dir) => existsSync(new URL(`${dir}/predict.yaml`, ROOT))).map((dir) => ({
  dir,
  data: predictFileSchema.parse(parse(readFileSync(new URL(`${dir}/predict.yaml`, ROOT), 'utf8'))),
  mdx: readFileSync(new URL(`${dir}/index.mdx`, ROOT), 'utf8'),
}));

const run = (server: Partial<NonNullable<RunResult['server']>>): RunResult => ({
  server: { status: '200 OK', headers: [], body: new Uint8Array(), events: [], stdout: '', ...server },
} as unknown as RunResult);

describe('observe', () => {
  it('compares without case, runs of spaces or surrounding quotes', () => {
    expect(normalise('  "200   OK" ')).toBe('200 ok');
    expect(same('status', '200 ok', '200 OK')).toBe(true);
    expect(same('status', '500 Internal Server Error', '200 OK')).toBe(false);
  });

  it('compares latencies as numbers, whatever the reader typed around them', () => {
    for (const typed of ['1.5', '1.5 s', '1.50s', '1,5']) expect(same({ latency: 3 }, typed, '1.5 s'), typed).toBe(true);
    expect(same({ latency: 3 }, '2', '1.5 s')).toBe(false);
    expect(same({ latency: 3 }, 'slow', '1.5 s')).toBe(false);
    expect(formatSeconds(2)).toBe('2 s');
    expect(formatSeconds(2.8000000001)).toBe('2.8 s');
  });

  it('reads the status, a header (joined, or absent), the body and the output of a run', () => {
    const r = run({
      status: '401 Unauthorized', body: new TextEncoder().encode('/cafÃ©'), stdout: '  a\n\nb  \n',
      headers: [['Set-Cookie', 'a=1'], ['set-cookie', 'b=2']],
    });
    expect(observeRun('status', r)).toBe('401 Unauthorized');
    expect(observeRun({ header: 'Set-Cookie' }, r)).toBe('a=1, b=2');
    expect(observeRun({ header: 'Content-Length' }, r)).toBe(ABSENT);
    expect(observeRun('body', r)).toBe('/cafÃ©');
    expect(observeRun('stdout', r)).toBe('a\nb');
    expect(observeRun('status', run({ status: null }))).toBe(NO_RESPONSE);
  });

  it('names the layer whose start_response came first (the one that answered)', () => {
    const events = [
      { type: 'layer_enter', layer: 0, name: 'add_header', t: 0 },
      { type: 'layer_enter', layer: 1, name: 'require_token', t: 1 },
      { type: 'layer_start_response', layer: 1, t: 2 },
      { type: 'layer_start_response', layer: 0, t: 3 },
    ];
    expect(observeRun('layer', run({ events }))).toBe('require_token');
    expect(observeRun('layer', run({ events: [] }))).toBe(SERVER);
  });

  it('reads one simulated request’s latency by its id', () => {
    const sim = { pool: { error: null, requests: [{ id: 2, latency: 1 }, { id: 3, latency: 2.0000001 }] } } as never;
    expect(observeSimulation({ latency: 3 }, sim, 'pool')).toBe('2 s');
    expect(observeSimulation({ latency: 9 }, sim, 'pool')).toBe('(failed)');
  });
});

describe('the course’s predict-then-run questions', () => {
  it('number at least 3 per phase, each shown on its page once', () => {
    for (const dir of phases) {
      const file = files.find((f) => f.dir === dir);
      expect(file?.data.questions.length ?? 0, dir).toBeGreaterThanOrEqual(3);
      for (const q of file!.data.questions) {
        expect(file!.mdx.match(new RegExp(`<Predict id="${q.id}"`, 'g'))?.length, `${dir}: <Predict id="${q.id}">`).toBe(1);
      }
    }
  });

  it('offer choices no two of which match the same result, each a real example file', () => {
    for (const { dir, data } of files) {
      for (const q of data.questions) {
        expect(existsSync(new URL(`${dir}/examples/${q.file}`, ROOT)), `${q.id}: ${q.file}`).toBe(true);
        const values = (q.choices ?? []).map((c) => c.value ?? c.text);
        for (const [i, a] of values.entries()) {
          for (const b of values.slice(i + 1)) expect(same(q.observe, a, b), `${q.id}: “${a}” and “${b}”`).toBe(false);
        }
      }
    }
  });

  it('refuse a question with both a request and a simulation, or neither answer kind', () => {
    const base = { id: 'p1-x', file: 'x.py', observe: 'status', question: 'What status?', explanation: 'Because it does.' };
    const choices = [{ text: 'a', correct: true, explanation: 'Because so.' }, { text: 'b', explanation: 'Because not.' }];
    expect(predictFileSchema.safeParse({ phase: 1, questions: [{ ...base, request: 'GET /', choices }] }).success).toBe(true);
    expect(predictFileSchema.safeParse({ phase: 1, questions: [{ ...base, choices }] }).success).toBe(false);
    expect(predictFileSchema.safeParse({ phase: 1, questions: [{ ...base, request: 'GET /' }] }).success).toBe(false);
    expect(predictFileSchema.safeParse({ phase: 1, questions: [{ ...base, request: 'GET /', choices: choices.map((c) => ({ ...c, correct: true })) }] }).success).toBe(false);
  });
});
