/** The response: status, headers, and the body as text, pretty JSON or hex (the reader can switch). */
import type { ServerResult } from '../../runtime/server-result.ts';
import { bodyText, defaultView, hexDump, prettyJson, type BodyView } from './body-format.ts';
import { h } from './dom.ts';

let counter = 0;

function headerValue(headers: [string, string][], name: string): string | null {
  return headers.find(([n]) => n.toLowerCase() === name)?.[1] ?? null;
}

/** The body shown one way; falls back to hex when text or JSON does not apply. */
function bodyAs(body: Uint8Array, view: BodyView): string {
  const text = bodyText(body);
  if (view === 'json' && text !== null) return prettyJson(text) ?? text;
  if (view === 'text' && text !== null) return text;
  return hexDump(body);
}

/** The Response tab's content for one result. */
export function renderResponse(server: ServerResult): HTMLElement {
  const id = `le-body-${++counter}`;
  const contentType = headerValue(server.headers, 'content-type');
  const text = bodyText(server.body);
  const pre = h('pre', { class: 'le-body', id, tabindex: '0', 'aria-label': 'Response body' });
  const views: BodyView[] = ['text', 'json', 'hex'];
  const usable = (v: BodyView) => v === 'hex' || (text !== null && (v === 'text' || prettyJson(text) !== null));
  const show = (view: BodyView) => { pre.textContent = server.body.length ? bodyAs(server.body, view) : '(empty body)'; };
  const initial = defaultView(server.body, contentType);
  const name = `le-body-view-${counter}`;
  const switcher = h('fieldset', { class: 'le-body-views' },
    h('legend', {}, 'Show body as'),
    views.filter(usable).map((view) => h('label', {},
      h('input', { type: 'radio', name, value: view, checked: view === initial, onchange: () => show(view) }),
      ` ${view === 'json' ? 'JSON' : view === 'hex' ? 'hex' : 'text'}`)),
  );
  show(initial);
  const statusClass = server.status ? `le-status le-status-${server.status[0]}xx` : 'le-status';
  return h('div', { class: 'le-response' },
    h('p', { class: statusClass }, server.status ?? 'No response: the connection was closed without a status line.'),
    server.outcome === 'cut' && server.status
      ? h('p', { class: 'le-warning' }, 'The server cut the connection in the middle of this response: a client would see an incomplete message.')
      : null,
    server.headers.length
      ? h('table', { class: 'le-headers' },
        h('caption', { class: 'visually-hidden' }, 'Response headers'),
        h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Header'), h('th', { scope: 'col' }, 'Value'))),
        h('tbody', {}, server.headers.map(([n, v]) => h('tr', {}, h('th', { scope: 'row' }, n), h('td', {}, v)))))
      : null,
    h('p', { class: 'le-body-meta' }, `Body: ${server.body.length} bytes${contentType ? ` · ${contentType}` : ''}`),
    server.body.length ? switcher : null,
    pre,
  );
}

/** True when the response body is HTML worth previewing. */
export function isHtml(server: ServerResult): boolean {
  return (headerValue(server.headers, 'content-type') ?? '').toLowerCase().includes('text/html') && server.body.length > 0;
}
