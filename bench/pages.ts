// Page benchmark, in headless Chromium against the built site (npm run build first), served
// with gzip by src/integrations/preview/static-server.ts, side by side with the floor page (boots the same Pyodide in
// a worker and runs 1+1), alternating runs:
//   (and the reader's playground flow: /playground/, paste, Run; bench/lib/reader-flow.ts)
//   npm run bench:pages        RUNS=5 WARM=20 PAGE=/phases/what-wsgi-is/ LIGHTHOUSE=0 ONLY=lighthouse|warm-run SW=block
//                              PRIME_STAY=45000 (ms a priming visit stays open so the wasm code cache gets written)
//                              LH_PAGES=/,/phases/why-async/ LH_FORMS=mobile|desktop (Lighthouse on fewer pages/forms)
// Prints a table and writes bench/results/pages.json. Asserts nothing.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeFloorPage } from './lib/floor-page.ts';
import { visit, type Visit } from './lib/first-run.ts';
import { visitReaderFlow, type FlowVisit } from './lib/reader-flow.ts';
import { startStaticServer } from '../src/integrations/preview/static-server.ts';
import { kb, median, ms, p95 } from './lib/stats.ts';
import { warmRuns } from './lib/warm-run.ts';
import { runLighthouse, type LighthouseRow } from './lib/lighthouse.ts';
import { builtPages } from '../tests/e2e/helpers/pages.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
// SITE_DIST benchmarks another build (e.g. an older commit's, for a side-by-side).
const DIST = process.env.SITE_DIST ?? join(ROOT, 'dist');
const RUNS = Number(process.env.RUNS ?? 5);
const WARM = Number(process.env.WARM ?? 20);
const PAGE = process.env.PAGE ?? '/phases/what-wsgi-is/';
const log = (s: string) => process.stderr.write(`[bench:pages] ${s}\n`);

/** Every built page, or only LH_PAGES (comma-separated paths). */
const lighthousePages = () => process.env.LH_PAGES?.split(',') ?? builtPages(DIST);

const summary = (xs: Visit[]) => ({
  median: median(xs.map((v) => v.ms)), p95: p95(xs.map((v) => v.ms)), all: xs.map((v) => Math.round(v.ms)),
  bytesBeforeLoad: median(xs.map((v) => v.bytesBeforeLoad)), bytesTotal: median(xs.map((v) => v.bytesTotal)),
  loadMs: median(xs.map((v) => v.loadMs)),
});

/** Visit order for round `i`: each kind goes first in turn, so no kind always meets a cold machine. */
function rotate(i: number): Array<'site' | 'floor' | 'flow'> {
  const kinds = ['site', 'floor', 'flow'] as const;
  return kinds.map((_, k) => kinds[(i + k) % kinds.length]);
}

async function main() {
  const floorDir = writeFloorPage();
  const out: Record<string, unknown> = { date: new Date().toISOString(), page: PAGE, runs: RUNS, serviceWorker: process.env.SW === 'block' ? 'blocked' : 'allowed' };
  const profiles = mkdtempSync(join(tmpdir(), 'wsgi-bench-profiles-'));
  const server = await startStaticServer({ '/': DIST, '/__floor/': floorDir });
  const urls = { site: server.origin + PAGE, floor: `${server.origin}/__floor/`, flow: `${server.origin}/playground/` };
  if (process.env.ONLY === 'warm-run') {
    try { out.warmRun = await warmRuns(server, urls.site, WARM); } finally { await server.close(); }
    const w = out.warmRun as Awaited<ReturnType<typeof warmRuns>>;
    console.log(`warm Run → rendered response  median ${w.median.toFixed(1)} ms  p95 ${w.p95.toFixed(1)} ms (${w.all.length} runs)`);
    console.log(`editor bytes on demand    ${kb(w.editorBytes)} in ${w.editorRequests} files (click → editor ${w.editorMs} ms)`);
    return;
  }
  if (process.env.ONLY === 'lighthouse') {
    try { out.lighthouse = await runLighthouse(server.origin, lighthousePages(), log); } finally { await server.close(); }
    return report(out, true);
  }
  const runs: Record<string, Visit[]> = { siteCold: [], floorCold: [], flowCold: [], siteWarm: [], floorWarm: [], flowWarm: [] };
  const cacheEvents: Record<'cold' | 'warm', string[][]> = { cold: [], warm: [] };
  try {
    let n = 0;
    const fresh = () => join(profiles, `cold-${n++}`);
    for (let i = 0; i < RUNS; i++) {
      for (const kind of rotate(i)) {
        const v = kind === 'flow' ? await visitReaderFlow(server, fresh(), urls.flow) : await visit(server, fresh(), urls[kind], kind);
        runs[`${kind}Cold`].push(v);
        if (kind === 'flow') cacheEvents.cold.push((v as FlowVisit).codeCacheEvents);
        log(`cold ${kind} ${i + 1}/${RUNS}: ${ms(v.ms)} (load ${ms(v.loadMs)}, ${kb(v.bytesTotal)})`);
      }
    }
    // Warm: one profile per page, primed once, then the browser is relaunched for every measured visit.
    const warmProfile = { site: join(profiles, 'warm-site'), floor: join(profiles, 'warm-floor'), flow: join(profiles, 'warm-flow') };
    const stay = Number(process.env.PRIME_STAY ?? 45_000);
    for (const kind of ['site', 'floor'] as const) await visit(server, warmProfile[kind], urls[kind], kind, stay);
    await visitReaderFlow(server, warmProfile.flow, urls.flow, stay);
    for (let i = 0; i < RUNS; i++) {
      for (const kind of rotate(i)) {
        const v = kind === 'flow' ? await visitReaderFlow(server, warmProfile.flow, urls.flow) : await visit(server, warmProfile[kind], urls[kind], kind);
        runs[`${kind}Warm`].push(v);
        if (kind === 'flow') cacheEvents.warm.push((v as FlowVisit).codeCacheEvents);
        log(`warm ${kind} ${i + 1}/${RUNS}: ${ms(v.ms)} (${kb(v.bytesTotal)})`);
      }
    }
    for (const [k, v] of Object.entries(runs)) out[k] = summary(v);
    out.flowCodeCacheEvents = cacheEvents;
    log('warm Run → response and editor bytes on demand');
    out.warmRun = await warmRuns(server, urls.site, WARM);
    if (process.env.LIGHTHOUSE !== '0') out.lighthouse = await runLighthouse(server.origin, lighthousePages(), log);
  } finally {
    await server.close();
    rmSync(profiles, { recursive: true, force: true });
    rmSync(floorDir, { recursive: true, force: true });
  }
  report(out, false);
}

