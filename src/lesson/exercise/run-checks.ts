/**
 * Runs an exercise's checks on the reader's code through the page's runtime client: each WSGI check
 * is one request to the server core in reference mode (or the personality its `server` names); ASGI
 * checks run on the event-loop simulation (src/runtime/python/concurrency), started by a small script
 * in the reader's workspace.
 */
import type { RunResult, RuntimeClient } from '../../runtime/client.ts';
import { answerFromCore, answerFromLoop, type LoopRecord } from './answers.ts';
import { checkWorkload, type CheckRequest } from './asgi-workload.ts';
import { evaluate, type Answer, type Expectations, type Failure } from './evaluate.ts';

export interface CheckSpec {
  name: string;
  request: CheckRequest;
  workload?: { concurrent_requests: number };
  /** Call the reader's code directly instead (src/runtime/python/exercise_probes.py). */
  probe?: { kind: string; app?: string; function?: string; first?: string; requests?: number; workers?: number };
  /** The server personality that answers (default reference). */
  server?: 'reference' | 'wsgiref' | 'gunicorn' | 'waitress';
  /** Shown under the check when it fails. */
  why?: string;
  expect: Expectations;
}

export interface CheckOutcome {
  name: string;
  failures: Failure[];
}

const MARK = '@@exercise-results@@';
const SCRIPT = '_exercise_checks.py';

function silentAnswer(result: RunResult): Answer {
  const why = result.notice?.message ?? (result.exception ? `${result.exception.type}: ${result.exception.message}` : 'no response');
  return { status: null, headers: [], body: '', problems: [why], note: why };
}

/** The Python that runs every probe check on app.py and prints one answer per check. */
export function probeScript(checks: CheckSpec[]): string {
  const probes = checks.map((c) => ({ probe: c.probe, request: c.request }));
  return [
    'import json, os',
    'from exercise_probes import run_probes',
    `CHECKS = json.loads(${JSON.stringify(JSON.stringify(probes))})`,
    `print(${JSON.stringify(MARK)} + json.dumps(run_probes(os.path.join(os.getcwd(), "app.py"), CHECKS)))`,
    '',
  ].join('\n');
}

async function runProbes(client: RuntimeClient, code: string, checks: CheckSpec[]): Promise<Answer[]> {
  const files = { 'app.py': code, [SCRIPT]: probeScript(checks) };
  const result = await client.runScript(SCRIPT, { timeLimitMs: 20000, files }).result;
  const line = result.stdout.split('\n').find((l) => l.startsWith(MARK));
  if (line) return JSON.parse(line.slice(MARK.length)) as Answer[];
  const why = result.notice?.message ?? (result.exception ? `${result.exception.type}: ${result.exception.message}` : 'the probe printed no result');
  return checks.map(() => ({ status: null, headers: [], body: '', problems: [why], note: why }));
}

async function runWsgi(client: RuntimeClient, code: string, checks: CheckSpec[], done: (o: CheckOutcome) => void) {
  const files = { 'app.py': code };
  const probed = checks.filter((c) => c.probe);
  const probeAnswers = probed.length ? await runProbes(client, code, probed) : [];
  for (const check of checks) {
    if (check.probe) {
      done({ name: check.name, failures: evaluate(check.expect, probeAnswers[probed.indexOf(check)]) });
      continue;
    }
    const { method, path, headers, body } = check.request;
    const handle = client.request({ method, target: path, headers: Object.entries(headers ?? {}), body }, { mode: check.server ?? 'reference', trace: false, appSpec: 'app:app', files });
    const result = await handle.result;
    const answer = result.server ? answerFromCore(result.server) : silentAnswer(result);
    done({ name: check.name, failures: evaluate(check.expect, answer) });
  }
}

/** The Python that serves every check's workload on the loop simulation and prints the results. */
export function loopScript(checks: CheckSpec[]): string {
  const workloads = checks.map((c) => checkWorkload(c.request, c.workload));
  return [
    'import json, os',
    'from concurrency.api import run_loop',
    `WORKLOADS = json.loads(${JSON.stringify(JSON.stringify(workloads))})`,
    'results = [run_loop(w, os.getcwd(), "app:app") for w in WORKLOADS]',
    `print(${JSON.stringify(MARK)} + json.dumps(results))`,
    '',
  ].join('\n');
}

/** Loop results → one outcome per check (every request must meet the expectations). */
export function loopOutcomes(checks: CheckSpec[], results: { requests: LoopRecord[]; metrics: { duration: number } | null; error: { message: string } | null }[]): CheckOutcome[] {
  return checks.map((check, i) => {
    const run = results[i];
    if (run.error || run.requests.length === 0) {
      const why = run.error?.message ?? 'no request was served';
      return { name: check.name, failures: evaluate(check.expect, { status: null, headers: [], body: '', problems: [why], note: why }) };
    }
    const seconds = check.workload ? run.metrics?.duration : undefined;
    const perRequest = run.requests.map((r) => evaluate({ ...check.expect, max_seconds: undefined }, answerFromLoop(r)));
    const first = perRequest.find((f) => f.length > 0) ?? [];
    const timing = evaluate({ max_seconds: check.expect.max_seconds }, { status: null, headers: [], body: '', problems: [] }, seconds);
    return { name: check.name, failures: [...first, ...timing] };
  });
}

async function runAsgi(client: RuntimeClient, code: string, checks: CheckSpec[], done: (o: CheckOutcome) => void) {
  const files = { 'app.py': code, [SCRIPT]: loopScript(checks) };
  const result = await client.runScript(SCRIPT, { timeLimitMs: 20000, files }).result;
  const line = result.stdout.split('\n').find((l) => l.startsWith(MARK));
  if (!line) {
    const why = result.notice?.message ?? (result.exception ? `${result.exception.type}: ${result.exception.message}` : 'the simulation printed no result');
    for (const check of checks) done({ name: check.name, failures: evaluate(check.expect, { status: null, headers: [], body: '', problems: [why], note: why }) });
    return;
  }
  for (const outcome of loopOutcomes(checks, JSON.parse(line.slice(MARK.length)))) done(outcome);
}

/** Runs every check on `code`; `done` is called once per check, in order, as results arrive. */
export async function runChecks(client: RuntimeClient, kind: 'wsgi' | 'asgi', code: string, checks: CheckSpec[], done: (o: CheckOutcome) => void): Promise<void> {
  if (kind === 'asgi') await runAsgi(client, code, checks, done);
  else await runWsgi(client, code, checks, done);
}
