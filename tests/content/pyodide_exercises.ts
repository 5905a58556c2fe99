/**
 * Every exercise, judged in Pyodide exactly as the Exercise tag judges the reader's code: the
 * solution must pass all its checks and the starter must fail at least one. WSGI checks go through
 * the server core's batch command line (reference mode); ASGI checks through the event-loop
 * simulation's command line. Expectations are evaluated by src/lesson/exercise/evaluate.ts.
 *   npx node tests/content/pyodide_exercises.ts
 */
import { readFileSync } from 'node:fs';
import { globSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { parse } from 'yaml';
import { answerFromCore } from '../../src/lesson/exercise/answers.ts';
import { checkWorkload } from '../../src/lesson/exercise/asgi-workload.ts';
import { evaluate } from '../../src/lesson/exercise/evaluate.ts';
import { loopOutcomes, type CheckOutcome, type CheckSpec } from '../../src/lesson/exercise/run-checks.ts';
import { ROOT, runLoops, runWsgi, type LoopRun, type WsgiCase } from './pyodide_run.ts';

interface Exercise { folder: string; kind: 'wsgi' | 'asgi'; checks: CheckSpec[] }

const exercises: Exercise[] = globSync('content/phases/*/exercises/*/checks.yaml', { cwd: ROOT }).sort().map((file) => {
  const spec = parse(readFileSync(join(ROOT, file), 'utf8')) as { kind?: string; checks: CheckSpec[] };
  return { folder: join(ROOT, dirname(file)), kind: spec.kind === 'asgi' ? 'asgi' : 'wsgi', checks: spec.checks };
});
const files = ['solution', 'starter'] as const;

const wsgiCases: WsgiCase[] = [];
const loopRuns: LoopRun[] = [];
for (const ex of exercises) {
  for (const file of files) {
    ex.checks.forEach((check, i) => {
      const id = `${ex.folder}|${file}|${i}`;
      const app = join(ex.folder, `${file}.py:app`);
      if (ex.kind === 'asgi') loopRuns.push({ id, app, ...checkWorkload(check.request, check.workload) });
      else {
        const { method, path, headers, body } = check.request;
        wsgiCases.push({ id, app, trace: false, request: { method, target: path, headers: Object.entries(headers ?? {}), body } });
      }
    });
  }
}
const wsgi = new Map(runWsgi(wsgiCases).map((r) => [r.id, r]));
const loops = runLoops(loopRuns);

let problems = 0;
let checksRun = 0;
for (const ex of exercises) {
  const name = relative(join(ROOT, 'content/phases'), ex.folder);
  const outcomes: Record<string, CheckOutcome[]> = {};
  for (const file of files) {
    const ids = ex.checks.map((_, i) => `${ex.folder}|${file}|${i}`);
    outcomes[file] = ex.kind === 'asgi'
      ? loopOutcomes(ex.checks, ids.map((id) => loops.get(id) as never))
      : ex.checks.map((check, i) => ({ name: check.name, failures: evaluate(check.expect, answerFromCore(wsgi.get(ids[i])!)) }));
    checksRun += ids.length;
  }
  const solvedFails = outcomes.solution.filter((o) => o.failures.length);
  const starterFails = outcomes.starter.filter((o) => o.failures.length);
  for (const o of solvedFails) {
    problems++;
    console.log(`FAIL ${name}/solution.py fails ${JSON.stringify(o.name)}:`);
    for (const f of o.failures) console.log(`     ${f.what}: expected ${f.expected}, actual ${f.actual}`);
  }
  if (starterFails.length === 0) {
    problems++;
    console.log(`FAIL ${name}/starter.py passes every check; it should fail at least one`);
  }
  console.log(`${name}: solution ${ex.checks.length - solvedFails.length}/${ex.checks.length} passed; starter fails ${starterFails.length}/${ex.checks.length}`
    + (starterFails.length ? ` (first: ${starterFails[0].name} — ${starterFails[0].failures[0].what})` : ''));
}
console.log(`${exercises.length} exercises, ${checksRun} check runs in Pyodide, ${problems} problems`);
process.exitCode = problems ? 1 : 0;
