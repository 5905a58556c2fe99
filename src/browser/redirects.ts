/**
 * Following a redirect as Chromium does (Fetch standard, "HTTP-redirect fetch"): 301 and 302 turn a
 * POST into a GET, 303 turns anything but GET or HEAD into a GET, 307 and 308 keep the method and body.
 * A chain stops at the 20th redirect response with "too many redirects": measured on Chromium 156 here
 * (a server that always redirects saw 20 requests, then the page showed ERR_TOO_MANY_REDIRECTS), which
 * is net's kMaxRedirects = 20 and the Fetch standard's "redirect count is twenty".
 */

/** Redirect responses in one chain; the one that reaches it ends the navigation with an error. */
export const MAX_REDIRECTS = 20;

const REDIRECTS = new Set([301, 302, 303, 307, 308]);

/** True for a status a browser follows when the response has a Location. */
export function isRedirect(status: number): boolean {
  return REDIRECTS.has(status);
}

/** The method of the next request, and whether the body (and its Content-Type) goes with it. */
export function redirectMethod(method: string, status: number): { method: string; keepBody: boolean } {
  const upper = method.toUpperCase();
  if ((status === 301 || status === 302) && upper === 'POST') return { method: 'GET', keepBody: false };
  if (status === 303 && upper !== 'GET' && upper !== 'HEAD') return { method: 'GET', keepBody: false };
  return { method: upper, keepBody: true };
}
