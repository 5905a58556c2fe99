/**
 * Registers the service worker (/sw.js, written at build by src/integrations/service-worker/) once the
 * page has loaded, and tells the reader what it means for them. `?sw=off` unregisters it (tests,
 * debugging). OfflineNotice.astro starts it after `load`, so it never delays the page.
 */

const MESSAGES = {
  ready: 'This tutorial now works offline: pages, editor and Python are saved on this device.',
  update: 'A new version of the tutorial has been downloaded. It takes effect on your next visit (close this tab, or every tab of the site, and come back).',
  offline: 'You are offline. The pages, the editor and Python keep working from this device’s copy.',
  online: '',
} as const;

function show(box: HTMLElement, text: string): void {
  box.replaceChildren();
  if (!text) return;
  const p = document.createElement('p');
  p.textContent = text;
  const close = document.createElement('button');
  close.type = 'button';
  close.textContent = 'Dismiss';
  close.addEventListener('click', () => box.replaceChildren());
  box.append(p, close);
}

/** Watch one registration: a worker that finishes installing is either the first one or an update. */
function watch(box: HTMLElement, registration: ServiceWorkerRegistration): void {
  if (registration.waiting && navigator.serviceWorker.controller) show(box, MESSAGES.update);
  registration.addEventListener('updatefound', () => {
    const worker = registration.installing;
    const isUpdate = Boolean(navigator.serviceWorker.controller);
    worker?.addEventListener('statechange', () => {
      if (isUpdate && worker.state === 'installed') show(box, MESSAGES.update);
      if (!isUpdate && worker.state === 'activated') show(box, MESSAGES.ready);
    });
  });
}

/**
 * A service worker whose script was removed (404) or no longer runs (a broken sw.js) would otherwise
 * keep answering from its cache forever: the browser keeps the old worker when an update fails, and
 * register() with the same URL does not even try. So once per tab, a returning reader's page asks for
 * an update; if that fails while /sw.js answers (not a network failure, not a server error), the worker
 * is unregistered and its caches deleted: the next load comes from the network.
 */
async function healIfGone(registration: ServiceWorkerRegistration): Promise<void> {
  if (!navigator.onLine || !navigator.serviceWorker.controller || sessionStorage.getItem(CHECKED) === registration.scope) return;
  sessionStorage.setItem(CHECKED, registration.scope);
  try {
    await registration.update();
    return;
  } catch {
    // The new script could not be fetched or evaluated: find out which.
  }
  let status: number;
  try {
    status = (await fetch('/sw.js', { cache: 'no-store' })).status;
  } catch {
    return; // Offline: the cache is all there is.
  }
  if (status >= 500) return; // A server hiccup: the next visit checks again.
  await registration.unregister();
  for (const name of await caches.keys()) if (name.startsWith('wsgi-site-')) await caches.delete(name);
}
const CHECKED = 'wsgi-sw-checked';

/** Start the offline notice in `box` (a role=status element) and register the service worker. */
export function startOfflineNotice(box: HTMLElement): void {
  if (!('serviceWorker' in navigator) || !import.meta.env.PROD) return;
  addEventListener('offline', () => show(box, MESSAGES.offline));
  addEventListener('online', () => show(box, MESSAGES.online));
  if (!navigator.onLine) show(box, MESSAGES.offline);
  if (new URLSearchParams(location.search).get('sw') === 'off') {
    navigator.serviceWorker.getRegistrations().then((all) => all.forEach((r) => r.unregister()), () => {});
    return;
  }
  navigator.serviceWorker.register('/sw.js').then((registration) => {
    // Blocked service workers (Playwright's serviceWorkers: 'block') resolve with nothing.
    if (!registration) return;
    watch(box, registration);
    healIfGone(registration).catch(() => {});
  }, () => {
    // No service worker (a private window, a host without HTTPS): the site still works online.
  });
}
