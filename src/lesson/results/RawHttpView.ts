/** The exact bytes both ways: the request the server read and the response it sent. */
import { latin1 } from './body-format.ts';
import { h } from '../../dom/elements.ts';

/** Bytes as text with each CR LF made visible, so the reader sees where HTTP lines really end. */
export function showCrlf(bytes: Uint8Array, limit = 20000): string {
  const text = latin1(bytes.subarray(0, limit)).replace(/\r\n/g, '␍␊\n').replace(/\r/g, '␍');
  return bytes.length > limit ? `${text}\n… ${bytes.length - limit} more bytes` : text;
}

/** The Raw HTTP tab. */
export function renderRawHttp(request: Uint8Array, response: Uint8Array): HTMLElement {
  return h('div', { class: 'le-raw' },
    h('h4', {}, `Request: ${request.length} bytes sent to the server`),
    h('pre', { tabindex: '0', 'aria-label': 'Raw request' }, showCrlf(request)),
    h('h4', {}, `Response: ${response.length} bytes sent back`),
    h('pre', { tabindex: '0', 'aria-label': 'Raw response' }, response.length ? showCrlf(response) : '(nothing was sent)'),
    h('p', { class: 'le-muted' }, '␍␊ marks the CR LF pair that ends every line of an HTTP head.'));
}
