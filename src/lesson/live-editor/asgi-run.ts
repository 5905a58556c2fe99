/**
 * A LiveEditor with run="asgi": Run serves the reader's ASGI app one connection on the event-loop
 * simulation (src/runtime/python/concurrency: uvicorn's model, virtual time) and shows every ASGI
 * message of that connection in order — an HTTP request and its response, server-sent events chunk
 * by chunk, or a WebSocket conversation message by message with a scripted client.
 * Loaded only when the reader runs such an editor.
 */
import type { RequestState } from '../composer/request-state.ts';
import type { SimulatedRequest, SimulationSpec } from '../../runtime/simulation-result.ts';
import { h } from '../results/dom.ts';

/** The workload of one Run: the composer's request, or a WebSocket connection to its path. */
export function asgiSpec(request: RequestState, appSpec: string, websocket: string[] | null): SimulationSpec {
  const { method, target, headers, body } = request.mode === 'raw' ? fromRaw(request.raw) : request;
  const one = websocket
    ? { at: 0, method: 'GET', path: target || '/', headers, body: '', websocket }
    : { at: 0, method: method || 'GET', path: target || '/', headers, body };
  return { loop: { app_spec: appSpec, messages: true }, requests: [one] };
}

/** Method, target, headers and body of a raw request typed by the reader (best effort). */
function fromRaw(raw: string): { method: string; target: string; headers: [string, string][]; body: string } {
  const [head, ...rest] = raw.replace(/\r\n/g, '\n').split('\n\n');
  const [line, ...lines] = head.split('\n');
  const [method = 'GET', target = '/'] = line.trim().split(/\s+/);
  const headers = lines.filter((l) => l.includes(':')).map((l) => [l.slice(0, l.indexOf(':')).trim(), l.slice(l.indexOf(':') + 1).trim()] as [string, string])
    .filter(([name]) => !/^(host|content-length)$/i.test(name));
  return { method, target, headers, body: rest.join('\n\n') };
}

const WHO = { receive: 'app received', send: 'app sent' } as const;
const seconds = (t: number | null) => (t === null ? '—' : `${Number(t.toFixed(3))} s`);

/** One message as a list item: when, which way, its type, and what it carried. */
function message(e: NonNullable<SimulatedRequest['events']>[number]): HTMLLIElement {
  const details: (Node | string)[] = [];
  if (typeof e.status === 'number') details.push(`status ${e.status}`);
  if (typeof e.code === 'number') details.push(`code ${e.code}`);
  if (typeof e.more_body === 'boolean') details.push(`more_body ${e.more_body ? 'True' : 'False'}`);
  if (typeof e.text === 'string') details.push(h('code', { class: 'asgi-text' }, JSON.stringify(e.text)));
  else if (typeof e.bytes === 'number') details.push(`${e.bytes} bytes`);
  return h('li', { class: `asgi-msg asgi-${e.dir}` },
    h('span', { class: 'asgi-time' }, seconds(e.t)), ' ',
    h('span', { class: 'asgi-dir' }, WHO[e.dir]), ' ',
    h('code', {}, e.type),
    details.length ? h('span', { class: 'asgi-details' }, ...details.flatMap((d, i) => (i ? [', ', d] : [' ', d]))) : null);
}

/** What the reader sees after a Run: the outcome, every message, broken rules, the error, the output. */
export function renderAsgi(req: SimulatedRequest | undefined, loadError: { message: string; traceback?: string } | null): HTMLElement {
  if (loadError || !req) {
    return h('div', { class: 'le-card le-card-error' }, h('h4', {}, 'The app could not be loaded'),
      h('pre', { tabindex: '0' }, loadError?.traceback || loadError?.message || 'No connection was served.'));
  }
  const events = req.events ?? [];
  const websocket = events.some((e) => e.type.startsWith('websocket.'));
  const outcome = { complete: websocket ? 'closed cleanly' : 'complete', cut: 'connection cut', killed: 'stopped', unfinished: 'never finished' }[req.outcome];
  return h('div', { class: 'asgi-result' },
    h('p', { class: 'asgi-summary' }, `${req.status ?? 'No status'} — ${outcome} at ${seconds(req.end)} (simulated time). ${events.length} messages:`),
    h('ol', { class: 'asgi-messages', 'aria-label': 'ASGI messages in order' }, events.map(message)),
    req.violations.map((v) => h('div', { class: 'le-card le-card-violation' },
      h('h4', {}, `Broken rule: ${v.rule}`), h('p', {}, v.message), h('p', {}, v.fix),
      'url' in v ? h('p', {}, h('a', { href: v.url, rel: 'noopener' }, v.spec)) : null)),
    req.warnings.map((w) => h('div', { class: 'le-card le-card-notice' }, h('p', {}, w.message), typeof w.fix === 'string' ? h('p', {}, w.fix) : null)),
    req.error ? h('div', { class: 'le-card le-card-error' }, h('h4', {}, 'Exception in the app'), h('pre', { tabindex: '0' }, req.error.traceback)) : null,
    req.stdout ? h('div', {}, h('h4', {}, 'Output'), h('pre', { tabindex: '0' }, req.stdout)) : null);
}
