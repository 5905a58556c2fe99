/**
 * The response: status, headers, and the body as text, pretty JSON or hex (the reader can switch).
 * The app may return anything (50 MB, 100,000 headers), so the view says the true size and shows a
 * prefix, more on request, and never decodes or lays out the whole of a large body on the page's
 * main thread (body-format.ts reads only what is shown).
 */
import type { ServerResult } from '../../runtime/server-result.ts';
import { bodyJson, FIRST_BYTES, hexLines, JSON_FORMAT_MAX, SHOW_MORE, textPrefix, type BodyView } from './body-format.ts';
import { h } from '../../dom/elements.ts';

let counter = 0;
/** Header rows shown at first; each "Show more headers" adds HEADERS_MORE. */
const HEADERS_FIRST = 100;
const HEADERS_MORE = 500;
const HEX_FIRST = 4096;
const HEX_MORE = 16 * 1024;

const count = (n: number) => n.toLocaleString('en');

function headerValue(headers: [string, string][], name: string): string | null {
  return headers.find(([n]) => n.toLowerCase() === name)?.[1] ?? null;
}

/**
 * A body shown one way, a part at a time: `next()` gives the following part's text and `left` the
 * bytes (or characters, for formatted JSON) not shown yet.
 */
function bodyParts(body: Uint8Array, view: BodyView, formatted: string | null): { next: () => string; left: () => number; unit: string } {
  const json = view === 'json' ? formatted : null;
  if (json !== null) {
    let at = 0;
    return { unit: 'characters', left: () => json.length - at, next: () => { const part = json.slice(at, at + (at ? SHOW_MORE : FIRST_BYTES)); at += part.length; return part; } };
  }
  if (view !== 'hex' && textPrefix(body) !== null) {
    const decoder = new TextDecoder('utf-8');
    let at = 0;
    return {
      unit: 'bytes', left: () => body.length - at,
      next: () => { const end = Math.min(body.length, at + (at ? SHOW_MORE : FIRST_BYTES)); const part = decoder.decode(body.subarray(at, end), { stream: end < body.length }); at = end; return part; },
    };
  }
  let at = 0;
  return {
    unit: 'bytes', left: () => body.length - at,
    next: () => { const end = Math.min(body.length, at + (at ? HEX_MORE : HEX_FIRST)); const part = (at ? '\n' : '') + hexLines(body, at, end); at = end; return part; },
  };
}

/** `total`: how many the app sent, when the worker passed on only the first ones (result_limits.py). */
function headersTable(headers: [string, string][], total = headers.length): HTMLElement {
  const tbody = h('tbody', {});
  const more = h('button', { type: 'button', class: 'le-button le-small' });
  const note = h('p', { class: 'le-muted' });
  let shown = 0;
  const add = (n: number) => {
    const part = headers.slice(shown, shown + n);
    tbody.append(...part.map(([name, value]) => h('tr', {}, h('th', { scope: 'row' }, name), h('td', {}, value))));
    shown += part.length;
    const left = headers.length - shown;
    more.hidden = left === 0;
    note.hidden = shown === total;
    note.textContent = `Showing ${count(shown)} of ${count(total)} headers${total > headers.length ? ` (the first ${count(headers.length)} are kept)` : ''}. The Raw HTTP tab has the exact bytes.`;
    more.textContent = `Show ${count(Math.min(left, HEADERS_MORE))} more headers`;
  };
  more.addEventListener('click', () => add(HEADERS_MORE));
  add(HEADERS_FIRST);
  return h('div', {},
    h('table', { class: 'le-headers' },
      h('caption', { class: 'visually-hidden' }, 'Response headers'),
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Header'), h('th', { scope: 'col' }, 'Value'))),
      tbody),
    note, more);
}

/** The Response tab's content for one result. */
export function renderResponse(server: ServerResult): HTMLElement {
  const id = `le-body-${++counter}`;
  const contentType = headerValue(server.headers, 'content-type');
  const isText = textPrefix(server.body) !== null;
  // Parsed once: only bodies up to JSON_FORMAT_MAX are, so this stays a few milliseconds.
  const json = isText ? bodyJson(server.body) : null;
  const pre = h('pre', { class: 'le-body', id, tabindex: '0', 'aria-label': 'Response body' });
  const more = h('button', { type: 'button', class: 'le-button le-small', 'aria-controls': id });
  const left = h('p', { class: 'le-muted' });
  const views: BodyView[] = ['text', 'json', 'hex'];
  const usable = (v: BodyView) => v === 'hex' || (isText && (v === 'text' || json !== null));
  let parts = bodyParts(server.body, 'text', json);
  const update = () => {
    const n = parts.left();
    more.hidden = left.hidden = n === 0;
    left.textContent = `${count(n)} more ${parts.unit} not shown.`;
    more.textContent = 'Show more';
  };
  const show = (view: BodyView) => {
    if (!server.body.length) { pre.textContent = '(empty body)'; update(); return; }
    parts = bodyParts(server.body, view, json);
    pre.textContent = parts.next();
    update();
  };
  more.addEventListener('click', () => { pre.append(parts.next()); update(); });
  const initial: BodyView = !isText ? 'hex' : json !== null && (contentType ?? '').includes('json') ? 'json' : 'text';
  const name = `le-body-view-${counter}`;
  const switcher = h('fieldset', { class: 'le-body-views' },
    h('legend', {}, 'Show body as'),
    views.filter(usable).map((view) => h('label', {},
      h('input', { type: 'radio', name, value: view, checked: view === initial, onchange: () => show(view) }),
      ` ${view === 'json' ? 'JSON' : view === 'hex' ? 'hex' : 'text'}`)),
  );
  show(initial);
  const tooBigForJson = isText && server.body.length > JSON_FORMAT_MAX && (contentType ?? '').includes('json');
  const statusClass = server.status ? `le-status le-status-${server.status[0]}xx` : 'le-status';
  return h('div', { class: 'le-response' },
    h('p', { class: statusClass }, server.status ?? 'No response: the connection was closed without a status line.'),
    server.outcome === 'cut' && server.status
      ? h('p', { class: 'le-warning' }, 'The server cut the connection in the middle of this response: a client would see an incomplete message.')
      : null,
    server.headers.length ? headersTable(server.headers, server.headersTotal) : null,
    h('p', { class: 'le-body-meta' }, `Body: ${count(server.body.length)} bytes${contentType ? ` · ${contentType}` : ''}`),
    tooBigForJson ? h('p', { class: 'le-muted' }, `JSON over ${count(JSON_FORMAT_MAX)} bytes is shown as it was sent, not formatted.`) : null,
    server.body.length ? switcher : null,
    pre, left, more,
  );
}

/** True when the response body is HTML worth previewing. */
export function isHtml(server: ServerResult): boolean {
  return (headerValue(server.headers, 'content-type') ?? '').toLowerCase().includes('text/html') && server.body.length > 0;
}
