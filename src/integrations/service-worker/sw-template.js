// The site's service worker. src/integrations/service-worker/index.ts fills in VERSION (a hash of every
// built file's content), INTEGRITY (every built file's URL path → SHA-256 of its bytes, base64) and POLICY
// (the response headers and MIME types of src/integrations/serving-policy.ts) after `astro build` and writes it to /sw.js.
// Cache-first from one versioned cache: after one visit every page, the editor and Python work offline,
// and a new build is downloaded in the background and used from the next visit on. Python's files are
// the exception: network first (the HTTP cache), the cache only when the network fails.
//
// Self-healing: Cache Storage is writable by any script of the origin, so nothing read from it is trusted.
// Every answer from the cache is checked against INTEGRITY first; a mismatch is deleted and fetched again,
// never served. A missing entry (a deleted cache, a file that failed to download at install) is fetched
// from the network and stored again once it matches.
const VERSION = '__VERSION__';
const INTEGRITY = __INTEGRITY__;
const POLICY = __POLICY__;
const FILES = Object.keys(INTEGRITY);
const PREFIX = 'wsgi-site-';
const CACHE = PREFIX + VERSION;
// An install that could not fetch more than this share of the files keeps the old version (the network
// is failing: the next visit tries again); below it, the update installs and the few missing files come
// from the network when first needed, then stay.
const MAX_MISSING_SHARE = 0.1;

// Python's runtime (~14 MB under /pyodide/, and any .wasm).
const isPython = (path) => path.startsWith('/pyodide/') || path.endsWith('.wasm');

// The cost of verification, for tests and benchmarks (message 'stats').
const stats = { verified: 0, bytes: 0, ms: 0, mismatches: 0, stored: 0, missingAtInstall: [] };

self.addEventListener('install', (event) => {
  event.waitUntil((async () => {
    const cache = await caches.open(CACHE);
    const older = (await caches.keys()).filter((name) => name.startsWith(PREFIX) && name !== CACHE);
    const missing = [];
    await inParallel(FILES, 6, async (path) => {
      if (await verified(cache, path)) return;
      // Unchanged since an older version: copy it (verified) instead of downloading it again.
      for (const name of older) {
        const copy = await verified(await caches.open(name), path);
        if (copy) return void (await cache.put(path, copy));
      }
      // cache: 'reload' skips the HTTP cache, so a new version never stores stale copies of old files.
      // Python's files go through the HTTP cache with revalidation ('no-cache'): the page has usually
      // fetched them already, so this costs a 304 each instead of a second 14 MB download.
      try {
        const response = await fetch(new Request(path, { cache: isPython(path) ? 'no-cache' : 'reload' }));
        if (!(await store(cache, path, response))) missing.push(path);
      } catch {
        missing.push(path);
      }
    });
    stats.missingAtInstall = missing;
    if (missing.length > FILES.length * MAX_MISSING_SHARE) {
      throw new Error(`sw ${VERSION}: ${missing.length} of ${FILES.length} files could not be fetched; keeping the current version`);
    }
  })());
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    const names = await caches.keys();
    await Promise.all(names.filter((name) => name.startsWith(PREFIX) && name !== CACHE).map((name) => caches.delete(name)));
    await self.clients.claim();
  })());
});

self.addEventListener('message', (event) => {
  if (!event.source) return;
  if (event.data === 'version') event.source.postMessage({ type: 'sw-version', version: VERSION });
  if (event.data === 'stats') event.source.postMessage({ type: 'sw-stats', version: VERSION, ...stats });
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== self.location.origin || url.pathname === '/sw.js') return;
  event.respondWith(request.mode !== 'navigate' && isPython(url.pathname) ? python(event, url) : respond(event, url));
});

// Online, Python's files come from the network (the HTTP cache) as they are: they are large, and the
// HTTP cache answers them without a copy. Offline, from the cache, verified like everything else.
// Same-origin subresources satisfy COEP require-corp without headers, so no re-wrap is needed online.
async function python(event, url) {
  try {
    return await fetch(event.request);
  } catch (error) {
    const cached = INTEGRITY[url.pathname] && (await verified(await caches.open(CACHE), url.pathname));
    if (!cached) throw error;
    return withPolicy(cached, url.pathname);
  }
}

