/**
 * A tiny static server over the built site for the runtime's browser tests: with the cross-origin
 * isolation headers (COOP/COEP, so SharedArrayBuffer interrupts work) or without them (like a static
 * host that cannot set headers). Either way every other header of the serving policy
 * (src/integrations/serving-policy.ts: the CSP, frame-ancestors, Referrer- and Permissions-Policy) is
 * sent, on 404s and 400s too. It also serves the build's test-only pages (/runtime-test/), which the
 * build keeps beside the site, not in it. Loopback only; ports come from the runtime's range 4400-4499.
 */
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { extname, join, normalize } from 'node:path';
import { isPrivatePath, MIME_TYPES, readServingPolicy, responseHeaders, testPagesDir } from '../../src/integrations/serving-policy.ts';

/** The built site the tests serve: $RUNTIME_DIST, else $SITE_DIST (as the preview server), else dist/. */
export const distDir = process.env.RUNTIME_DIST ?? process.env.SITE_DIST ?? 'dist';

function resolveFile(roots: string[], path: string): string | null {
  if (isPrivatePath(path)) return null;
  const clean = normalize(path).replace(/^(\.\.[/\\])+/, '');
  for (const root of roots) {
    let file = join(root, clean);
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    if (existsSync(file) && statSync(file).isFile()) return file;
  }
  return null;
}

/** A running test server; add URL paths to `failing` to answer them with 503 (a broken download). */
export type StaticServer = Server & { failing: Set<string> };

/** Serve `root` (and its test-only pages) on 127.0.0.1:`port`; resolves once listening. */
export function serveStatic(root: string, port: number, isolated: boolean): Promise<StaticServer> {
  const failing = new Set<string>();
  const policy = readServingPolicy(root);
  const roots = [root, testPagesDir(root)];
  const server = createServer((req, res) => {
    const send = (path: string) => {
      for (const [name, value] of Object.entries(responseHeaders(policy, path, { isolated }))) res.setHeader(name, value);
    };
    let path: string;
    try {
      path = decodeURIComponent((req.url ?? '/').split('?')[0]);
    } catch {
      send('/');
      res.writeHead(400, { 'Content-Type': 'text/plain' }).end('malformed URL');
      return;
    }
    send(path);
    if (failing.has((req.url ?? '').split('?')[0])) {
      res.writeHead(503, { 'Content-Type': 'text/plain', 'Cache-Control': 'no-store' }).end('unavailable');
      return;
    }
    const file = resolveFile(roots, path);
    if (!file) {
      send('/404.html');
      res.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found');
      return;
    }
    const stat = statSync(file);
    // Last-Modified, as every static host sends: the runtime keys its kept snapshot memory by it.
    res.writeHead(200, { 'Content-Type': MIME_TYPES[extname(file)] ?? 'application/octet-stream', 'Content-Length': stat.size, 'Last-Modified': stat.mtime.toUTCString() });
    createReadStream(file).pipe(res);
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve(Object.assign(server, { failing })));
  });
}
