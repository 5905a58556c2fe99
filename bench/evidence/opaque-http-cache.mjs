// Evidence for docs/decisions/warm-start-in-the-sandbox.md: does a worker of an opaque origin (started
// by a sandbox="allow-scripts" frame, as the reader's Python is) get Chromium's HTTP cache, and so a
// wasm code cache? Serves Pyodide's wasm (immutable, CORS, CORP) on 127.0.0.1:4790 and compiles it with
// compileStreaming from a same-origin worker and from an opaque-origin one, three visits each in one
// browser profile (relaunched between visits), counting the wasm requests the server sees per visit.
//   npm run build && npx node bench/evidence/opaque-http-cache.mjs
import { createServer } from 'node:http';
import { readFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
const wasm = readFileSync(new URL('../../dist/pyodide/pyodide.asm.wasm', import.meta.url));
const hits = { wasm: 0 };
const worker = (url) => `
  const t0 = performance.now();
  WebAssembly.compileStreaming(fetch(${JSON.stringify(url)}, { mode: 'cors', credentials: 'omit' })).then(() => {
    const e = performance.getEntriesByType('resource').find((r) => r.name.endsWith('.wasm'));
    postMessage({ ms: Math.round(performance.now() - t0), transferSize: e ? e.transferSize : 'n/a', origin: self.origin });
  }, (err) => postMessage({ error: String(err) }));`;
const page = (mode) => `<!doctype html><body><script>
const W = ${JSON.stringify(worker('http://127.0.0.1:4790/x.wasm'))};
${mode === 'opaque' ? `
const f = document.createElement('iframe'); f.sandbox = 'allow-scripts'; f.setAttribute('allow', 'cross-origin-isolated');
f.srcdoc = '<script>const w = new Worker(URL.createObjectURL(new Blob([' + JSON.stringify(W) + '], {type: "text/javascript"}))); w.onmessage = (e) => parent.postMessage(e.data, "*");<' + '/script>';
addEventListener('message', (e) => { window.result = e.data; });
document.body.append(f);` : `
const w = new Worker(URL.createObjectURL(new Blob([W], {type: 'text/javascript'}))); w.onmessage = (e) => { window.result = e.data; };`}
</script>`;
const server = createServer((req, res) => {
  const h = { 'Cross-Origin-Opener-Policy': 'same-origin', 'Cross-Origin-Embedder-Policy': 'require-corp', 'Cross-Origin-Resource-Policy': 'cross-origin', 'Access-Control-Allow-Origin': '*' };
  if (req.url.endsWith('.wasm')) { hits.wasm++; res.writeHead(200, { ...h, 'Content-Type': 'application/wasm', 'Cache-Control': 'public, max-age=31536000, immutable', 'Content-Length': wasm.length }); res.end(wasm); return; }
  res.writeHead(200, { ...h, 'Content-Type': 'text/html', 'Cache-Control': 'no-store' }); res.end(page(req.url.includes('opaque') ? 'opaque' : 'same'));
}).listen(4790, '127.0.0.1');
for (const mode of ['same', 'opaque']) {
  const profile = mkdtempSync(join(tmpdir(), 'opaque-http-cache-'));
  for (let v = 1; v <= 3; v++) {
    const before = hits.wasm;
    const ctx = await chromium.launchPersistentContext(profile, { executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', headless: true });
    const p = ctx.pages()[0] ?? await ctx.newPage();
    await p.goto(`http://127.0.0.1:4790/${mode}.html`);
    const r = await p.waitForFunction(() => window.result, null, { timeout: 60000 }).then((h) => h.jsonValue());
    await p.waitForTimeout(v === 1 ? 20000 : 3000);
    await ctx.close();
    console.log(mode, 'visit', v, JSON.stringify(r), 'server saw wasm requests:', hits.wasm - before);
  }
}
server.close();
