/**
 * An HTML response rendered in a sandboxed frame: /preview/ (public/preview/index.html) has its own
 * Content-Security-Policy that blocks every network request, and the frame gets allow-scripts only
 * (never allow-same-origin), so the reader's scripts run in an opaque origin and cannot reach this
 * page. The preview page reports each blocked load, and the reader is told about it here.
 * The frame's messages are untrusted (the reader's script can post anything): the HTML is sent once,
 * reports are rate-limited and capped, and a frame that reloads or leaves itself is stopped there
 * (its navigations would otherwise pile up in this page's history and could loop forever), as is one
 * that adds entries to the tab's history (frame-history.ts: the tab then goes back over them).
 */
import { bodyText } from './body-format.ts';
import { h } from '../../dom/elements.ts';
import { guardFrameHistory } from '../../dom/frame-history.ts';

interface Blocked { type: 'blocked'; uri: string; directive: string }

/** Distinct blocked loads listed; more are counted, not listed. */
export const MAX_LISTED = 20;
/** Reports handled per second; a page posting more is ignored for the rest of that second. */
const REPORTS_PER_SECOND = 50;
const MAX_URI = 200;

/** HTML past this size is not previewed: decoding and laying it out would stall the page. */
export const PREVIEW_MAX = 2_000_000;

/** The Preview tab for an HTML body. */
export function renderHtmlPreview(body: Uint8Array, base = '/'): HTMLElement {
  if (body.length > PREVIEW_MAX) {
    return h('p', { class: 'le-muted' }, `This HTML is ${body.length.toLocaleString('en')} bytes; the preview shows pages of up to ${PREVIEW_MAX.toLocaleString('en')} bytes. The Response tab shows its text.`);
  }
  const html = bodyText(body) ?? new TextDecoder().decode(body);
  const makeFrame = () => h('iframe', {
    src: `${base}preview/`, sandbox: 'allow-scripts', title: 'Preview of the HTML response (sandboxed)',
    class: 'le-preview-frame', referrerpolicy: 'no-referrer',
  });
  let frame = makeFrame();
  const list = h('ul', { class: 'le-blocked' });
  const more = h('p', { class: 'le-muted' });
  const note = h('div', { class: 'le-blocked-note', role: 'status' });
  const stopped = h('div', { class: 'le-blocked-note', role: 'status' });
  const seen = new Set<string>();
  let extra = 0;
  let sent = false;
  let loads = 0;
  let windowStart = 0;
  let inWindow = 0;

  const onMessage = (event: MessageEvent) => {
    if (event.source !== frame.contentWindow || !event.source) return;
    const msg = event.data as Blocked | { type: 'ready' };
    // The HTML goes once per frame: a page that reloads itself is not rendered again (no reload loop).
    if (msg?.type === 'ready' && !sent) { sent = true; frame.contentWindow?.postMessage({ type: 'render', html }, '*'); }
    if (msg?.type !== 'blocked' || typeof msg.uri !== 'string' || typeof msg.directive !== 'string') return;
    const now = performance.now();
    if (now - windowStart > 1000) { windowStart = now; inWindow = 0; }
    if (++inWindow > REPORTS_PER_SECOND) return;
    const uri = msg.uri.length > MAX_URI ? `${msg.uri.slice(0, MAX_URI)}…` : msg.uri;
    const directive = msg.directive.slice(0, 40);
    const key = `${directive} ${uri}`;
    if (seen.has(key)) return;
    seen.add(key);
    if (!note.firstChild) note.append(h('p', {}, 'Your page tried to load something from the network. The preview blocks every request, so it was not loaded:'), list, more);
    if (list.childElementCount < MAX_LISTED) list.append(h('li', {}, h('code', {}, uri || '(inline)'), ` (${directive})`));
    else more.textContent = `…and ${++extra} more.`;
  };
  let unguard: (() => void) | null = null;
  const stop = (why: string) => {
    unguard?.();
    unguard = null;
    const gone = frame;
    frame = makeFrame();
    gone.remove();
    stopped.replaceChildren(
      h('p', {}, why),
      h('button', { type: 'button', class: 'le-button le-small', onclick: () => { stopped.replaceChildren(); show(); } }, 'Show the page again'),
    );
  };
  // Two loads are the preview page's own (arriving, then document.close() after the HTML is written);
  // any later one means the page reloaded or navigated itself.
  const onLoad = () => {
    if (++loads <= 2) return;
    stop('Your page reloaded itself or went to another address. The preview stops there, so it cannot loop or fill this page’s history.');
  };
  const onHistory = (entries: number) => stop(`Your page added ${entries === 1 ? 'an entry' : `${entries} entries`} to your browser’s history (location.hash or history.pushState). The preview stopped it there and took your browser back over them, so Back leaves this page as before.`);
  const show = () => {
    sent = false;
    loads = 0;
    frame.addEventListener('load', onLoad);
    stopped.before(frame);
    unguard = guardFrameHistory(box, onHistory);
  };
  window.addEventListener('message', onMessage);
  // Stop listening once the preview leaves the page (the next run replaces it).
  const box = h('div', { class: 'le-preview' },
    h('p', { class: 'le-muted' }, 'Rendered in a sandbox: scripts run but cannot reach this page, and nothing is fetched from the network.'),
    stopped, note);
  show();
  const watcher = new MutationObserver(() => { if (!box.isConnected) { window.removeEventListener('message', onMessage); unguard?.(); unguard = null; watcher.disconnect(); } });
  queueMicrotask(() => { if (box.parentNode) watcher.observe(document.body, { childList: true, subtree: true }); });
  return box;
}
