/**
 * Decides whether one answer meets one check's expectations. Shared by the Exercise tag in the
 * browser and the Pyodide content test (tests/content/pyodide_exercises.ts), so the page and CI
 * judge the reader's code by exactly the same rules. Pure: no DOM, no runtime.
 */

/** What a check expects (checks.yaml `expect`; see src/lesson/checks-schema.ts). */
export interface Expectations {
  status?: number;
  headers?: Record<string, string>;
  body_equals?: string;
  body_contains?: string;
  body_matches?: string;
  no_violations?: boolean;
  max_seconds?: number;
  first_body_within?: number;
}

/** One response as the checks see it, whichever server (WSGI core or ASGI loop) produced it. */
export interface Answer {
  /** "200 OK", or null when no response came back. */
  status: string | null;
  headers: [string, string][];
  body: string;
  /** PEP 3333 / ASGI rule breaks and errors, each in one line of words. */
  problems: string[];
  /** Why nothing (or something odd) came back, e.g. the app raised: shown beside a failure. */
  note?: string;
  /** ASGI: seconds from the request's arrival to its first non-empty body message (undefined: none came). */
  firstBodyAt?: number;
}

/** A failed expectation: what was looked at, what the check wanted, what the code did. */
export interface Failure {
  what: string;
  expected: string;
  actual: string;
}

const show = (s: string) => JSON.stringify(s);

/** The status code of a status line, or null. */
export function statusCode(status: string | null): number | null {
  const match = status?.match(/^(\d{3})\b/);
  return match ? Number(match[1]) : null;
}

/** Every expectation `answer` misses (empty when the check passes). `seconds` is a workload's duration. */
export function evaluate(expect: Expectations, answer: Answer, seconds?: number): Failure[] {
  const failures: Failure[] = [];
  const nothing = answer.note ? `no response (${answer.note})` : 'no response';
  if (expect.status !== undefined && statusCode(answer.status) !== expect.status) {
    failures.push({ what: 'status', expected: String(expect.status), actual: answer.status ?? nothing });
  }
  const got = new Map(answer.headers.map(([name, value]) => [name.toLowerCase(), value]));
  for (const [name, value] of Object.entries(expect.headers ?? {})) {
    const actual = got.get(name.toLowerCase());
    if (actual !== value) failures.push({ what: `header ${name}`, expected: value, actual: actual ?? '(missing)' });
  }
  const body = answer.status === null ? nothing : show(answer.body);
  if (expect.body_equals !== undefined && (answer.status === null || answer.body !== expect.body_equals)) {
    failures.push({ what: 'body', expected: show(expect.body_equals), actual: body });
  }
  if (expect.body_contains !== undefined && (answer.status === null || !answer.body.includes(expect.body_contains))) {
    failures.push({ what: 'body contains', expected: show(expect.body_contains), actual: body });
  }
  if (expect.body_matches !== undefined && (answer.status === null || !new RegExp(expect.body_matches).test(answer.body))) {
    failures.push({ what: 'body matches', expected: `/${expect.body_matches}/`, actual: body });
  }
  if (expect.no_violations && answer.problems.length > 0) {
    failures.push({ what: 'rules', expected: 'no broken rule and no error', actual: answer.problems.join('\n') });
  }
  if (expect.first_body_within !== undefined && (answer.firstBodyAt === undefined || answer.firstBodyAt > expect.first_body_within)) {
    failures.push({
      what: 'first body bytes',
      expected: `within ${expect.first_body_within} s of the request`,
      actual: answer.firstBodyAt === undefined ? 'no body was sent' : `after ${answer.firstBodyAt} s`,
    });
  }
  if (expect.max_seconds !== undefined && (seconds === undefined || seconds > expect.max_seconds)) {
    failures.push({
      what: 'time for all requests',
      expected: `at most ${expect.max_seconds} s`,
      actual: seconds === undefined ? 'not measured' : `${seconds} s`,
    });
  }
  return failures;
}
