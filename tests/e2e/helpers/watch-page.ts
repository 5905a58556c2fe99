import { test, type Page } from '@playwright/test';

/**
 * Records what must never happen on a page: console errors, uncaught errors,
 * Content-Security-Policy violations, failed requests, responses ≥ 400, and any request to another origin.
 * Call `problems()` at the end of a test and expect it to be empty.
 */
export function watchPage(page: Page, { allowStatus = [] as string[], origin = '' } = {}) {
  const found: string[] = [];
  // `origin`: the site's origin when a test serves it itself (not from the configured baseURL).
  const siteOrigin = origin || new URL(test.info().project.use.baseURL ?? 'http://127.0.0.1:4321').origin;
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    // Chromium logs every HTTP error status; an expected one (a 404 page test) is not a page error.
    const source = message.location().url;
    if (source && allowStatus.includes(new URL(source).pathname) && message.text().startsWith('Failed to load resource')) return;
    found.push(`console error: ${message.text()}`);
  });
  page.on('pageerror', (error) => found.push(`uncaught: ${error.message}`));
  // Every CSP violation of the site's own pages, also those Chromium does not log (report-only cases).
  // Top frame only: the sandboxed HTML preview reports its intended blocks to the page itself.
  void page.addInitScript(() => {
    if (window !== window.top) return;
    document.addEventListener('securitypolicyviolation', (event) => {
      console.error(`CSP violation: ${event.effectiveDirective} blocked ${event.blockedURI || 'inline'} (${event.sourceFile}:${event.lineNumber})`);
    });
  });
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (!['data:', 'blob:'].includes(url.protocol) && url.origin !== siteOrigin) {
      found.push(`request to another origin: ${request.url()}`);
    }
  });
  page.on('requestfailed', (request) => {
    const reason = request.failure()?.errorText ?? '';
    // A navigation away aborts what the old page still had in flight: not a failure of the page.
    if (reason !== 'net::ERR_ABORTED') found.push(`failed request: ${request.url()} (${reason})`);
  });
  page.on('response', (response) => {
    const path = new URL(response.url()).pathname;
    if (response.status() >= 400 && !allowStatus.includes(path)) found.push(`HTTP ${response.status()}: ${response.url()}`);
  });
  return { problems: () => [...found] };
}
