/** The trace as an ordered list: what the server and the app did, in order, with times. */
import type { TraceEvent } from '../../runtime/server-result.ts';
import { h } from './dom.ts';
import { layerEventWords } from '../onion/model.ts';

const pyRepr = (v: unknown) => (typeof v === 'string' ? `'${v}'` : JSON.stringify(v));

/** One event in words. Unknown event types are still shown, with their fields. */
export function describeEvent(e: TraceEvent): string {
  switch (e.type) {
    case 'request_parsed': return `Request parsed: ${e.method} ${e.target} ${e.version}, ${e.body_size ?? 0} body bytes`;
    case 'environ_built': return `environ built: ${(e.keys as string[] | undefined)?.length ?? 0} keys`;
    case 'app_called': return `The server called ${e.callable ?? 'the app'}(environ, start_response)`;
    case 'start_response': {
      const headers = (e.headers as [string, string][] | undefined ?? []).map(([n, v]) => `(${pyRepr(n)}, ${pyRepr(v)})`).join(', ');
      return `start_response(${pyRepr(e.status)}, [${headers}]${e.exc_info ? ', exc_info' : ''})`;
    }
    case 'app_returned': return `The app returned ${e.kind === 'list' ? `a list of ${e.length} item(s)` : `a ${e.kind}`}`;
    case 'write': return `write() called with ${e.size} bytes${e.preview ? `: ${e.preview}` : ''}`;
    case 'body_chunk': return `Body chunk: ${e.size} bytes${e.preview ? `: ${e.preview}` : ''}`;
    case 'response_bytes': return `Sent the ${e.what}: ${e.size} bytes`;
    case 'close': return 'close() called on the body';
    case 'violation': return `Rule broken: ${e.message}`;
    case 'exception': return `Exception: ${e.message ?? e.kind ?? ''}`;
    case 'app_load_failed': return `The app could not be loaded: ${e.message}`;
    case 'done': return `Done: ${e.size} bytes sent, ${e.outcome === 'cut' ? 'connection cut' : 'response complete'}`;
    default: {
      const { type, t: _t, layer: _l, ...rest } = e;
      return `${type.replace(/_/g, ' ')}${Object.keys(rest).length ? `: ${JSON.stringify(rest)}` : ''}`;
    }
  }
}

/** The Timeline tab. Layer events (the onion, issue 6) are listed too, indented under their layer. */
export function renderTimeline(events: TraceEvent[]): HTMLElement {
  if (!events.length) return h('p', { class: 'le-muted' }, 'No trace was recorded for this run.');
  // Layer events in the onion's words; its per-layer records (layer_summary) are the Onion tab's.
  const layerWords = layerEventWords(events);
  return h('ol', { class: 'le-timeline' }, events.filter((e) => e.type !== 'layer_summary').map((e) => h('li', {
    class: `le-event le-event-${e.type}${e.layer !== undefined ? ' le-event-layer' : ''}`,
  }, h('span', { class: 'le-time' }, `${e.t.toFixed(2)} ms`), ' ', layerWords.get(e) ?? describeEvent(e))));
}
