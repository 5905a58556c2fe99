/**
 * The built site's static server, for `astro preview` (./entrypoint.ts), the benchmarks and the
 * speed tests: serves folders the way deploy/nginx/site.conf does (gzip level 6 for text and wasm,
 * COOP/COEP/CORP on every response including 404s, the same Cache-Control per path, ETag → 304),
 * and counts the bytes it sends, so a run's total transfer is known even for worker requests.
 */
import { createServer, type Server } from 'node:http';
import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { extname, join, normalize } from 'node:path';
import { gzipSync } from 'node:zlib';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.mjs': 'text/javascript', '.css': 'text/css',
  '.json': 'application/json', '.wasm': 'application/wasm', '.zip': 'application/zip', '.svg': 'image/svg+xml',
  '.png': 'image/png', '.woff2': 'font/woff2', '.ico': 'image/x-icon', '.txt': 'text/plain', '.xml': 'application/xml',
  '.webmanifest': 'application/manifest+json', '.pf_meta': 'application/octet-stream',
};
const COMPRESS = /^(text\/|application\/(javascript|json|wasm|xml|manifest)|image\/svg)/;

export interface StaticServer {
  origin: string;
  /** Bytes sent (headers excluded) since the last reset, and the number of responses. */
  sent(): { bytes: number; requests: number; paths: string[]; byPath: Record<string, number> };
  reset(): void;
  close(): Promise<void>;
  /** Settles when the server has closed (for whatever reason). */
  closed(): Promise<void>;
}

interface Entry { body: Buffer; gzip: Buffer | null; etag: string; type: string; mtimeMs: number }

function cacheControl(path: string): string {
  if (path.startsWith('/_astro/')) return 'public, max-age=31536000, immutable';
  if (path.startsWith('/pyodide/')) return 'public, max-age=86400, must-revalidate';
  return 'no-cache';
}

/** Serve `mounts` (URL prefix → folder; the longest prefix wins) on `host`, first free port of `ports`. */
export async function startStaticServer(mounts: Record<string, string>, ports: [number, number] = [4600, 4699], host = '127.0.0.1'): Promise<StaticServer> {
  const cache = new Map<string, Entry>();
  let bytes = 0, requests = 0, paths: string[] = [];
  let byPath: Record<string, number> = {};
  const prefixes = Object.keys(mounts).sort((a, b) => b.length - a.length);
  function load(path: string): Entry | null {
    const prefix = prefixes.find((p) => path.startsWith(p));
    if (prefix === undefined) return null;
    let file = normalize(join(mounts[prefix], path.slice(prefix.length)));
    if (!file.startsWith(normalize(mounts[prefix]))) return null;
    let mtimeMs: number;
    try {
      let stat = statSync(file);
      if (stat.isDirectory()) { file = join(file, 'index.html'); stat = statSync(file); }
      mtimeMs = stat.mtimeMs;
    } catch { return null; }
    // A rebuild while the server runs replaces files: serve the new ones.
    const hit = cache.get(file);
    if (hit && hit.mtimeMs === mtimeMs) return hit;
    let body: Buffer;
    try { body = readFileSync(file); } catch { return null; }
    const type = TYPES[extname(file)] ?? 'application/octet-stream';
    const gzip = COMPRESS.test(type) && body.length >= 1024 ? gzipSync(body, { level: 6 }) : null;
    const entry = { body, gzip, type, mtimeMs, etag: `"${createHash('sha1').update(body).digest('hex').slice(0, 16)}"` };
    cache.set(file, entry);
    return entry;
  }
  const server: Server = createServer((req, res) => {
    const path = decodeURIComponent((req.url ?? '/').split('?')[0]);
    res.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
    res.setHeader('Cross-Origin-Embedder-Policy', 'require-corp');
    res.setHeader('Cross-Origin-Resource-Policy', 'same-origin');
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Cache-Control', cacheControl(path));
    if (!path.endsWith('/') && !extname(path) && load(path + '/')) {
      res.writeHead(301, { Location: path + '/' }).end();
      return;
    }
    const entry = load(path);
    requests++;
    paths.push(path);
    if (!entry) {
      const notFound = load('/404.html');
      res.writeHead(404, { 'Content-Type': 'text/html; charset=utf-8' }).end(req.method === 'HEAD' ? undefined : notFound?.body ?? 'not found');
      return;
    }
    res.setHeader('ETag', entry.etag);
    res.setHeader('Vary', 'Accept-Encoding');
    if (req.headers['if-none-match'] === entry.etag) { res.writeHead(304).end(); return; }
    const gz = entry.gzip && /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
    const body = gz ? entry.gzip! : entry.body;
    bytes += body.length;
    byPath[path] = (byPath[path] ?? 0) + body.length;
    res.writeHead(200, { 'Content-Type': entry.type, 'Content-Length': body.length, ...(gz ? { 'Content-Encoding': 'gzip' } : {}) });
    res.end(req.method === 'HEAD' ? undefined : body);
  });
  for (let port = ports[0]; port <= ports[1]; port++) {
    const ok = await new Promise<boolean>((resolve) => {
      server.once('error', () => resolve(false));
      server.listen(port, host, () => resolve(true));
    });
    if (ok) {
      return {
        origin: `http://${host.includes(':') ? `[${host}]` : host}:${port}`,
        sent: () => ({ bytes, requests, paths, byPath }),
        reset: () => { bytes = 0; requests = 0; paths = []; byPath = {}; },
        close: () => new Promise((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }),
        closed: () => new Promise((resolve) => { if (!server.listening) resolve(); else server.once('close', () => resolve()); }),
      };
    }
  }
  throw new Error(`no free port in ${ports[0]}-${ports[1]}`);
}
