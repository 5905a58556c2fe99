/**
 * An HTML response rendered in a sandboxed frame: /preview/ (public/preview/index.html) has its own
 * Content-Security-Policy that blocks every network request, and the frame gets allow-scripts only
 * (never allow-same-origin), so the reader's scripts run in an opaque origin and cannot reach this
 * page. The preview page reports each blocked load, and the reader is told about it here.
 */
import { bodyText } from './body-format.ts';
import { h } from './dom.ts';

interface Blocked { type: 'blocked'; uri: string; directive: string }

/** The Preview tab for an HTML body. */
export function renderHtmlPreview(body: Uint8Array, base = '/'): HTMLElement {
  const html = bodyText(body) ?? new TextDecoder().decode(body);
  const frame = h('iframe', {
    src: `${base}preview/`, sandbox: 'allow-scripts', title: 'Preview of the HTML response (sandboxed)',
    class: 'le-preview-frame', referrerpolicy: 'no-referrer',
  });
  const list = h('ul', { class: 'le-blocked' });
  const note = h('div', { class: 'le-blocked-note', role: 'status' });
  const seen = new Set<string>();
  const onMessage = (event: MessageEvent) => {
    if (event.source !== frame.contentWindow) return;
    const msg = event.data as Blocked | { type: 'ready' };
    if (msg?.type === 'ready') frame.contentWindow?.postMessage({ type: 'render', html }, '*');
    if (msg?.type !== 'blocked' || typeof msg.uri !== 'string') return;
    const key = `${msg.directive} ${msg.uri}`;
    if (seen.has(key)) return;
    seen.add(key);
    if (!note.firstChild) note.append(h('p', {}, 'Your page tried to load something from the network. The preview blocks every request, so it was not loaded:'), list);
    list.append(h('li', {}, h('code', {}, msg.uri || '(inline)'), ` (${msg.directive})`));
  };
  window.addEventListener('message', onMessage);
  // Stop listening once the frame leaves the page (the next run replaces it).
  const watcher = new MutationObserver(() => { if (!frame.isConnected) { window.removeEventListener('message', onMessage); watcher.disconnect(); } });
  queueMicrotask(() => { if (frame.parentNode) watcher.observe(document.body, { childList: true, subtree: true }); });
  return h('div', { class: 'le-preview' },
    h('p', { class: 'le-muted' }, 'Rendered in a sandbox: scripts run but cannot reach this page, and nothing is fetched from the network.'),
    frame, note);
}
