// How much of Pyodide's start its trampoline compiles cost: copies node_modules/pyodide to a temporary
// folder, wraps Emscripten's convertJsFunctionToWasm (each call compiles a tiny wasm module
// synchronously) with a counter and a timer, loads Pyodide in Node RUNS times (default 3) and prints the
// calls, their summed time and where they come from. Asserts nothing.
//   node bench/evidence/pyodide-trampolines.ts
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { execFileSync } from 'node:child_process';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const RUNS = Number(process.env.RUNS ?? 3);
const WRAP = 'var convertJsFunctionToWasm=(func,sig)=>{';
const WRAPPED = 'var convertJsFunctionToWasm=(func,sig)=>{const T=(globalThis.__tramp??={n:0,ms:0,from:{}});const t0=performance.now();'
  + 'try{return __inner(func,sig)}finally{T.n++;T.ms+=performance.now()-t0;'
  + 'const k=(new Error().stack||"").split("\\n").slice(2,5).map(l=>l.trim().split(" ")[1]).join(" <- ");T.from[k]=(T.from[k]||0)+1}};'
  + 'var __inner=(func,sig)=>{';

const ONE_LOAD = `
const { loadPyodide } = await import(process.argv[1]);
const t0 = performance.now();
await loadPyodide({ indexURL: process.argv[2] });
const T = globalThis.__tramp ?? { n: 0, ms: 0, from: {} };
console.log(JSON.stringify({ loadMs: performance.now() - t0, calls: T.n, ms: T.ms, from: T.from }));`;

const dir = mkdtempSync(join(tmpdir(), 'pyodide-trampolines-'));
try {
  cpSync(join(ROOT, 'node_modules/pyodide'), dir, { recursive: true });
  const asm = join(dir, 'pyodide.asm.mjs');
  const source = readFileSync(asm, 'utf8');
  if (source.split(WRAP).length !== 2) throw new Error('convertJsFunctionToWasm not found once in pyodide.asm.mjs: this Pyodide differs');
  writeFileSync(asm, source.replace(WRAP, WRAPPED));
  for (let i = 1; i <= RUNS; i++) {
    // A fresh process per load: one module instance, counted from zero.
    const out = execFileSync(process.execPath, ['--input-type=module', '-e', ONE_LOAD, pathToFileURL(join(dir, 'pyodide.mjs')).href, `${dir}/`], { encoding: 'utf8' });
    const r = JSON.parse(out.trim().split('\n').pop()!);
    console.log(`load ${i}: loadPyodide ${r.loadMs.toFixed(0)} ms; convertJsFunctionToWasm ${r.calls} calls, ${r.ms.toFixed(1)} ms in all`);
    for (const [from, n] of Object.entries(r.from as Record<string, number>)) console.log(`  ${n} × ${from}`);
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
