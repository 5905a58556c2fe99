/**
 * What nobody needs before the page's load event waits for it, so it costs nothing of the pages'
 * weight budget (tests/e2e/site-budget.spec.ts): the one place that says "after load".
 */

/**
 * Call `fn` after the page's load event (at once when it is past). Each waiting `fn` runs in a task of
 * its own, not inside the load event's: a lesson has up to seven, and run together they are one task,
 * which Lighthouse counted as a long one (page-parts.js) on a phase page.
 */
export function afterLoad(fn: () => void): void {
  if (document.readyState === 'complete') fn();
  else addEventListener('load', () => setTimeout(fn), { once: true });
}
