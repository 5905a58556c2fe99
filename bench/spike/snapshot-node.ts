// Spike (issue 9): does a Pyodide memory snapshot taken once make start-up faster? Node, same Pyodide.
//   npx node bench/spike/snapshot-node.ts   → prints sizes and load times, writes /tmp/pyodide-snapshot.bin
import { loadPyodide } from 'pyodide';
import { writeFileSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';

const t0 = performance.now();
const py = await loadPyodide({ _makeSnapshot: true } as never);
const tReady = performance.now() - t0;
// Warm what the server imports so the snapshot holds it (the runtime imports wsgiref, json, io...).
py.runPython('import wsgiref.simple_server, wsgiref.util, wsgiref.headers, json, io, sys, traceback, email.utils, http.client');
const snap = (py as unknown as { makeMemorySnapshot(): Uint8Array }).makeMemorySnapshot();
writeFileSync('/tmp/pyodide-snapshot.bin', snap);
console.log(`plain load ${tReady.toFixed(0)} ms; snapshot ${(snap.length / 1e6).toFixed(1)} MB raw, ${(gzipSync(snap, { level: 6 }).length / 1e6).toFixed(1)} MB gzip`);
for (let i = 0; i < 3; i++) {
  const t1 = performance.now();
  const p2 = await loadPyodide({ _loadSnapshot: readFileSync('/tmp/pyodide-snapshot.bin') } as never);
  const t2 = performance.now();
  const r = p2.runPython('import wsgiref.simple_server; 1+1');
  console.log(`snapshot load ${(t2 - t1).toFixed(0)} ms, then import wsgiref ${(performance.now() - t2).toFixed(0)} ms → ${r}`);
  const t3 = performance.now();
  const p3 = await loadPyodide();
  const t4 = performance.now();
  p3.runPython('import wsgiref.simple_server; 1+1');
  console.log(`plain load ${(t4 - t3).toFixed(0)} ms, then import wsgiref ${(performance.now() - t4).toFixed(0)} ms`);
}
