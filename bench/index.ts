// Top-level benchmark runner: `npm run bench` runs the page benchmark (bench/pages.ts: first
// Run vs the floor, bytes, warm Run, editor bytes, Lighthouse) and every per-area `bench:*` npm script
// that exists, one after the other (2 shared cores), prints one table and writes bench/results/all.json.
//   ONLY=pages,runtime  runs a subset;  RUNS, WARM, LIGHTHOUSE=0 pass through to the scripts.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const scripts = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).scripts ?? {}) as Record<string, string>;
const areas = ['pages', ...Object.keys(scripts).filter((s) => s.startsWith('bench:') && s !== 'bench:pages').map((s) => s.slice(6))];
const only = process.env.ONLY?.split(',').map((s) => s.trim()).filter(Boolean);
const chosen = only ? areas.filter((a) => only.includes(a)) : areas;

if (!existsSync(join(ROOT, 'dist/index.html'))) {
  console.error('dist/ is missing: run `npm run build` first.');
  process.exit(1);
}

const rows: { area: string; ok: boolean; seconds: number; lines: string[] }[] = [];
for (const area of chosen) {
  process.stderr.write(`\n== bench:${area} ==\n`);
  const t0 = Date.now();
  // Each script prints its own table on stdout (progress goes to stderr, shown live).
  const run = spawnSync('npm', ['run', '--silent', `bench:${area}`], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8', timeout: 3_600_000 });
  const lines = (run.stdout ?? '').split('\n').filter((l) => l.trim());
  rows.push({ area, ok: run.status === 0, seconds: Math.round((Date.now() - t0) / 1000), lines });
}

const results: Record<string, unknown> = { date: new Date().toISOString(), areas: rows.map(({ area, ok, seconds }) => ({ area, ok, seconds })) };
for (const area of chosen) {
  const file = join(ROOT, 'bench/results', `${area}.json`);
  if (existsSync(file)) results[area] = JSON.parse(readFileSync(file, 'utf8'));
}
mkdirSync(join(ROOT, 'bench/results'), { recursive: true });
writeFileSync(join(ROOT, 'bench/results/all.json'), JSON.stringify(results, null, 2));

console.log('\n================ npm run bench ================');
for (const r of rows) {
  console.log(`\n[${r.area}] ${r.ok ? 'ok' : 'FAILED'} in ${r.seconds} s`);
  for (const line of r.lines) console.log(`  ${line}`);
}
console.log('\nJSON: bench/results/all.json (and one file per area in bench/results/)');
process.exit(rows.every((r) => r.ok) ? 0 : 1);
