/**
 * The environ the app received, one row per key: its value, what it means (from the shared data
 * file content/reference/environ-keys.json), and a button that highlights the request bytes it
 * came from (the core's environ_built event gives each key's byte range in the raw request).
 */
import data from '../../../content/reference/environ-keys.json';
import type { TraceEvent } from '../../runtime/server-result.ts';
import { latin1 } from './body-format.ts';
import { h, pepLink } from '../../dom/elements.ts';

interface KeyInfo { meaning: string; example: string; pep: string; extension?: string }
const KEYS = (data as { keys: Record<string, KeyInfo> }).keys;

/** The explanation for a key: its own entry, the HTTP_* entry, or wsgiref's copied OS variables. */
export function explain(key: string, mode: string): KeyInfo | null {
  if (KEYS[key]) return KEYS[key];
  if (key.startsWith('HTTP_')) return KEYS['HTTP_*'];
  if (mode === 'wsgiref' && /^[A-Z_][A-Z0-9_]*$/.test(key)) return KEYS['os.environ'];
  return null;
}

/** A value as Python would show it: the core sends str values as-is and others as {type, repr}. */
export function showValue(value: unknown): string {
  if (typeof value === 'string') return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
  if (value && typeof value === 'object' && 'repr' in value) return String((value as { repr: unknown }).repr);
  return JSON.stringify(value);
}

/** The request with bytes [start, end) marked. */
function requestWithMark(pre: HTMLElement, request: string, range: [number, number] | null) {
  pre.replaceChildren();
  if (!range) { pre.textContent = request; return; }
  const [start, end] = range;
  const mark = h('mark', {}, request.slice(start, end) || '▏');
  pre.append(request.slice(0, start), mark, request.slice(end));
  mark.scrollIntoView({ block: 'nearest', inline: 'nearest' });
}

/** The Environ tab. */
export function renderEnviron(environ: Record<string, unknown>, events: TraceEvent[], request: Uint8Array, mode: string): HTMLElement {
  const built = events.find((e) => e.type === 'environ_built');
  const sources = (built?.sources ?? {}) as Record<string, [number, number]>;
  const text = latin1(request).replace(/\r/g, '␍');
  const pre = h('pre', { class: 'le-environ-request', tabindex: '0', 'aria-label': 'The raw request, with the selected key’s bytes marked' }, text);
  const live = h('p', { class: 'visually-hidden', 'aria-live': 'polite' });
  const row = (key: string) => {
    const info = explain(key, mode);
    const range = sources[key];
    const source = range
      ? h('button', {
        type: 'button', class: 'le-button le-small',
        // The name starts with the visible text (WCAG 2.5.3), then says what the button does.
        'aria-label': `bytes ${range[0]}–${range[1]}: show where ${key} came from in the request`,
        onclick: () => { requestWithMark(pre, text, range); live.textContent = `Marked: ${JSON.stringify(latin1(request.subarray(range[0], range[1])))}`; },
      }, `bytes ${range[0]}–${range[1]}`)
      : h('span', { class: 'le-muted' }, 'set by the server');
    return h('tr', {},
      h('th', { scope: 'row' }, h('code', {}, key)),
      h('td', {}, h('code', { class: 'le-value' }, showValue(environ[key]))),
      h('td', {}, info ? [info.meaning, info.extension ? ` (${info.extension} only)` : '', ' ', pepLink(info.pep)] : h('span', { class: 'le-muted' }, 'Not a standard key.')),
      h('td', {}, source));
  };
  const table = (keys: string[], caption: string) => h('div', { class: 'le-table-scroll' }, h('table', { class: 'le-environ-table' },
    h('caption', { class: 'visually-hidden' }, caption),
    h('thead', {}, h('tr', {}, ...['Key', 'Value', 'Meaning', 'From the request'].map((c) => h('th', { scope: 'col' }, c)))),
    h('tbody', {}, keys.map(row))));
  // wsgiref copies the process environment into environ: those keys go in their own folded table.
  const keys = Object.keys(environ).sort();
  const fromOs = keys.filter((k) => explain(k, mode) === KEYS['os.environ']);
  const own = keys.filter((k) => !fromOs.includes(k));
  return h('div', { class: 'le-environ' },
    table(own, 'The environ dict the app received'),
    fromOs.length ? h('details', { class: 'le-os-environ' },
      h('summary', {}, `${fromOs.length} more keys copied from the process environment (wsgiref does this)`),
      h('p', { class: 'le-muted' }, KEYS['os.environ'].meaning),
      table(fromOs, 'Keys copied from the process environment')) : null,
    h('h4', {}, 'The request the server read'),
    pre, live);
}
