// Spike (issue 9): the floor page vs the same page restoring a Pyodide memory snapshot made in Node
// (bench/spike/snapshot-node.ts → /tmp/pyodide-snapshot.bin), alternating, cold profiles.
//   npx node bench/spike/snapshot-browser.ts   (RUNS=3)
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { writeFloorPage } from '../lib/floor-page.ts';
import { startStaticServer } from '../../src/integrations/preview/static-server.ts';
import { chromium } from '@playwright/test';
import { CHROMIUM, CHROMIUM_ARGS, median } from '../lib/stats.ts';

const RUNS = Number(process.env.RUNS ?? 3);
const floorDir = writeFloorPage();
copyFileSync('/tmp/pyodide-snapshot.bin', join(floorDir, 'snapshot.bin'));
writeFileSync(join(floorDir, 'snap.html'), (await import('node:fs')).readFileSync(join(floorDir, 'index.html'), 'utf8').replace('./floor-worker.js', './snap-worker.js'));
writeFileSync(join(floorDir, 'snap-worker.js'), `import { loadPyodide } from '/pyodide/pyodide.mjs';
const snap = fetch('./snapshot.bin').then((r) => r.arrayBuffer());
const py = await loadPyodide({ indexURL: '/pyodide/', _loadSnapshot: snap });
postMessage(String(py.runPython('import wsgiref.simple_server; 1+1')));`);
const server = await startStaticServer({ '/': resolve('dist'), '/__floor/': floorDir });
const profiles = mkdtempSync(join(tmpdir(), 'wsgi-snap-'));
const res: Record<string, number[]> = { floor: [], snap: [] };
try {
  for (let i = 0; i < RUNS * 2; i++) {
    const kind = (i % 2) ^ (Math.floor(i / 2) % 2) ? 'snap' : 'floor';
    const ctx = await chromium.launchPersistentContext(join(profiles, String(i)), { executablePath: CHROMIUM, args: CHROMIUM_ARGS });
    const page = ctx.pages()[0];
    page.on('console', (m) => { if (m.type() === 'error') console.log(kind, 'console', m.text()); });
    server.reset();
    await page.goto(`${server.origin}/__floor/${kind === 'snap' ? 'snap.html' : ''}`);
    const h = await page.waitForFunction('window.__floor && window.__floor.readyMs', null, { timeout: 300_000, polling: 50 });
    res[kind].push(Number(await h.jsonValue()));
    console.log(kind, Math.round(res[kind].at(-1)!), 'ms', await page.evaluate('window.__floor.result'), `${(server.sent().bytes / 1e6).toFixed(1)} MB sent`);
    await ctx.close();
  }
} finally {
  await server.close();
  rmSync(profiles, { recursive: true, force: true });
  rmSync(floorDir, { recursive: true, force: true });
}
console.log(`median floor ${median(res.floor).toFixed(0)} ms, snapshot ${median(res.snap).toFixed(0)} ms, ratio ${(median(res.snap) / median(res.floor)).toFixed(2)}`);
process.exit(0);