async function respond(event, url) {
  const request = event.request;
  // Only this build's files are answered from the cache: an entry someone else added is never used.
  // "/phases/x" and "/phases/x/" are the same page.
  let path = url.pathname in INTEGRITY ? url.pathname : null;
  if (!path && request.mode === 'navigate' && (url.pathname + '/') in INTEGRITY) path = url.pathname + '/';
  const cache = await caches.open(CACHE);
  let response = path ? await verified(cache, path) : null;
  if (!response) {
    try {
      response = await fetch(request);
      // Heal: a file of this build that was missing (or wrong) is stored again once it matches.
      if (path) event.waitUntil(store(cache, path, response.clone()));
    } catch (error) {
      if (request.mode !== 'navigate') throw error;
      // Offline, on a page this build does not have: the site's own "not found" page.
      const notFound = await verified(cache, '/404.html');
      return notFound ? withPolicy(notFound, '/404.html') : Response.error();
    }
  }
  return withPolicy(response, url.pathname);
}

/** The cached answer for `path` if its bytes are this build's (a fresh Response), else null; a mismatch is deleted. */
async function verified(cache, path) {
  const cached = await cache.match(path);
  if (!cached) return null;
  const started = performance.now();
  const body = await cached.arrayBuffer();
  const ok = (await sha256(body)) === INTEGRITY[path];
  stats.ms += performance.now() - started;
  stats.verified++;
  stats.bytes += body.byteLength;
  if (!ok) {
    stats.mismatches++;
    await cache.delete(path);
    return null;
  }
  // The bytes are this build's, but the stored headers and status are as writable as they were: only
  // the validators are kept (the snapshot loader keys its kept memory by them); the type comes from the path.
  const headers = new Headers();
  for (const name of ['ETag', 'Last-Modified']) if (cached.headers.has(name)) headers.set(name, cached.headers.get(name));
  headers.set('Content-Type', typeOf(path));
  return new Response(body, { status: 200, headers });
}

function typeOf(path) {
  const ext = path.endsWith('/') ? '.html' : (path.match(/\.[^./]+$/) || [''])[0];
  return POLICY.types[ext] || 'application/octet-stream';
}

/** Store `response` as `path` if it is a whole 200 whose bytes are this build's; whether it was stored. */
async function store(cache, path, response) {
  if (response.status !== 200 || response.type !== 'basic') return false;
  const body = await response.arrayBuffer();
  if ((await sha256(body)) !== INTEGRITY[path]) return false;
  await cache.put(path, new Response(body, { status: 200, statusText: response.statusText, headers: response.headers }));
  stats.stored++;
  return true;
}

async function sha256(bytes) {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
  return btoa(String.fromCharCode(...digest));
}

async function inParallel(items, limit, run) {
  const queue = [...items];
  await Promise.all(Array.from({ length: limit }, async () => {
    while (queue.length) await run(queue.shift());
  }));
}

// Every answer carries the serving policy's headers (src/integrations/serving-policy.ts), like the
// servers' own: cross-origin isolation keeps SharedArrayBuffer, hence the fast interrupt of runaway
// Python, working offline and on hosts that send no headers; the CSP header covers workers' scripts.
function withPolicy(response, path) {
  if (response.type === 'opaque' || response.type === 'opaqueredirect' || response.type === 'error') return response;
  const headers = new Headers(response.headers);
  for (const [name, value] of Object.entries({ ...POLICY.isolation, ...POLICY.common })) headers.set(name, value);
  const csp = Object.keys(POLICY.csp).filter((prefix) => path.startsWith(prefix)).sort((a, b) => b.length - a.length)[0];
  if (csp !== undefined) headers.set('Content-Security-Policy', POLICY.csp[csp]);
  return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
}
