/** One layer's record in words: environ changes, status and headers in and out, body, close, times. */
import { h } from '../../dom/elements.ts';
import { environWords, label, type Layer } from './model.ts';

type Call = { status: string; headers: [string, string][]; exc_info: string | null };

const ms = (v: number) => `${v.toFixed(v < 10 ? 2 : 0)} ms`;
const heads = (calls: Call[]) => (calls.length
  ? calls.map((c) => `${c.status}${c.exc_info ? ` (exc_info ${c.exc_info})` : ''}\n${c.headers.map(([n, v]) => `  ${n}: ${v}`).join('\n')}`).join('\n')
  : '—');
const chunks = (list: { size: number | null; preview: string }[] | null) => (list === null
  ? 'not observable (an iterable whose chunks come from C code)'
  : list.length ? list.map((c) => JSON.stringify(c.preview)).join(' + ') : '(empty)');

function row(term: string, ...value: (Node | string)[]) {
  return [h('dt', {}, term), h('dd', {}, ...value)];
}

/** The times bar: before, inner, after, and the body streamed after the layer returned. */
function timesBar(t: Record<string, number | null>): HTMLElement {
  const parts: [string, number][] = [['before', t.before_ms ?? 0], ['inner', t.inner_ms ?? 0], ['after', t.after_ms ?? 0], ['streamed', t.streamed_ms ?? 0]];
  const total = parts.reduce((a, [, v]) => a + v, 0) || 1;
  return h('div', { class: 'onion-bar', 'aria-hidden': 'true' }, parts.map(([k, v]) => h('span', {
    class: `onion-bar-${k}`, style: `flex-grow: ${Math.max(v / total, 0.002)}`, title: `${k}: ${ms(v)}`,
  })));
}

/** The details of `layer` (from its layer_summary event). */
export function renderLayerDetails(layer: Layer): HTMLElement {
  const s = layer.summary;
  const where = `${layer.file}, line ${layer.line}`;
  if (!s) return h('p', { class: 'le-muted' }, `${label(layer)} (${where}): no record.`);
  const sr = s.start_response;
  const t = s.times;
  const items = [
    ...row('What it is', `${label(layer)} — a ${layer.kind}${layer.lazy ? ' (generator function)' : ''}, ${where}`),
    ...row('Called inward', s.children.length ? `${s.children.length} time(s)` : s.short_circuit ? 'no — it answered itself (a short-circuit)' : 'no (the innermost app)'),
    ...row('environ changes before calling inward', environWords(s.environ) || 'none'),
    ...row('start_response received from inside', h('pre', {}, sr.wrapped ? heads(sr.received) : 'the same call it passed outward (it did not wrap start_response)')),
    ...row('start_response passed outward', h('pre', {}, heads(sr.passed))),
    ...row('Body it received', chunks(s.body.in)),
    ...row('Body it passed outward', `${chunks(s.body.out)}${s.body.same_as_inner ? ' — the inner body itself' : s.body.changed ? ' — changed on its way out' : ''}`),
    ...row('close()', s.close.inner_has_close
      ? (s.close.passed ? 'passed through to the inner body' : s.close.passed === false ? 'NOT passed through: the inner body is never closed' : '—')
      : s.close.has_close ? 'its own body has close()' : 'no close() to pass on'),
    ...row('Exception', s.exception.caught ? `caught ${s.exception.caught.type ?? 'an exception'} (${s.exception.caught.message}) and answered instead`
      : s.exception.let_through ? 'raised inside it, let through' : 'none'),
    ...row('Time', `before ${ms(t.before_ms)} · inner ${ms(t.inner_ms)} · after ${ms(t.after_ms)}${t.streamed_ms !== null ? ` · body produced during the next ${ms(t.streamed_ms)}, after it returned` : ''}`, timesBar(t)),
  ];
  return h('dl', { class: 'onion-details' }, items);
}