function report(out: Record<string, unknown>, lighthouseOnly: boolean) {
  mkdirSync(join(ROOT, 'bench/results'), { recursive: true });
  writeFileSync(join(ROOT, `bench/results/${lighthouseOnly ? 'lighthouse' : process.env.SW === 'block' ? 'pages-no-sw' : 'pages'}.json`), JSON.stringify(out, null, 2));
  const lh = (out.lighthouse ?? []) as LighthouseRow[];
  if (lh.length) {
    console.log('Lighthouse (performance / accessibility / best practices / SEO)');
    for (const r of lh) console.log(`  ${r.form.padEnd(8)} ${r.path.padEnd(32)} ${Object.values(r.scores).join(' / ')}${r.findings.length ? `   ${r.findings.join(', ')}` : ''}`);
  }
  if (lighthouseOnly) return;
  const s = out as Record<string, ReturnType<typeof summary>>;
  const w = out.warmRun as Awaited<ReturnType<typeof warmRuns>>;
  console.log(`Page benchmark: ${PAGE} vs floor (median of ${RUNS}, alternating; ratio = site first Run ÷ floor Python ready)`);
  console.log(`  cold  first Run result ${ms(s.siteCold.median)} (p95 ${ms(s.siteCold.p95)})  floor ready ${ms(s.floorCold.median)}  ratio ${(s.siteCold.median / s.floorCold.median).toFixed(2)} (target ≤ 0.70)`);
  console.log(`  warm  first Run result ${ms(s.siteWarm.median)} (p95 ${ms(s.siteWarm.p95)})  floor ready ${ms(s.floorWarm.median)}  ratio ${(s.siteWarm.median / s.floorCold.median).toFixed(2)} of cold floor, ${(s.siteWarm.median / s.floorWarm.median).toFixed(2)} of warm floor (target ≤ 0.40)`);
  const events = out.flowCodeCacheEvents as Record<'cold' | 'warm', string[][]>;
  const listed = (visits: string[][]) => visits.map((v) => (v.length ? v.join('+') : 'none')).join(', ');
  console.log(`Reader flow: /playground/, paste an app, Run (median of ${RUNS}, alternating with the floor)`);
  console.log(`  cold  Run result ${ms(s.flowCold.median)} (p95 ${ms(s.flowCold.p95)})  ratio ${(s.flowCold.median / s.floorCold.median).toFixed(2)} of cold floor (target ≤ 0.70)`);
  console.log(`  warm  Run result ${ms(s.flowWarm.median)} (p95 ${ms(s.flowWarm.p95)})  ratio ${(s.flowWarm.median / s.floorWarm.median).toFixed(2)} of warm floor (target ≤ 0.45)`);
  console.log(`  wasm code-cache events per visit: cold ${listed(events.cold)}; warm ${listed(events.warm)}`);
  console.log(`  bytes before load (cold)  site ${kb(s.siteCold.bytesBeforeLoad)}  floor ${kb(s.floorCold.bytesBeforeLoad)}`);
  console.log(`  bytes in total (cold)     site ${kb(s.siteCold.bytesTotal)}  floor ${kb(s.floorCold.bytesTotal)};  warm: site ${kb(s.siteWarm.bytesTotal)}  floor ${kb(s.floorWarm.bytesTotal)}`);
  console.log(`  warm Run → rendered response  median ${w.median.toFixed(1)} ms  p95 ${w.p95.toFixed(1)} ms (${w.all.length} runs)`);
  console.log(`  editor bytes on demand    ${kb(w.editorBytes)} in ${w.editorRequests} requests (click → editor ${w.editorMs} ms)`);
}

await main();
process.exit(0);
