// Spike (issue 9): how much CPU a warm first Run costs, per thread, from navigation to the rendered
// result. Primes one profile, relaunches the browser, traces one visit (Run clicked as soon as it
// works) and sums the thread time (tdur) of every top-level task that ran before the result, per
// thread name. On 2 cores, a total near twice the elapsed time means the visit waits for CPU.
//   node bench/spike/cpu-budget.ts [page] [visits]
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startStaticServer } from '../../src/integrations/preview/static-server.ts';
import { tracedWarmVisit } from './traced-warm-visit.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const PAGE = process.argv[2] ?? '/phases/what-wsgi-is/';
const VISITS = Number(process.argv[3] ?? 3);
const server = await startStaticServer({ '/': process.env.SITE_DIST ?? join(ROOT, 'dist') });
const profile = mkdtempSync(join(tmpdir(), 'wsgi-cpu-'));

await tracedWarmVisit(profile, server.origin + PAGE, null, 30_000); // prime: HTTP cache, kept snapshot memory, the returning-reader flag
for (let i = 0; i < VISITS; i++) {
  const { events, resultMs } = await tracedWarmVisit(profile, server.origin + PAGE, 'toplevel,blink.user_timing,disabled-by-default-devtools.timeline');
  const names = new Map(events.filter((e) => e.name === 'thread_name').map((e) => [`${e.pid}:${e.tid}`, e.args?.name ?? '?']));
  // The page's navigationStart (its performance.now() zero), the last one traced (about:blank comes first).
  const start = Math.max(...events.filter((e) => e.name === 'navigationStart').map((e) => e.ts));
  const end = start + resultMs * 1000;
  const byThread = new Map<string, number>();
  for (const e of events) {
    if (e.ph !== 'X' || e.cat !== 'toplevel' || e.ts < start || e.ts > end) continue;
    const name = (names.get(`${e.pid}:${e.tid}`) ?? 'unnamed').replace(/\d+$/, 'N');
    byThread.set(name, (byThread.get(name) ?? 0) + (e.tdur ?? e.dur ?? 0) / 1000);
  }
  const total = [...byThread.values()].reduce((a, b) => a + b, 0);
  const rows = [...byThread].sort((a, b) => b[1] - a[1]).filter(([, ms]) => ms >= 5).map(([n, ms]) => `${n} ${ms.toFixed(0)}`);
  console.log(`visit ${i + 1}: result at ${resultMs.toFixed(0)} ms; thread time before it ${total.toFixed(0)} ms (${(total / resultMs).toFixed(2)} cores busy)  ${rows.join(', ')}`);
}
await server.close();
process.exit(0);
