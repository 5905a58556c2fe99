// The site's service worker. src/integrations/service-worker/index.ts fills in VERSION (a hash of every
// built file's content) and FILES (every built file) after `astro build` and writes it to /sw.js.
// Cache-first from one versioned cache: after one visit every page, the editor and Python work offline,
// and a new build is downloaded in the background and used from the next visit on. Python's files are
// the exception: network first, answered untouched (see python()), the cache only when the network fails.
const VERSION = '__VERSION__';
const FILES = __FILES__;
const PREFIX = 'wsgi-site-';
const CACHE = PREFIX + VERSION;
// Cross-origin isolation keeps SharedArrayBuffer, hence the fast interrupt of runaway Python, working
// offline too: every answer from respond(), from the cache or the network, carries these headers.
const ISOLATION = { 'Cross-Origin-Opener-Policy': 'same-origin', 'Cross-Origin-Embedder-Policy': 'require-corp' };

// Python's runtime (~14 MB under /pyodide/, and any .wasm).
const isPython = (path) => path.startsWith('/pyodide/') || path.endsWith('.wasm');

self.addEventListener('install', (event) => {
  event.waitUntil((async () => {
    const cache = await caches.open(CACHE);
    // cache: 'reload' skips the HTTP cache, so a new version never stores stale copies of old files.
    await cache.addAll(FILES.filter((url) => !isPython(url)).map((url) => new Request(url, { cache: 'reload' })));
    // Python's files after the rest, through the HTTP cache with revalidation ('no-cache'): the page
    // has usually fetched them already, so this costs a 304 each instead of a second 14 MB download.
    await cache.addAll(FILES.filter(isPython).map((url) => new Request(url, { cache: 'no-cache' })));
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
  if (event.data === 'version' && event.source) event.source.postMessage({ type: 'sw-version', version: VERSION });
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== self.location.origin || url.pathname === '/sw.js') return;
  event.respondWith(request.mode !== 'navigate' && isPython(url.pathname) ? python(request, url) : respond(request, url));
});

// Online, Python's files come from the network (the HTTP cache) as they are: Chrome keeps V8's compiled
// code for a .wasm with its HTTP cache entry, and a copy rebuilt from Cache Storage misses it, so every
// visit would recompile the 9.6 MB pyodide.asm.wasm (the commit that added this has the measurements).
// Same-origin subresources satisfy COEP require-corp without headers, so no re-wrap is needed.
async function python(request, url) {
  try {
    return await fetch(request);
  } catch (error) {
    const cached = await (await caches.open(CACHE)).match(url.pathname, { ignoreSearch: true });
    if (!cached) throw error;
    return cached;
  }
}

async function respond(request, url) {
  const cache = await caches.open(CACHE);
  let response = await cache.match(url.pathname, { ignoreSearch: true });
  // "/phases/x" and "/phases/x/" are the same page.
  if (!response && request.mode === 'navigate' && !url.pathname.endsWith('/')) response = await cache.match(url.pathname + '/');
  // Not in this build's list (the search index is: it is built inside `astro build`): the network, as is.
  if (!response) {
    try {
      response = await fetch(request);
    } catch (error) {
      if (request.mode !== 'navigate') throw error;
      // Offline, on a page this build does not have: the site's own "not found" page.
      response = (await cache.match('/404.html')) ?? Response.error();
    }
  }
  return withIsolation(response);
}

function withIsolation(response) {
  if (response.type === 'opaque' || response.type === 'error') return response;
  const headers = new Headers(response.headers);
  for (const [name, value] of Object.entries(ISOLATION)) headers.set(name, value);
  return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
}
