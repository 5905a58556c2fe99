import { describe, expect, it } from 'vitest';
import { evaluate } from '../../src/lesson/exercise/evaluate.ts';
import { answerFromCore, answerFromLoop } from '../../src/lesson/exercise/answers.ts';
import { loopOutcomes } from '../../src/lesson/exercise/run-checks.ts';

const ok = { status: '200 OK', headers: [['Content-Type', 'text/plain; charset=utf-8']] as [string, string][], body: 'Hello, Ada!\n', problems: [] };

describe('evaluate', () => {
  it('passes an answer that meets every expectation (header names case-insensitive)', () => {
    expect(evaluate({ status: 200, headers: { 'content-type': 'text/plain; charset=utf-8' }, body_equals: 'Hello, Ada!\n', body_contains: 'Ada', body_matches: '^Hello', no_violations: true }, ok)).toEqual([]);
  });
  it('reports expected against actual for each miss', () => {
    expect(evaluate({ status: 404, headers: { Allow: 'GET' }, body_equals: 'x' }, ok)).toEqual([
      { what: 'status', expected: '404', actual: '200 OK' },
      { what: 'header Allow', expected: 'GET', actual: '(missing)' },
      { what: 'body', expected: '"x"', actual: '"Hello, Ada!\\n"' },
    ]);
  });
  it('fails no_violations on a broken rule or an error, and says why nothing came back', () => {
    const answer = answerFromCore({ status: null, headers: [], body: new Uint8Array(), violations: [{ rule: 'x', pep: 'Unicode Issues', message: 'body is str' }], error: { kind: 'app_exception', message: 'ValueError: boom' } });
    const failures = evaluate({ status: 200, no_violations: true }, answer);
    expect(failures[0]).toEqual({ what: 'status', expected: '200', actual: 'no response (the app raised an exception: ValueError: boom)' });
    expect(failures[1].actual).toContain('PEP 3333, Unicode Issues: body is str');
  });
  it('bounds a workload by its duration', () => {
    expect(evaluate({ max_seconds: 1 }, ok, 3.0)).toEqual([{ what: 'time for all requests', expected: 'at most 1 s', actual: '3 s' }]);
    expect(evaluate({ max_seconds: 1 }, ok, 0.3)).toEqual([]);
  });
});

describe('loop outcomes', () => {
  const record = (over: Record<string, unknown> = {}) => ({ status: '200 OK', headers: [], body_preview: 'The service said 42\n', body_bytes: 20, outcome: 'complete', violations: [], error: null, ...over });
  const check = { name: 'ten at once', request: { method: 'GET', path: '/' }, workload: { concurrent_requests: 2 }, expect: { status: 200, max_seconds: 1 } };
  it('passes when every request passes within the time', () => {
    expect(loopOutcomes([check], [{ requests: [record(), record()], metrics: { duration: 0.3 }, error: null }])).toEqual([{ name: 'ten at once', failures: [] }]);
  });
  it('fails on one bad request or on the total time', () => {
    const [o] = loopOutcomes([check], [{ requests: [record(), record({ status: '500 Internal Server Error' })], metrics: { duration: 3 }, error: null }]);
    expect(o.failures.map((f) => f.what)).toEqual(['status', 'time for all requests']);
  });
  it('reports an app that cannot load', () => {
    const [o] = loopOutcomes([check], [{ requests: [], metrics: null, error: { message: 'SyntaxError: invalid syntax' } }]);
    expect(o.failures[0].actual).toContain('SyntaxError');
  });
  it('keeps a cut response as a problem', () => {
    expect(answerFromLoop(record({ outcome: 'cut' }) as never).problems).toEqual(['the response was cut off']);
  });
  it('times the first non-empty body message from the request\'s arrival (first_body_within)', () => {
    const events = (t: number) => [
      { t: 0.5, dir: 'send', type: 'http.response.start', status: 200 },
      { t: 0.5, dir: 'send', type: 'http.response.body', bytes: 0, more_body: true },
      { t, dir: 'send', type: 'http.response.body', bytes: 5, more_body: false },
    ];
    const streamed = answerFromLoop(record({ at: 0.5, events: events(0.5) }) as never);
    const buffered = answerFromLoop(record({ at: 0.5, events: events(2.0) }) as never);
    expect(streamed.firstBodyAt).toBe(0);
    expect(evaluate({ first_body_within: 0.1 }, streamed)).toEqual([]);
    expect(evaluate({ first_body_within: 0.1 }, buffered)).toEqual([{ what: 'first body bytes', expected: 'within 0.1 s of the request', actual: 'after 1.5 s' }]);
    expect(evaluate({ first_body_within: 0.1 }, answerFromLoop(record() as never))[0].actual).toBe('no body was sent');
  });
});
