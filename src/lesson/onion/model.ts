/**
 * The onion as steps: the core's layer events (src/runtime/python/wsgisim/onion/events.md) turned
 * into an ordered walk — the request moving inward through each layer, the response moving outward —
 * each step naming its layer, its line in the reader's file and what happened there, in words.
 */
import type { TraceEvent } from '../../runtime/server-result.ts';

export interface Layer {
  id: number;
  name: string;
  detail: string;
  kind: string;
  file: string;
  line: number;
  parent: number | null;
  depth: number;
  lazy: boolean;
  children: number[];
  summary: Record<string, any> | null;
}

export interface Step {
  /** The layer the step happens in; null for the server. */
  layer: number | null;
  dir: 'in' | 'out';
  file: string | null;
  line: number | null;
  text: string;
  /** Milliseconds since the request started. */
  t: number;
  /** A warning the step carries (a short-circuit, the timing pitfall, a close() not passed on). */
  note?: string;
  /** The trace event the step tells. */
  event?: TraceEvent;
}

export interface Onion {
  layers: Map<number, Layer>;
  roots: number[];
  steps: Step[];
}

const q = (v: unknown) => (typeof v === 'string' ? `'${v}'` : String(v));
export const label = (l: Layer) => (l.detail ? `${l.name} (${l.detail})` : l.name);

/** Does this trace hold a stack worth drawing (at least one layer around the app)? */
export function hasLayers(events: TraceEvent[]): boolean {
  // Two layer calls, or one that held an inner app and answered itself (an auth short-circuit).
  return events.filter((e) => e.type === 'layer_enter').length >= 2
    || events.some((e) => e.type === 'layer_summary' && e.short_circuit === true);
}

/** "added greet.name = 'Ada'; removed HTTP_X; changed PATH_INFO '/' → '/hello'", or ''. */
export function environWords(change: any): string {
  if (!change) return '';
  const parts = [
    ...Object.entries(change.added ?? {}).map(([k, v]) => `added ${k} = ${v}`),
    ...(change.removed ?? []).map((k: string) => `removed ${k}`),
    ...Object.entries(change.changed ?? {}).map(([k, [a, b]]: [string, any]) => `changed ${k} ${a} → ${b}`),
  ];
  return parts.join('; ');
}

function headerWords(before: [string, string][], after: [string, string][]): string {
  const key = (h: [string, string]) => `${h[0]}: ${h[1]}`;
  const was = new Set(before.map(key));
  const now = new Set(after.map(key));
  const added = after.filter((h) => !was.has(key(h))).map((h) => `+ ${key(h)}`);
  const removed = before.filter((h) => !now.has(key(h))).map((h) => `− ${key(h)}`);
  return [...added, ...removed].join(', ');
}

