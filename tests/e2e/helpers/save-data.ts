import type { BrowserContext } from '@playwright/test';

/**
 * The browser of a reader on a Save-Data connection, for tests whose pages have editors but never Run:
 * the site then starts Python on the first Run, never by itself when an editor comes into view
 * (shouldWaitForRun in src/workspace/runtime.ts). Without it every such page load started Python in the
 * background, about 2 s of CPU each (hardening-share: 54.6 s of CPU for its 12 tests, 28.1 s as Save-Data
 * readers). `forbidPython`: a request for Python's files fails the test, since the page must not start it
 * by itself; leave it off where a service worker precaches them.
 */
export async function asSaveDataReader(context: BrowserContext, forbidPython = true): Promise<void> {
  await context.addInitScript(() => Object.defineProperty(navigator, 'connection', { value: { saveData: true }, configurable: true }));
  if (!forbidPython) return;
  context.on('request', (request) => {
    if (new URL(request.url()).pathname.startsWith('/pyodide/')) throw new Error(`Python was loaded on a Save-Data connection: ${request.url()}`);
  });
}
