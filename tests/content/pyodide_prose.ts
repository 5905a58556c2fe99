/**
 * The outputs a page quotes (the `{/* output {...} *\/}` markers that check_prose_outputs.py re-checks
 * on the real servers), produced again by the in-page server: the same core in Pyodide, in the
 * personality of the server the page names. So what a reader's Run shows and what the prose says
 * cannot drift apart. And where a LiveEditor's default request is the one the prose quotes, its
 * mode must be the server the prose names.
 *   npx node tests/content/pyodide_prose.ts
 */
import { copyFileSync, globSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { pageRuns } from './pyodide_page_tags.ts';
import { ROOT, runWsgi, type BatchResult, type WsgiCase } from './pyodide_run.ts';
import type { HttpRequest } from '../../src/runtime/http-request.ts';

interface Marker {
  example: string; server?: string; servers?: string[]; replace?: [string, string]; options?: string[];
  request?: { method?: string; target?: string; headers?: [string, string][]; body?: string };
  part: string; omit?: string[]; port?: number;
  /** Why the in-page server cannot show this quote (the page says so beside it). */
  in_page?: string;
}
interface Quote { phase: string; spec: Marker; quoted: string[] }

const MARKER = /\{\/\*\s*output\s+(\{.*?\})\s*\*\/\}\s*\n\s*\n?```\w*[^\n]*\n([\s\S]*?)^```\s*$/gm;
const SERVERS = new Set(['wsgiref', 'gunicorn', 'waitress']);
// The in-page server answers one request with the default personality; load tests and
// scripts have their own checks (the concurrency simulation, the script runner).
const PARTS = new Set(['response', 'headers', 'body', 'log']);

/** The same normalisation as check_prose_outputs.py: what changes from run to run. */
function normal(line: string): string {
  return line
    .replace(/^(Date:) .*$/, '$1 <date>')
    .replace(/\[(\d{2}\/\w{3}\/\d{4} \d{2}:\d{2}:\d{2}|<date>)\]/g, '[<date>]')
    .replace(/CPython\/3\.\d+\.\d+/g, 'CPython/3.x')
    .replace(/\bname=\d+>/g, 'name=N>')
    .replace(/File "[^"]*\/([^/"]+)"/g, 'File "$1"')
    .trimEnd();
}
const DURATION = /(\d+(?:\.\d+)?) (ms|s)\b/g;
function sameLine(quoted: string, produced: string): boolean {
  const [q, p] = [normal(quoted), normal(produced)];
  if (q.replace(DURATION, '<d>') !== p.replace(DURATION, '<d>')) return false;
  const [qd, pd] = [[...q.matchAll(DURATION)], [...p.matchAll(DURATION)]];
  // Simulated time is not wall time: a quoted duration only has to be a duration.
  return qd.length === pd.length;
}
function containsRun(quoted: string[], produced: string[]): boolean {
  const groups: string[][] = [[]];
  for (const line of quoted) if (line.trim() === '...') groups.push([]); else groups.at(-1)!.push(line);
  let at = 0;
  for (const group of groups.filter((g) => g.length)) {
    let found = -1;
    for (let i = at; i + group.length <= produced.length && found < 0; i++) {
      if (group.every((q, k) => sameLine(q, produced[i + k]))) found = i;
    }
    if (found < 0) return false;
    at = found + group.length;
  }
  return true;
}

function toRequest(spec: Marker): HttpRequest {
  const r = spec.request ?? {};
  return { method: r.method ?? 'GET', target: r.target ?? '/', headers: r.headers ?? [], body: r.body ?? '' };
}

/** What the quote shows of one simulated run. */
function produced(r: BatchResult & { response?: string }, spec: Marker): string[] {
  if (spec.part === 'log') return r.log.split('\n').filter((l) => l !== '');
  const omit = new Set((spec.omit ?? []).map((h) => h.toLowerCase()));
  const raw = r.response ? Buffer.from(r.response, 'base64').toString('latin1') : '';
  const statusLine = raw.split('\r\n')[0];
  const head = [statusLine, ...r.headers.filter(([n]) => !omit.has(n.toLowerCase())).map(([n, v]) => `${n}: ${v}`)];
  const body = new TextDecoder().decode(r.body).split('\n');
  if (body.at(-1) === '') body.pop();
  if (spec.part === 'headers') return head;
  if (spec.part === 'body') return body;
  return [...head, '', ...body];
}

const quotes: Quote[] = [];
for (const mdxPath of globSync('content/phases/*/index.mdx', { cwd: ROOT }).sort()) {
  const phase = mdxPath.split('/')[2];
  for (const m of readFileSync(join(ROOT, mdxPath), 'utf8').matchAll(MARKER)) {
    quotes.push({ phase, spec: JSON.parse(m[1]) as Marker, quoted: m[2].replace(/\n$/, '').split('\n') });
  }
}

let problems = 0;
const fail = (msg: string) => { problems++; console.log(`FAIL ${msg}`); };
const tmp = mkdtempSync(join(tmpdir(), 'pyodide-prose-'));
const cases: WsgiCase[] = [];
const runs: { quote: Quote; ids: [string, string][] }[] = [];
for (const [n, quote] of quotes.entries()) {
  const { spec, phase } = quote;
  const servers = spec.servers ?? (spec.server ? [spec.server] : []);
  if (!PARTS.has(spec.part) || !servers.every((s) => SERVERS.has(s))) continue;
  if (spec.in_page) { console.log(`not in page ${phase}: ${spec.example}: ${spec.in_page}`); continue; }
  const name = spec.example + '.py';
  let file = name.includes('/') ? join(ROOT, 'content/phases', name) : join(ROOT, 'content/phases', phase, 'examples', name);
  if (spec.replace) {
    const dir = join(tmp, String(n));
    mkdirSync(dir, { recursive: true });
    globSync('*.py', { cwd: dirname(file) }).forEach((f) => copyFileSync(join(dirname(file), f), join(dir, f)));
    writeFileSync(join(dir, basename(file)), readFileSync(file, 'utf8').replace(spec.replace[0], spec.replace[1]));
    file = join(dir, basename(file));
  }
  // A LiveEditor whose first Run sends the quoted request runs on the quoted server.
  const tag = pageRuns(phase).get(basename(spec.example));
  const request = toRequest(spec);
  const sameRequest = (q: Quote) => { const r = toRequest(q.spec); return r.method === tag?.request.method && r.target === tag?.request.target; };
  const quotedServers = quotes.filter((q) => q.phase === phase && q.spec.example === spec.example && !q.spec.replace && sameRequest(q))
    .flatMap((q) => q.spec.servers ?? [q.spec.server]);
  if (tag && spec.server && !spec.replace && sameRequest(quote) && !quotedServers.includes(tag.mode)) {
    fail(`${phase}: ${spec.example}'s LiveEditor runs on ${tag.mode}, but the prose quotes ${spec.server} for the same request`);
  }
  const ids: [string, string][] = servers.map((s) => [s, `${n}:${s}`]);
  for (const [server, id] of ids) cases.push({ id, app: `${resolve(file)}:app`, mode: server, request });
  runs.push({ quote, ids });
}
const results = new Map(runWsgi(cases).map((r) => [r.id, r]));
for (const { quote, ids } of runs) {
  const { spec, phase } = quote;
  const lines = ids.flatMap(([server, id]) => {
    const out = produced(results.get(id)!, spec);
    return spec.servers ? out.map((l) => `${server.padEnd(9)}${l}`) : out;
  });
  let quoted = quote.quoted;
  while (quoted.at(-1) === '') quoted = quoted.slice(0, -1);
  while (lines.at(-1) === '') lines.pop();
  const ok = spec.part === 'log' ? containsRun(quoted, lines)
    : quoted.length === lines.length && quoted.every((q, i) => sameLine(q, lines[i]));
  const label = `${phase}: ${spec.example} on the in-page ${ids.map(([s]) => s).join('+')} (${spec.part})`;
  if (ok) console.log(`ok   ${label}`);
  else fail(`${label}: the page quotes\n      ${quoted.join('\n      ')}\n    the in-page server produced\n      ${lines.slice(0, 40).join('\n      ')}`);
}
console.log(`${runs.length} quoted outputs produced by the in-page server and compared, ${problems} problems`);
process.exitCode = problems ? 1 : 0;
