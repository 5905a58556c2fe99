/**
 * Registers the service worker (/sw.js, written at build by src/integrations/service-worker/) once the
 * page has loaded, and tells the reader what it means for them. `?sw=off` unregisters it (tests,
 * debugging). OfflineNotice.astro starts it after `load`, so it never delays the page; on a first visit to
 * a page that starts Python it also waits for Python (afterPythonSettles).
 */
import { shouldWaitForRun } from './save-data';

const PRECACHE_WAIT_MS = 30_000;
const QUIET_MS = 3_000;

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
  void afterPythonSettles(PRECACHE_WAIT_MS).then(() => register(box));
}

/**
 * A first visit's service worker precaches ~20 MB (fetched, then hashed) in the page's process. Beside
 * Python's start on 2 cores it made the first Run answer later: the playground's paste-and-Run flow,
 * median of 3 cold visits, rendered at 2,495 ms with it and 1,663 ms with service workers blocked
 * (bench/evidence/warm-start-breakdown.ts, COLD=1 and SW=block); registered as soon as Python was up, it
 * slowed that first Run instead (2,060 ms). So on a page that starts Python, the first registration waits
 * until Python has been up (or failed) and idle for QUIET_MS (runtime.ts sets data-python), at most
 * `maxMs` in all. Pages without Python, readers who save data (Python waits for their first Run) and a
 * returning reader's page, whose worker is already installed, register at once.
 */
function afterPythonSettles(maxMs: number): Promise<void> {
  const python = () => document.documentElement.dataset.python ?? 'idle';
  if (navigator.serviceWorker.controller || shouldWaitForRun() || !document.querySelector('[data-status-text]')) return Promise.resolve();
  return new Promise((resolve) => {
    let quiet: ReturnType<typeof setTimeout> | undefined;
    const done = () => { observer.disconnect(); clearTimeout(quiet); clearTimeout(bound); resolve(); };
    const check = () => {
      clearTimeout(quiet);
      if (python() === 'ready' || python() === 'failed') quiet = setTimeout(done, QUIET_MS);
    };
    const observer = new MutationObserver(check);
    observer.observe(document.documentElement, { attributes: true, attributeFilter: ['data-python'] });
    const bound = setTimeout(done, maxMs);
    check();
  });
}

function register(box: HTMLElement): void {
  navigator.serviceWorker.register('/sw.js').then((registration) => {
    // Blocked service workers (Playwright's serviceWorkers: 'block') resolve with nothing.
    if (!registration) return;
    watch(box, registration);
    healIfGone(registration).catch(() => {});
  }, () => {
    // No service worker (a private window, a host without HTTPS): the site still works online.
  });
}
