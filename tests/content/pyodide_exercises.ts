/**
 * Every exercise, judged in Pyodide exactly as the Exercise tag judges the reader's code: runChecks
 * sends the same `run-checks` runs to the same worker core and Python (the Node worker), judged by
 * src/runtime/python/exercise_checks.py. (Not through RuntimeClient itself: it brings the browser's
 * sandbox, which plain Node cannot load; here one trusted worker serves every file.) The solution must
 * pass all its checks and the starter must fail at least one. Each likely mistake in exercise_mistakes.yaml
 * must fail with the words it lists (the broken rule or the exception), not a bare status.
 *   npx node tests/content/pyodide_exercises.ts
 */
import { readFileSync } from 'node:fs';
import { globSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { parse } from 'yaml';
import { createNodeWorker } from '../../src/runtime/node-runtime.ts';
import { settingsFor } from '../../src/runtime/run-job.ts';
import { newId, WorkerSlot } from '../../src/runtime/worker-slot.ts';
import { runChecks, type CheckOutcome, type CheckRunner, type CheckSpec } from '../../src/lesson/exercise/run-checks.ts';

const ROOT = new URL('../../', import.meta.url).pathname;

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

// One Python for every file: the content is ours, so the page's fresh worker per workspace is not needed here.
const slot = new WorkerSlot(createNodeWorker(), 'unused', {}, true, {
  onProgress: () => {}, onStarted: () => {}, onInterrupted: () => {}, onOutput: () => {}, onCrash: (message) => { throw new Error(message); },
});
await slot.ready;
const client: CheckRunner = {
  checks(kind, checks, options = {}) {
    const id = newId();
    const result = (async () => {
      await slot.call({ type: 'set-files', id: newId(), files: options.files ?? {} });
      const reply = await slot.call({ type: 'run-checks', id, kind, checks, settings: settingsFor(options) });
      if (reply.type !== 'result') throw new Error(`the worker answered ${reply.type}: ${JSON.stringify(reply)}`);
      return reply.result;
    })();
    return { id, result, cancel: () => {} };
  },
};

let problems = 0;
let checksRun = 0;
const outcomesOf = new Map<string, Record<string, CheckOutcome[]>>();
for (const ex of exercises) {
  const name = relative(join(ROOT, 'content/phases'), ex.folder);
  const outcomes: Record<string, CheckOutcome[]> = {};
  for (const [file, path] of judged(ex)) {
    const got: CheckOutcome[] = [];
    await runChecks(client, ex.kind, readFileSync(path, 'utf8'), ex.checks, (o) => got.push(o));
    outcomes[file] = got;
    checksRun += got.length;
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
slot.terminate();
console.log(`${exercises.length} exercises, ${mistakes.length} likely mistakes, ${checksRun} check runs in Pyodide, ${problems} problems`);
process.exitCode = problems ? 1 : 0;
