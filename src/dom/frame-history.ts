/**
 * Keeps the reader's own pages out of the site's session history. Every frame shares this page's
 * (joint) session history: a sandboxed page that sets `location.hash` in a loop, calls
 * `history.pushState`, or does either from a frame of its own, adds an entry per call to the tab's
 * history, and the reader's Back then walks through them. Nothing inside an opaque-origin frame can
 * stop that (the Location setters cannot be overridden; the Navigation API's navigate event is
 * disabled for opaque origins; a page can take a clean History from a frame it makes), and no web API
 * removes an entry once it is there. So this page watches `history.length` while a frame of the
 * reader's is shown: when it grows without this page navigating, the frame is stopped (the guard's
 * callback) and the tab goes back over the entries it added, to this page's own entry, so Back leaves
 * the page as it did before; they are then dropped but one (history.length ends one above where it
 * was: one forward entry that shows nothing new). What does not hold: a page that adds exactly one
 * entry right after such a recovery goes unseen (history.length does not change); nothing is seen once
 * the tab's history is full (Chromium keeps 50 entries, so history.length stops growing).
 * Used by the HTML preview (src/lesson/results/HtmlPreview.ts) and the Browser tab (src/browser/).
 * docs/decisions/preview-history.md
 */

/** How often history.length is read while a guard is active (one property read). */
const POLL_MS = 100;

/** An upper bound of this page's index in the tab's history (exact after a push: the entry is last). */
let index = -1;
/** The history.length this page expects (its own navigations and recoveries update it). */
let expected = -1;
interface Guard { stop: (entries: number) => void; owner: Element; shown: boolean }
const guards = new Set<Guard>();
let timer: ReturnType<typeof setInterval> | null = null;
let listening = false;

/** This page navigated itself (a #link, Back, Forward): its entry moved, so start from there. */
let href = '';
function ownNavigation() {
  // After a push the entry is the last one; after a traversal it is at most the last one. Either way
  // going back by (length - 1 - index) can never leave this page's own entries.
  index = history.length - 1;
  expected = history.length;
  href = location.href;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
let recovering = false;

/** Until then, entries are a navigation this site made its own (see expectFrameNavigation). */
let ownFrameNavigationUntil = 0;

/**
 * The in-page browser took over a navigation of its frame (blocked there, requested from the app): the
 * blocked navigation may leave an entry (Chromium commits an error page for it), which is the
 * browser's own doing, not the page's. For the next second, added entries are gone back over and
 * dropped as usual, without stopping the page.
 */
export function expectFrameNavigation(): void {
  ownFrameNavigationUntil = performance.now() + 1000;
}

function check() {
  // A guard whose results left the page (the next Run replaced them) ends by itself.
  for (const g of [...guards]) {
    if (g.owner.isConnected) g.shown = true;
    else if (g.shown) guards.delete(g);
  }
  if (!guards.size && timer && !recovering) { clearInterval(timer); timer = null; }
  if (recovering || history.length === expected) return;
  // This page's own #link, seen before its hashchange event: its URL changed, a frame's cannot.
  if (location.href !== href) { ownNavigation(); return; }
  // A frame navigated: its entries sit after this page's entry (forward ones it had were dropped).
  const added = history.length - 1 - index;
  if (performance.now() > ownFrameNavigationUntil) for (const g of [...guards]) g.stop(Math.max(added, 1));
  if (added <= 0) { expected = history.length; return; }
  recovering = true;
  void recover(added).finally(() => { recovering = false; expected = history.length; });
}

/**
 * Back over the `added` entries (the frames that made them are gone, so nothing moves on the page),
 * then drop them: one entry pushed by a frame of this page's own (a hidden srcdoc frame, its
 * #fragment) drops every forward entry, as any new entry does, and going back over that one leaves
 * one forward entry instead of `added`. Each step is checked against history.length, so a traversal
 * still under way is waited for, never raced.
 */
async function recover(added: number) {
  history.go(-added);
  const helper = document.createElement('iframe');
  helper.hidden = true;
  helper.tabIndex = -1;
  helper.setAttribute('aria-hidden', 'true');
  helper.title = 'History helper';
  const loaded = new Promise((resolve) => helper.addEventListener('load', resolve, { once: true }));
  helper.srcdoc = '';
  document.body.append(helper);
  await loaded;
  for (let attempt = 1; attempt <= 5 && helper.contentWindow; attempt++) {
    await sleep(100 * attempt);
    helper.contentWindow.location.hash = String(attempt);
    // Pushed right after this page's entry: the forward entries are gone; step back over it.
    if (history.length === index + 2) { history.go(-1); break; }
    // The traversal had not finished: the entry went at the end; back over everything, try again.
    if (history.length - 1 > index) history.go(index + 1 - history.length);
  }
  await sleep(200);
  helper.remove();
}

/**
 * Watch the tab's history while a frame of the reader's is shown inside `owner`; `stop` is called (with
 * how many entries were added) when one is, and must remove the frame. The watch ends when the returned
 * function is called, or once `owner` was on the page and has left it.
 */
export function guardFrameHistory(owner: Element, stop: (entries: number) => void): () => void {
  if (!listening) {
    listening = true;
    ownNavigation();
    addEventListener('popstate', ownNavigation);
    addEventListener('hashchange', ownNavigation);
  }
  if (!guards.size) expected = history.length;
  const guard: Guard = { stop, owner, shown: false };
  guards.add(guard);
  timer ??= setInterval(check, POLL_MS);
  return () => {
    guards.delete(guard);
    if (!guards.size && timer) {
      check();
      clearInterval(timer);
      timer = null;
    }
  };
}
