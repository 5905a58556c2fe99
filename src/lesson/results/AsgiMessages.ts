/**
 * The result of one ASGI connection served on the event-loop simulation (a LiveEditor with
 * run="asgi"): the outcome, every ASGI message in order with its time and what it carried, broken
 * rules, the app's exception and its output.
 */
import type { SimulatedRequest } from '../../runtime/simulation-result.ts';
import { h } from '../../dom/elements.ts';

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
