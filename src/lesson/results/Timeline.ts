/** The trace as an ordered list: what the server and the app did, in order, with times. */
import type { TraceEvent } from '../../runtime/server-result.ts';
import { h } from '../../dom/elements.ts';
import { layerEventWords } from '../onion/index.ts';

const pyRepr = (v: unknown) => (typeof v === 'string' ? `'${v}'` : JSON.stringify(v));
const plural = (n: unknown, one: string, many = `${one}s`) => `${n} ${Number(n) === 1 ? one : many}`;
/** A short quote of text the server or the app produced, on one line. */
const quote = (v: unknown) => `“${String(v ?? '').replace(/[\r\n]+$/, '').replace(/\r/g, '\\r').replace(/\n/g, '\\n')}”`;
/** waitress reports the version as "1.1"; the reader knows it as "HTTP/1.1". */
const httpVersion = (v: unknown) => (/^\d/.test(String(v)) ? `HTTP/${v}` : String(v ?? ''));

/** What the server put on the wire, by the part of the response it was. */
function sentWords(e: TraceEvent): string {
  const size = plural(e.size, 'byte');
  switch (e.what) {
    case 'status_line': return `The server sent the status line, ${quote(e.preview)} (${size})`;
    case 'headers': return `The server sent response headers (${size})`;
    case 'body': return `The server sent body bytes (${size})`;
    case 'last_chunk': return `The server sent the last chunk, which ends a chunked body (${size})`;
    case 'interim': return `The server sent an interim answer, ${quote(e.preview)}, before the real response (${size})`;
    case 'error_page': return `The server sent its own error page (${size})`;
    default: return `The server sent ${size}`;
  }
}

/** One event in plain words. Unknown event types are still shown, with their fields. */
export function describeEvent(e: TraceEvent): string {
  switch (e.type) {
    case 'request_parsed':
      return `The server read the request: ${e.method} ${e.target} ${httpVersion(e.version)}, with ${plural(e.body_size ?? 0, 'body byte')}`;
    case 'environ_built': return `The server built the environ: ${plural((e.keys as string[] | undefined)?.length ?? 0, 'key')}`;
    case 'app_called': return `The server called ${e.callable ?? 'the app'}(environ, start_response)`;
    case 'start_response': {
      const headers = (e.headers as [string, string][] | undefined ?? []).map(([n, v]) => `(${pyRepr(n)}, ${pyRepr(v)})`).join(', ');
      return `The app called start_response(${pyRepr(e.status)}, [${headers}]${e.exc_info ? ', exc_info' : ''})`;
    }
    case 'app_returned':
      return `The app returned ${e.kind === 'list' || e.kind === 'tuple' ? `a ${e.kind} of ${plural(e.length, 'item')}` : `a ${e.kind}`}`;
    case 'write': return `The app called write() with ${plural(e.size, 'byte')}${e.preview ? `: ${quote(e.preview)}` : ''}`;
    case 'body_chunk':
      return e.preview === '(file_wrapper)'
        ? `The server read ${plural(e.size, 'byte')} from the app’s wsgi.file_wrapper`
        : `The server took ${plural(e.size, 'byte')} from the app’s body${e.preview ? `: ${quote(e.preview)}` : ''}`;
    case 'response_bytes': return sentWords(e);
    case 'close': return 'The server called close() on the body';
    case 'input_read': return `The app read ${plural(e.size, 'byte')} of the request body (wsgi.input.${e.method}())`;
    case 'input_stalled':
      return `The app’s read of wsgi.input waits for ${Number(e.missing) > 0 ? plural(e.missing, 'more body byte') : 'more body bytes'} that the client never sends`;
    case 'request_incomplete': return `The request is not finished, so the server waits: ${e.waiting_for}`;
    case 'next_request': return `Another request follows on the same connection (request ${Number(e.index) + 1}, from byte ${e.offset})`;
    case 'errors_write': return `The app wrote to wsgi.errors (the server’s log): ${quote(e.text)}`;
    case 'violation': return `Rule broken: ${e.message}`;
    case 'exception': return `The app raised ${e.exc_type ?? 'an exception'}${e.message ? `: ${e.message}` : ''}`;
    case 'error_response': return `The server answered with its own error response: ${e.status}`;
    case 'bad_request': return `The server refused the request with ${e.status}: ${e.reason}`;
    case 'app_load_failed': return `The app could not be loaded: ${e.message}`;
    case 'done':
      return `Done: the server sent ${plural(e.size, 'byte')}; ${e.outcome === 'cut' ? 'the connection was cut before a whole response' : 'the response is complete'}`;
    default: {
      const { type, t: _t, layer: _l, ...rest } = e;
      const fields = Object.entries(rest).map(([k, v]) => `${k.replace(/_/g, ' ')} ${typeof v === 'string' ? v : JSON.stringify(v)}`);
      const words = type.replace(/_/g, ' ');
      return `${words[0].toUpperCase()}${words.slice(1)}${fields.length ? ` (${fields.join(', ')})` : ''}`;
    }
  }
}

/** The Timeline tab. Layer events (the onion) are listed too, indented under their layer. */
export function renderTimeline(events: TraceEvent[]): HTMLElement {
  if (!events.length) return h('p', { class: 'le-muted' }, 'No trace was recorded for this run.');
  // Layer events in the onion's words; its per-layer records (layer_summary) are the Onion tab's.
  const layerWords = layerEventWords(events);
  return h('ol', { class: 'le-timeline' }, events.filter((e) => e.type !== 'layer_summary').map((e) => h('li', {
    class: `le-event le-event-${e.type}${e.layer !== undefined ? ' le-event-layer' : ''}`,
  }, h('span', { class: 'le-time' }, `${e.t.toFixed(2)} ms`), ' ', layerWords.get(e) ?? describeEvent(e))));
}
