/**
 * The requests one connection carried, when the reader sent several in one go (pipelining) and the
 * server kept the connection open between its answers: each request line and what the server did.
 * The Raw HTTP tab shows every answer's bytes, in order.
 */
import type { ServerResult } from '../../runtime/server-result.ts';
import { h } from '../../dom/elements.ts';

/** The first line of `bytes` (latin-1, as a server reads a request line). */
function firstLine(bytes: Uint8Array): string {
  let text = '';
  for (const b of bytes) {
    if (b === 0x0d || b === 0x0a || text.length >= 120) break;
    text += String.fromCharCode(b);
  }
  return text || '(empty)';
}

/** A card listing every request of the connection, or null when it carried one. */
export function connectionCard(server: ServerResult, request: Uint8Array): HTMLElement | null {
  const exchanges = server.exchanges ?? [];
  if (exchanges.length < 2) return null;
  const items = exchanges.map((ex) => {
    const line = firstLine(request.subarray(ex.request[0], ex.request[1]));
    const answer = ex.status
      ? `answered ${ex.status}${ex.outcome === 'cut' ? ' (the answer was cut short)' : ''}`
      : ex.error?.kind === 'timeout' ? 'no answer: the server is still waiting for the rest of this request'
        : `no answer${ex.error ? `: ${ex.error.message}` : ''}`;
    return h('li', {}, h('code', {}, line), ` — ${answer}`);
  });
  return h('section', { class: 'le-card le-card-notice', role: 'group', 'aria-label': 'Requests on this connection' },
    h('h4', {}, `This connection carried ${exchanges.length} requests`),
    h('ol', {}, ...items),
    h('p', { class: 'le-muted' }, 'The server kept the connection open after each answer and read the next request from the bytes that followed. '
      + 'The other tabs describe the first request; Raw HTTP shows every answer, in order.'));
}
