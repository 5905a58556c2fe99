/**
 * The built site's static server, for `astro preview` (./entrypoint.ts), the benchmarks and the
 * speed tests: serves folders the way nginx does with deploy/nginx/site.conf: the headers, cache rules
 * and MIME types of ../serving-policy.ts on every response (404s, 400s and redirects included), gzip
 * level 6 for text and wasm, ETag → 304; and counts the bytes it sends, so a run's total transfer is
 * known even for worker requests.
 */
import { createServer, type Server } from 'node:http';
import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { extname, join, normalize } from 'node:path';
import { gzipSync } from 'node:zlib';
import { COMPRESSIBLE, isPrivatePath, MIME_TYPES, POLICY_FILE, readServingPolicy, responseHeaders, type ServingPolicy } from '../serving-policy.ts';

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

/**
 * Serve `mounts` (URL prefix → folder, or folders tried in order; the longest prefix wins) on `host`, first
 * free port of `ports`. The serving policy is the one the build wrote into the first folder of the shortest prefix.
 */
export async function startStaticServer(mounts: Record<string, string | string[]>, ports: [number, number] = [4600, 4699], host = '127.0.0.1'): Promise<StaticServer> {
  const cache = new Map<string, Entry>();
  let bytes = 0, requests = 0, paths: string[] = [];
  let byPath: Record<string, number> = {};
  const prefixes = Object.keys(mounts).sort((a, b) => b.length - a.length);
  const folders = (prefix: string) => ([] as string[]).concat(mounts[prefix]);
  const rootFolder = prefixes.length ? folders(prefixes[prefixes.length - 1])[0] : null;
  let policy: ServingPolicy | null = null, policyMtime = -1;
  /** The policy of the build being served; a rebuild while the server runs writes a new one: follow it. */
  function currentPolicy(): ServingPolicy | null {
    if (!rootFolder) return null;
    let mtime = 0;
    try { mtime = statSync(join(rootFolder, POLICY_FILE)).mtimeMs; } catch { /* none: no CSP header */ }
    if (mtime !== policyMtime) { policy = readServingPolicy(rootFolder); policyMtime = mtime; }
    return policy;
  }
  /** The file `path` names and its mtime, in the first folder of its mount that has it. */
  function locate(path: string): { file: string; mtimeMs: number } | null {
    const prefix = prefixes.find((p) => path.startsWith(p));
    if (prefix === undefined || isPrivatePath(path)) return null;
    for (const folder of folders(prefix)) {
      let file = normalize(join(folder, path.slice(prefix.length)));
      if (!file.startsWith(normalize(folder))) return null;
      try {
        let stat = statSync(file);
        if (stat.isDirectory()) { file = join(file, 'index.html'); stat = statSync(file); }
        return { file, mtimeMs: stat.mtimeMs };
      } catch { /* not in this folder */ }
    }
    return null;
  }
  function load(path: string): Entry | null {
    const found = locate(path);
    if (!found) return null;
    const { file, mtimeMs } = found;
    // A rebuild while the server runs replaces files: serve the new ones.
    const hit = cache.get(file);
    if (hit && hit.mtimeMs === mtimeMs) return hit;
    let body: Buffer;
    try { body = readFileSync(file); } catch { return null; }
    const type = MIME_TYPES[extname(file)] ?? 'application/octet-stream';
    const gzip = COMPRESSIBLE.test(type) && body.length >= 1024 ? gzipSync(body, { level: 6 }) : null;
    const entry = { body, gzip, type, mtimeMs, etag: `"${createHash('sha1').update(body).digest('hex').slice(0, 16)}"` };
    cache.set(file, entry);
    return entry;
  }
  const server: Server = createServer((req, res) => {
    const policy = currentPolicy();
    let path: string;
    try {
      path = decodeURIComponent((req.url ?? '/').split('?')[0]);
    } catch {
      // A malformed escape (GET /%E0%A4%A): the request's fault, answered like any other, never a crash.
      for (const [name, value] of Object.entries(responseHeaders(policy, '/'))) res.setHeader(name, value);
      res.writeHead(400, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Bad request: malformed URL\n');
      return;
    }
    for (const [name, value] of Object.entries(responseHeaders(policy, path))) res.setHeader(name, value);
    if (!path.endsWith('/') && !extname(path) && load(path + '/')) {
      res.writeHead(301, { Location: path + '/' }).end();
      return;
    }
    const entry = load(path);
    requests++;
    paths.push(path);
    if (!entry) {
      // Like nginx's error_page: the answer is /404.html, with that page's headers.
      for (const [name, value] of Object.entries(responseHeaders(policy, '/404.html'))) res.setHeader(name, value);
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
