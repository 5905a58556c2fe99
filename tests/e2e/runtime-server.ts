/**
 * A tiny static server over the built site for the runtime's browser tests: with the cross-origin
 * isolation headers (COOP/COEP, so SharedArrayBuffer interrupts work) or without them (like a static
 * host that cannot set headers). Loopback only; ports come from the runtime's range 4400-4499.
 */
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { extname, join, normalize } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.mjs': 'text/javascript',
  '.css': 'text/css', '.wasm': 'application/wasm', '.json': 'application/json', '.zip': 'application/zip',
  '.svg': 'image/svg+xml', '.png': 'image/png', '.woff2': 'font/woff2', '.ttf': 'font/ttf',
};

/** The built site the tests serve: $RUNTIME_DIST, else dist/. */
export const distDir = process.env.RUNTIME_DIST ?? 'dist';

function resolveFile(root: string, urlPath: string): string | null {
  const clean = normalize(decodeURIComponent(urlPath.split('?')[0])).replace(/^(\.\.[/\\])+/, '');
  let file = join(root, clean);
  if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
  return existsSync(file) && statSync(file).isFile() ? file : null;
}

/** A running test server; add URL paths to `failing` to answer them with 503 (a broken download). */
export type StaticServer = Server & { failing: Set<string> };

/** Serve `root` on 127.0.0.1:`port`; resolves once listening. */
export function serveStatic(root: string, port: number, isolated: boolean): Promise<StaticServer> {
  const failing = new Set<string>();
  const server = createServer((req, res) => {
    if (failing.has((req.url ?? '').split('?')[0])) {
      res.writeHead(503, { 'Content-Type': 'text/plain' }).end('unavailable');
      return;
    }
    const file = resolveFile(root, req.url ?? '/');
    if (isolated) {
      res.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
      res.setHeader('Cross-Origin-Embedder-Policy', 'require-corp');
    }
    if (!file) {
      res.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found');
      return;
    }
    const stat = statSync(file);
    // Last-Modified, as every static host sends: the runtime keys its kept snapshot memory by it.
    res.writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream', 'Content-Length': stat.size, 'Last-Modified': stat.mtime.toUTCString() });
    createReadStream(file).pipe(res);
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve(Object.assign(server, { failing })));
  });
}