/** Build the layers and the steps from a run's events. */
export function buildOnion(events: TraceEvent[]): Onion {
  const layers = new Map<number, Layer>();
  const steps: Step[] = [];
  const name = (id: unknown) => (typeof id === 'number' && layers.has(id) ? label(layers.get(id)!) : 'the server');
  const srCalls: TraceEvent[] = []; // every start_response call so far (to diff a wrapper's change)
  // Every layer first: a call inward names the layer it enters, whose own event comes next.
  for (const e of events) {
    if (e.type !== 'layer_enter') continue;
    const l: Layer = {
      id: Number(e.layer), name: String(e.name), detail: String(e.detail ?? ''), kind: String(e.kind), file: String(e.file),
      line: Number(e.line), parent: (e.parent as number | null) ?? null, depth: Number(e.depth), lazy: Boolean(e.lazy),
      children: [], summary: null,
    };
    layers.set(l.id, l);
    if (l.parent !== null) layers.get(l.parent)?.children.push(l.id);
  }
  for (const e of events) {
    if (e.type === 'layer_summary' && typeof e.layer === 'number' && layers.has(e.layer)) layers.get(e.layer)!.summary = e;
  }
  for (const e of events) {
    const id = typeof e.layer === 'number' ? e.layer : null;
    const before = steps.length;
    tell(e, id);
    if (steps.length > before) steps[steps.length - 1].event = e;
  }
  const roots = [...layers.values()].filter((l) => l.parent === null).map((l) => l.id);
  return { layers, roots, steps };

  function tell(e: TraceEvent, id: number | null) {
    switch (e.type) {
      case 'app_called':
        steps.push({ layer: null, dir: 'in', file: null, line: null, t: e.t, text: 'The server calls the app with environ and start_response.' });
        break;
      case 'layer_enter': {
        const l = layers.get(id!)!;
        const why = l.lazy ? ' (a generator function: its code starts only now, as the body is read)' : '';
        steps.push({ layer: l.id, dir: 'in', file: l.file, line: l.line, t: e.t, text: `${label(l)} receives the request${why}.` });
        break;
      }
      case 'layer_call_inward': {
        const change = environWords(e.environ);
        steps.push({ layer: id, dir: 'in', file: layers.get(id!)?.file ?? null, line: Number(e.line), t: e.t,
          text: `${name(id)} calls inward, to ${name(e.to)}.${change ? ` Before that it changed environ: ${change}.` : ''}` });
        break;
      }
      case 'layer_start_response': {
        const headers = (e.headers as [string, string][]) ?? [];
        let change = '';
        // A wrapper's call: compare with the call it received (the last call into a start_response this layer made).
        const received = [...srCalls].reverse().find((p) => p.to === id);
        if (received && id !== null && received !== e) {
          const words = headerWords((received.headers as [string, string][]) ?? [], headers);
          const status = received.status !== e.status ? ` status ${q(received.status)} → ${q(e.status)}` : '';
          change = words || status ? ` It changed what it received:${status}${words ? ` ${words}` : ''}.` : ' Unchanged.';
        }
        srCalls.push(e);
        steps.push({ layer: id, dir: 'out', file: (e.file as string) ?? null, line: (e.line as number) ?? null, t: e.t,
          text: `${name(id)} calls start_response(${q(e.status)}, ${headers.length} headers${e.exc_info ? ', exc_info' : ''}) — it goes to ${e.to === null ? 'the server' : `${name(e.to)}’s wrapper`}.${change}` });
        break;
      }
      case 'layer_return':
        steps.push(returnStep(e, layers.get(id!)!, name));
        break;
      case 'layer_body':
        steps.push({ layer: id, dir: 'out', file: (e.file as string) ?? null, line: (e.line as number) ?? null, t: e.t,
          text: `${name(id)}’s body produces ${e.size ?? '?'} bytes: ${JSON.stringify(e.preview)}.` });
        break;
      case 'layer_close':
        steps.push({ layer: id, dir: 'out', file: null, line: null, t: e.t, text: `close() reaches ${name(id)}’s body.` });
        break;
      case 'done':
        steps.push({ layer: null, dir: 'out', file: null, line: null, t: e.t,
          text: `The server has sent the response: ${e.size} bytes, ${e.outcome === 'cut' ? 'connection cut' : 'complete'}.` });
        break;
    }
  }
}

/** The onion's words for each layer event of a trace (for the Timeline tab). */
export function layerEventWords(events: TraceEvent[]): Map<TraceEvent, string> {
  const words = new Map<TraceEvent, string>();
  for (const step of buildOnion(events).steps) if (step.event?.layer !== undefined) words.set(step.event, step.text);
  return words;
}

const ms = (v: number) => `${v.toFixed(v < 10 ? 2 : 0)} ms`;

function returnStep(e: TraceEvent, layer: Layer, name: (id: unknown) => string): Step {
  const s = layer.summary;
  const base = { layer: layer.id, dir: 'out' as const, file: layer.file, line: Number(e.line), t: e.t };
  if (e.raised) {
    return { ...base, text: `An exception leaves ${label(layer)}: it did not catch it.` };
  }
  const what = e.kind === 'list' || e.kind === 'tuple' ? `a ${e.kind} of ${e.length} item(s)` : `a ${e.kind}`;
  let text = layer.lazy ? `${label(layer)} has produced its whole body.` : `${label(layer)} returns ${what}${e.same_as_inner ? ', the inner layer’s body itself' : ''}.`;
  let note: string | undefined;
  if (s?.short_circuit) note = `Short-circuit: ${label(layer)} answered without calling inward.`;
  if (s?.exception?.caught) text += ` It caught ${s.exception.caught.type ?? 'an exception'} from inside and answered instead.`;
  const t = s?.times;
  if (t && !layer.lazy) {
    text += layer.children.length
      ? ` Before calling inward: ${ms(t.before_ms)}; after: ${ms(t.after_ms)}.`
      : ` It ran for ${ms(t.before_ms)}.`;
    const own = t.before_ms + t.inner_ms + t.after_ms;
    if (t.streamed_ms !== null && t.streamed_ms > Math.max(20, 2 * own)) {
      note = `The body is not produced yet: it takes another ${ms(t.streamed_ms)}, while the server reads it. A clock stopped here misses that time.`;
    }
  }
  if (s?.close?.inner_has_close && s.close.passed === false) {
    note = `${label(layer)} does not pass close() on to ${name(layer.children.at(-1))}’s body.`;
  }
  return { ...base, text, note };
}
