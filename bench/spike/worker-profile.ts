// Spike (issue 9): where the Python worker's time goes in a warm visit, by function (self time), from
// V8's sampling profiler in a Chromium trace. Primes one profile, relaunches, clicks Run at once.
//   node bench/spike/worker-profile.ts [page] [top]
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startStaticServer } from '../../src/integrations/preview/static-server.ts';
import { tracedWarmVisit } from './traced-warm-visit.ts';

type Node = { id: number; parent?: number; callFrame: { functionName: string; url: string } };
type Ev = { name: string; ph: string; ts: number; pid: number; tid: number; id?: string; args?: { name?: string; data?: { cpuProfile?: { nodes?: Node[]; samples?: number[] }; timeDeltas?: number[]; startTime?: number } } };
const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const PAGE = process.argv[2] ?? '/phases/what-wsgi-is/';
const TOP = Number(process.argv[3] ?? 25);
const server = await startStaticServer({ '/': process.env.SITE_DIST ?? join(ROOT, 'dist') });
const profile = mkdtempSync(join(tmpdir(), 'wsgi-wprof-'));

await tracedWarmVisit(profile, server.origin + PAGE, null, 30_000); // prime
const events = (await tracedWarmVisit(profile, server.origin + PAGE, 'disabled-by-default-v8.cpu_profiler,v8')).events as Ev[];
const names = new Map(events.filter((e) => e.name === 'thread_name').map((e) => [`${e.pid}:${e.tid}`, e.args?.name ?? '?']));
const nodes = new Map<string, Map<number, Node>>();
const self = new Map<string, number>();
// Chunks come from V8's profiler thread; the Profile event (same id) is on the profiled thread.
const workerProfiles = new Set(events.filter((e) => e.name === 'Profile' && names.get(`${e.pid}:${e.tid}`) === 'DedicatedWorker thread').map((e) => `${e.pid}:${e.id}`));
for (const e of events.filter((e) => e.name === 'ProfileChunk')) {
  if (!workerProfiles.has(`${e.pid}:${e.id}`)) continue;
  const key = `${e.pid}:${e.id}`;
  const known = nodes.get(key) ?? new Map<number, Node>();
  nodes.set(key, known);
  for (const n of e.args?.data?.cpuProfile?.nodes ?? []) known.set(n.id, n);
  const samples = e.args?.data?.cpuProfile?.samples ?? [];
  const deltas = e.args?.data?.timeDeltas ?? [];
  samples.forEach((id, i) => {
    const n = known.get(id);
    const label = n ? `${n.callFrame.functionName || '(anonymous)'} ${(n.callFrame.url ?? '').split('/').pop()}` : `node ${id}`;
    self.set(label, (self.get(label) ?? 0) + (deltas[i + 1] ?? deltas[i] ?? 0) / 1000);
  });
}
const total = [...self].filter(([k]) => !k.startsWith('(idle)')).reduce((s, [, v]) => s + v, 0);
console.log(`worker thread sampled, not idle: ${total.toFixed(0)} ms`);
for (const [k, v] of [...self].sort((a, b) => b[1] - a[1]).slice(0, TOP)) console.log(`${v.toFixed(1).padStart(7)} ms  ${k}`);
await server.close();
process.exit(0);
