/**
 * Runs an exercise's checks on the reader's code through the page's runtime client, as `run-checks`
 * runs like every other run (same queue, time limit and stop). Python serves and judges them in one
 * place (src/runtime/python/exercise_checks.py): each WSGI check is one request to the server core in
 * reference mode (or the personality its `server` names), probe checks call the reader's code itself,
 * ASGI checks run on the event-loop simulation.
 */
import type { CheckOutcome, ExerciseCheck, ExerciseKind, RunResult, RuntimeClient } from '../../runtime/client.ts';

export type { CheckOutcome, Failure } from '../../runtime/client.ts';
/** One check of checks.yaml (the runtime's ExerciseCheck; src/lesson/checks-schema.ts validates it). */
export type CheckSpec = ExerciseCheck;

/** What runChecks needs of the runtime: the page's RuntimeClient (CI drives one worker the same way). */
export type CheckRunner = Pick<RuntimeClient, 'checks'>;

/** How long one run of checks may take: a request check alone; probes and the ASGI simulation together. */
const REQUEST_LIMIT_MS = 5000;
const BATCH_LIMIT_MS = 20000;

/** The outcome of a check whose run ended without judging it (stopped, crashed, or the checks failed). */
function notJudged(check: CheckSpec, result: RunResult): CheckOutcome {
  const why = result.notice?.message ?? (result.exception ? `${result.exception.type}: ${result.exception.message}` : 'the checks gave no answer');
  return { name: check.name, failures: [{ what: 'the check', expected: 'an answer from your code', actual: `no response (${why})` }] };
}

/** One run of `checks`; their outcomes, in order. */
async function runBatch(client: CheckRunner, kind: ExerciseKind, code: string, checks: CheckSpec[], timeLimitMs: number): Promise<CheckOutcome[]> {
  const result = await client.checks(kind, checks, { files: { 'app.py': code }, appSpec: 'app:app', timeLimitMs }).result;
  return checks.map((check, i) => result.checks?.[i] ?? notJudged(check, result));
}

/** Runs every check on `code`; `done` is called once per check, in order, as results arrive (WSGI request
 * checks one at a time, each with its own time limit; the probes, or an ASGI exercise's checks, in one run). */
export async function runChecks(client: CheckRunner, kind: ExerciseKind, code: string, checks: CheckSpec[], done: (o: CheckOutcome) => void): Promise<void> {
  if (kind === 'asgi') {
    for (const outcome of await runBatch(client, kind, code, checks, BATCH_LIMIT_MS)) done(outcome);
    return;
  }
  const probed = checks.filter((c) => c.probe);
  const probeOutcomes = probed.length ? await runBatch(client, kind, code, probed, BATCH_LIMIT_MS) : [];
  for (const check of checks) {
    done(check.probe ? probeOutcomes[probed.indexOf(check)] : (await runBatch(client, kind, code, [check], REQUEST_LIMIT_MS))[0]);
  }
}
