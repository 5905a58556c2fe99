/**
 * The capstone's download really runs: builds the zip the page gives the reader (src/lesson/capstone/
 * project.ts) from the exercise's solution, unpacks it, starts real gunicorn with the command the page
 * shows (another port: 127.0.0.1:18190, stage 36's range), and sends it every request check of the
 * exercise that the in-page server answers (probes and other personalities aside), judged by the
 * page's own rules (src/runtime/python/exercise_checks.py, the one judge of a check). Also: the logging middleware's lines reach gunicorn's error log.
 *   npx node tests/content/capstone_gunicorn.ts
 */
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { unzipSync, strFromU8 } from 'fflate';
import { parse } from 'yaml';
import { GUNICORN_COMMAND, projectZip } from '../../src/lesson/capstone/project.ts';
import type { CheckSpec, Failure } from '../../src/lesson/exercise/run-checks.ts';

const ROOT = new URL('../../', import.meta.url).pathname;
const FOLDER = join(ROOT, 'content/phases/05-capstone/exercises/capstone');
const PORT = 18190;

interface Answer { status: string | null; headers: [string, string][]; body: string; problems: string[] }

/** The failures of `answer` against `expect`, judged by exercise_checks.evaluate (the page's judge). */
function evaluate(expect: CheckSpec['expect'], answer: Answer): Failure[] {
  const judge = 'import json, sys; sys.path.insert(0, sys.argv[1]); from exercise_checks import evaluate; print(json.dumps(evaluate(*json.load(sys.stdin))))';
  return JSON.parse(execFileSync('python3', ['-c', judge, join(ROOT, 'src/runtime/python')], { input: JSON.stringify([expect, answer]) }).toString()) as Failure[];
}

const dir = mkdtempSync(join(tmpdir(), 'capstone-'));
for (const [name, bytes] of Object.entries(unzipSync(projectZip(readFileSync(join(FOLDER, 'solution.py'), 'utf8'))))) {
  mkdirSync(dirname(join(dir, name)), { recursive: true });
  writeFileSync(join(dir, name), bytes);
}
const project = join(dir, 'my-framework');
const [program, ...args] = GUNICORN_COMMAND.replace('127.0.0.1:8000', `127.0.0.1:${PORT}`).split(' ');
let log = '';
const server = spawn(`/usr/bin/${program}`, args, { cwd: project, detached: true });
server.stdout.on('data', (d: Buffer) => { log += d.toString(); });
server.stderr.on('data', (d: Buffer) => { log += d.toString(); });

const listening = () => new Promise<boolean>((resolve) => {
  const socket = connect(PORT, '127.0.0.1', () => { socket.end(); resolve(true); });
  socket.on('error', () => resolve(false));
});

let problems = 0;
try {
  const deadline = Date.now() + 15_000;
  while (!(await listening())) {
    if (Date.now() > deadline) throw new Error(`gunicorn did not listen on ${PORT}:\n${log}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  const { checks } = parse(readFileSync(join(FOLDER, 'checks.yaml'), 'utf8')) as { checks: CheckSpec[] };
  const served = checks.filter((c) => !c.probe && (c.server ?? 'gunicorn') === 'gunicorn');
  for (const check of served) {
    const { method, path, headers, body } = check.request;
    const res = await fetch(`http://127.0.0.1:${PORT}${path}`, { method, headers, body, signal: AbortSignal.timeout(10_000) });
    const answer: Answer = { status: `${res.status} ${res.statusText}`, headers: [...res.headers], body: await res.text(), problems: [] };
    const { no_violations: _, ...expect } = check.expect;
    const failures = evaluate(expect, answer);
    if (failures.length) {
      problems++;
      console.log(`FAIL ${check.name}: ${failures.map((f) => `${f.what}: expected ${f.expected}, got ${f.actual}`).join('; ')}`);
    } else console.log(`ok   ${check.name} (real gunicorn: ${answer.status})`);
  }
  await new Promise((r) => setTimeout(r, 300)); // the log line is written when the body is closed
  for (const line of [/GET \/users\/42 200 [0-9.]+ms/, /GET \/boom 500 [0-9.]+ms/, /RuntimeError: something broke/]) {
    if (!line.test(log)) { problems++; console.log(`FAIL gunicorn's log has no line matching ${line}`); }
  }
  if (!/Booting worker with pid/.test(log) || (log.match(/Booting worker with pid/g) ?? []).length !== 3) {
    problems++;
    console.log('FAIL gunicorn did not boot the three workers the command asks for');
  }
  console.log(`capstone project under real gunicorn (${GUNICORN_COMMAND.replace('8000', String(PORT))}): ${served.length} checks, ${problems} problems`);
} finally {
  try { process.kill(-server.pid!, 'SIGTERM'); } catch { /* already gone */ }
  rmSync(dir, { recursive: true, force: true });
}
process.exitCode = problems ? 1 : 0;
