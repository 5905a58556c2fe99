// The site's service worker. src/integrations/service-worker/index.ts fills in VERSION (a hash of every
// built file's content) and FILES (every built file) after `astro build` and writes it to /sw.js.
// Cache-first from one versioned cache: after one visit every page, the editor and Python work offline,
// and a new build is downloaded in the background and used from the next visit on.
const VERSION = '__VERSION__';
const FILES = __FILES__;
const PREFIX = 'wsgi-site-';
const CACHE = PREFIX + VERSION;
// Cross-origin isolation keeps SharedArrayBuffer, hence the fast interrupt of runaway Python, working
// offline too: every answer, from the cache or the network, carries these headers.
const ISOLATION = { 'Cross-Origin-Opener-Policy': 'same-origin', 'Cross-Origin-Embedder-Policy': 'require-corp' };

self.addEventListener('install', (event) => {
  // cache: 'reload' skips the HTTP cache, so a new version never stores stale copies of old files.
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(FILES.map((url) => new Request(url, { cache: 'reload' })))));
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
  event.respondWith(respond(request, url));
});

async function respond(request, url) {
  const cache = await caches.open(CACHE);
  let response = await cache.match(url.pathname, { ignoreSearch: true });
  // "/phases/x" and "/phases/x/" are the same page.
  if (!response && request.mode === 'navigate' && !url.pathname.endsWith('/')) response = await cache.match(url.pathname + '/');
  if (!response) {
    try {
      response = await fetch(request);
    } catch (error) {
      if (request.mode !== 'navigate') throw error;
      // Offline, on a page this build does not have: the site's own "not found" page.
      response = (await cache.match('/404.html')) ?? Response.error();
      return withIsolation(response);
    }
    // Files made after the build (the search index) join this version's cache when first fetched.
    if (response.status === 200 && response.type === 'basic' && !request.headers.has('range')) {
      await cache.put(url.pathname, response.clone());
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
