/**
 * Every exercise, judged in Pyodide exactly as the Exercise tag judges the reader's code: the
 * solution must pass all its checks and the starter must fail at least one. WSGI checks go through
 * the server core's batch command line (reference mode, or the check's `server`); ASGI checks through the event-loop
 * simulation's command line. Expectations are evaluated by src/lesson/exercise/evaluate.ts.
 * Each likely mistake in exercise_mistakes.yaml must fail with the words it lists (the broken rule
 * or the exception), not a bare status.
 *   npx node tests/content/pyodide_exercises.ts
 */
import { readFileSync } from 'node:fs';
import { globSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { parse } from 'yaml';
import { answerFromCore } from '../../src/lesson/exercise/answers.ts';
import { checkWorkload } from '../../src/lesson/exercise/asgi-workload.ts';
import { evaluate, type Answer } from '../../src/lesson/exercise/evaluate.ts';
import { loopOutcomes, type CheckOutcome, type CheckSpec } from '../../src/lesson/exercise/run-checks.ts';
import { ROOT, runLoops, runProbes, runWsgi, type LoopRun, type ProbeCase, type WsgiCase } from './pyodide_run.ts';

interface Exercise { folder: string; kind: 'wsgi' | 'asgi'; checks: CheckSpec[] }

const exercises: Exercise[] = globSync('content/phases/*/exercises/*/checks.yaml', { cwd: ROOT }).sort().map((file) => {
  const spec = parse(readFileSync(join(ROOT, file), 'utf8')) as { kind?: string; checks: CheckSpec[] };
  return { folder: join(ROOT, dirname(file)), kind: spec.kind === 'asgi' ? 'asgi' : 'wsgi', checks: spec.checks };
});
const files = ['solution', 'starter'] as const;
interface Mistake { exercise: string; file: string; shows: string }
const mistakes = parse(readFileSync(join(ROOT, 'tests/content/exercise_mistakes.yaml'), 'utf8')) as Mistake[];
/** The files judged against one exercise's checks: its solution, its starter, its listed mistakes. */
const judged = (ex: Exercise): [string, string][] => [
  ...files.map((f): [string, string] => [f, join(ex.folder, `${f}.py`)]),
  ...mistakes.filter((m) => join(ROOT, 'content/phases', m.exercise) === ex.folder)
    .map((m): [string, string] => [m.file, join(ROOT, 'tests/content', m.file)]),
];

const wsgiCases: WsgiCase[] = [];
const loopRuns: LoopRun[] = [];
const probeCases: ProbeCase[] = [];
for (const ex of exercises) {
  for (const [file, path] of judged(ex)) {
    ex.checks.forEach((check, i) => {
      const id = `${ex.folder}|${file}|${i}`;
      const app = `${path}:app`;
      if (check.probe) probeCases.push({ id, file: path, probe: check.probe, request: check.request });
      else if (ex.kind === 'asgi') loopRuns.push({ id, app, ...checkWorkload(check.request, check.workload) });
      else {
        const { method, path, headers, body } = check.request;
        wsgiCases.push({ id, app, mode: check.server, trace: false, request: { method, target: path, headers: Object.entries(headers ?? {}), body } });
      }
    });
  }
}
const wsgi = new Map(runWsgi(wsgiCases).map((r) => [r.id, r]));
const loops = runLoops(loopRuns);
const probes = await runProbes(probeCases);

let problems = 0;
let checksRun = 0;
const outcomesOf = new Map<string, Record<string, CheckOutcome[]>>();
for (const ex of exercises) {
  const name = relative(join(ROOT, 'content/phases'), ex.folder);
  const outcomes: Record<string, CheckOutcome[]> = {};
  for (const [file] of judged(ex)) {
    const ids = ex.checks.map((_, i) => `${ex.folder}|${file}|${i}`);
    outcomes[file] = ex.kind === 'asgi'
      ? loopOutcomes(ex.checks, ids.map((id) => loops.get(id) as never))
      : ex.checks.map((check, i) => ({ name: check.name, failures: evaluate(check.expect, check.probe ? probes.get(ids[i]) as Answer : answerFromCore(wsgi.get(ids[i])!)) }));
    checksRun += ids.length;
  }
  outcomesOf.set(ex.folder, outcomes);
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
for (const m of mistakes) {
  const outcome = outcomesOf.get(join(ROOT, 'content/phases', m.exercise))?.[m.file];
  const said = (outcome ?? []).flatMap((o) => o.failures.map((f) => f.actual)).join('\n');
  if (!outcome) { problems++; console.log(`FAIL ${m.file}: no exercise ${m.exercise}`); continue; }
  if (!said.includes(m.shows)) {
    problems++;
    console.log(`FAIL ${m.file} against ${m.exercise}: its failures should show ${JSON.stringify(m.shows)}; they show\n     ${said.split('\n').join('\n     ') || '(no failure at all)'}`);
  } else console.log(`${m.file}: fails ${m.exercise} showing ${JSON.stringify(m.shows)}`);
}
console.log(`${exercises.length} exercises, ${mistakes.length} likely mistakes, ${checksRun} check runs in Pyodide, ${problems} problems`);
process.exitCode = problems ? 1 : 0;
