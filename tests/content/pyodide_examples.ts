/**
 * Every content example, run in Pyodide the way its page runs it (pyodide_page_tags.ts), compared
 * with a reviewed golden file in tests/content/golden/. A non-pitfall must run without error or
 * broken rule; each pitfall must produce what pyodide_pitfalls.yaml says it is there to show.
 *   npx node tests/content/pyodide_examples.ts            # compare
 *   npm run golden -- --update                            # rewrite the golden files, then review the diff
 */
import { existsSync, globSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { parse } from 'yaml';
import { checkPitfall, type PitfallSpec } from './pyodide_pitfall_checks.ts';
import { goldenLoop, goldenWsgi } from './pyodide_golden.ts';
import { pageRuns, toRequest } from './pyodide_page_tags.ts';
import { ROOT, runLoops, runScripts, runWsgi, type LoopRun, type WsgiCase } from './pyodide_run.ts';

const update = process.argv.includes('--update');
const pitfalls = parse(readFileSync(join(ROOT, 'tests/content/pyodide_pitfalls.yaml'), 'utf8')) as Record<string, PitfallSpec>;

interface Example { phase: string; name: string; path: string; source: string; asgi: boolean; pitfall: boolean; scriptOnly: boolean }
const examples: Example[] = globSync('content/phases/*/examples/*.py', { cwd: ROOT }).sort().map((file) => {
  const source = readFileSync(join(ROOT, file), 'utf8');
  return {
    phase: file.split('/')[2], name: basename(file, '.py'), path: join(ROOT, file), source,
    asgi: /^async def app\b/m.test(source), pitfall: source.startsWith('# pitfall:'),
    // A script with no app at all (run="script" only): nothing to serve.
    scriptOnly: !/^(?:async )?def app\b|^app = /m.test(source),
  };
});
const runsByPhase = new Map<string, ReturnType<typeof pageRuns>>();
const runOf = (ex: Example) => {
  if (!runsByPhase.has(ex.phase)) runsByPhase.set(ex.phase, pageRuns(ex.phase));
  return runsByPhase.get(ex.phase)!.get(ex.name) ?? { mode: 'reference', run: 'request' as const, callable: 'app', request: { method: 'GET', target: '/' } };
};

const wsgiCases: WsgiCase[] = [];
const loopRuns: LoopRun[] = [];
const scripts: string[] = [];
for (const ex of examples) {
  const run = runOf(ex);
  if (run.run === 'asgi') ex.asgi = true; // e.g. an ASGI app built by a function (wsgi_to_asgi.py)
  const spec = pitfalls[ex.name];
  const request = spec?.request ? toRequest(spec.request) : run.request;
  if (run.run === 'script') scripts.push(ex.path);
  if (run.run === 'script' && ex.scriptOnly) continue;
  if (ex.asgi) {
    const requests = spec?.requests ?? [{ at: 0, method: request.method, path: request.target, ...(run.websocket ? { websocket: run.websocket } : {}) }];
    loopRuns.push({ id: ex.path, app: `${ex.path}:${run.callable}`, requests: requests.map((r) => ({ headers: [], body: '', ...r })) });
  } else {
    wsgiCases.push({ id: ex.path, app: `${ex.path}:${run.callable}`, mode: run.mode, request });
  }
}
const wsgi = new Map(runWsgi(wsgiCases).map((r) => [r.id, r]));
const loops = runLoops(loopRuns);
const scriptRuns = await runScripts(scripts);

let problems = 0;
let changed = 0;
const gaps: string[] = [];
const fail = (msg: string) => { problems++; console.log(`FAIL ${msg}`); };
for (const ex of examples) {
  const label = `${ex.phase}/examples/${ex.name}.py`;
  const run = runOf(ex);
  const golden: Record<string, unknown> = {};
  if (ex.asgi) golden.loop = goldenLoop(loops.get(ex.path)!);
  else if (wsgi.has(ex.path)) golden.request = goldenWsgi(wsgi.get(ex.path)!, run.mode);
  if (scriptRuns.has(ex.path)) golden.script = scriptRuns.get(ex.path);

  const spec = pitfalls[ex.name];
  if (ex.pitfall && !spec) fail(`${label} is a pitfall with no entry in pyodide_pitfalls.yaml saying what it shows`);
  if (!ex.pitfall && spec) fail(`${label} has a pyodide_pitfalls.yaml entry but no "# pitfall:" first line`);
  if (ex.pitfall && spec?.gap) gaps.push(`${label}: ${spec.gap}`);
  else if (ex.pitfall && spec) {
    for (const miss of checkPitfall(spec, ex.asgi ? { loop: loops.get(ex.path)! } : { wsgi: wsgi.get(ex.path)! })) fail(`${label} does not show its pitfall: ${miss}`);
  } else {
    const r = wsgi.get(ex.path);
    if (r && (r.violations.length || r.error || r.outcome !== 'complete')) {
      fail(`${label} should run cleanly but got ${r.status}; violations ${r.violations.map((v) => v.rule).join(', ') || 'none'}; error ${r.error?.message ?? 'none'}`);
    }
    const l = loops.get(ex.path) as { error: unknown; requests: { outcome: string; violations: unknown[] }[] } | undefined;
    if (l && (l.error || l.requests.some((q) => q.outcome !== 'complete' || q.violations.length))) fail(`${label} should run cleanly on the event loop`);
    const s = scriptRuns.get(ex.path);
    if (s?.exception) fail(`${label} as a script raised ${s.exception}`);
  }

  const file = join(ROOT, 'tests/content/golden', ex.phase, `${ex.name}.json`);
  const text = JSON.stringify(golden, null, 2) + '\n';
  const before = existsSync(file) ? readFileSync(file, 'utf8') : null;
  if (before === text) continue;
  changed++;
  if (update) {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, text);
    console.log(`updated ${file.slice(ROOT.length)}`);
  } else {
    fail(`${label} differs from ${file.slice(ROOT.length)}${before === null ? ' (missing)' : ''}; review, then npm run golden -- --update`);
    if (before !== null) {
      const [a, b] = [before.split('\n'), text.split('\n')];
      const at = a.findIndex((line, i) => line !== b[i]);
      console.log(`     line ${at + 1}\n     golden: ${a[at]?.slice(0, 300)}\n     now:    ${b[at]?.slice(0, 300)}`);
    }
  }
}
for (const gap of gaps) console.log(`GAP  ${gap}`);
console.log(`${examples.length} examples (${examples.filter((e) => e.pitfall).length} pitfalls, ${gaps.length} not showable yet), `
  + `${changed} golden files ${update ? 'updated' : 'differ'}, ${problems} problems`);
process.exitCode = problems ? 1 : 0;
