import { describe, expect, it } from 'vitest';
import { fromPreset, parseRawText, requestBytes, toCurl, toRawText } from '../../src/lesson/composer/request-state.ts';

const text = (b: Uint8Array) => new TextDecoder().decode(b);

describe('request state', () => {
  it('reads "METHOD /target" presets and full objects', () => {
    expect(fromPreset('post /notes?x=1')).toMatchObject({ method: 'POST', target: '/notes?x=1', headers: [], body: '' });
    expect(fromPreset({ method: 'put', target: '/a', headers: { 'X-A': '1' }, body: 'hi' })).toMatchObject({ method: 'PUT', headers: [['X-A', '1']], body: 'hi' });
    expect(fromPreset(undefined)).toMatchObject({ method: 'GET', target: '/' });
  });

  it('encodes the form with Host and Content-Length added', () => {
    const state = fromPreset({ method: 'POST', target: '/e', headers: [['Content-Type', 'text/plain']], body: 'héllo' });
    expect(text(requestBytes(state))).toBe('POST /e HTTP/1.1\r\nHost: localhost\r\nContent-Type: text/plain\r\nContent-Length: 6\r\n\r\nhéllo');
  });

  it('sends raw text with CR LF line ends in the head only, the body exactly as typed', () => {
    const state = { ...fromPreset('GET /'), mode: 'raw' as const, raw: 'POST /x HTTP/1.1\nHost: a\nContent-Length: 3\n\na\nb' };
    expect(text(requestBytes(state))).toBe('POST /x HTTP/1.1\r\nHost: a\r\nContent-Length: 3\r\n\r\na\nb');
    const noBlank = { ...state, raw: 'GET / HTTP/1.0\nHost: a\n' };
    expect(text(requestBytes(noBlank))).toBe('GET / HTTP/1.0\r\nHost: a\r\n\r\n');
  });

  it('converts between the form and raw text both ways', () => {
    const state = fromPreset({ method: 'PATCH', target: '/p?q=1', headers: [['X-Id', '7']], body: '{"a":1}' });
    const raw = toRawText(state);
    expect(raw).toBe('PATCH /p?q=1 HTTP/1.1\nHost: localhost\nX-Id: 7\nContent-Length: 7\n\n{"a":1}');
    expect(parseRawText(raw)).toEqual({ method: 'PATCH', target: '/p?q=1', headers: [['Host', 'localhost'], ['X-Id', '7'], ['Content-Length', '7']], body: '{"a":1}' });
  });

  it('copies as curl, quoting for the shell and leaving Host and Content-Length to curl', () => {
    expect(toCurl(fromPreset('GET /hello?name=Ada'))).toBe("curl -i 'http://localhost:8000/hello?name=Ada'");
    const post = fromPreset({ method: 'POST', target: '/n', headers: [['Host', 'x'], ['X-Note', "it's"]], body: "{'a': 1}" });
    expect(toCurl(post)).toBe(`curl -i -X POST 'http://localhost:8000/n' -H 'X-Note: it'\\''s' --data-binary '{'\\''a'\\'': 1}'`);
    expect(toCurl(fromPreset('HEAD /'))).toBe("curl -i --head 'http://localhost:8000/'");
  });

  it('sends text after a request with no body as the next request on the connection (pipelining), its head in CR LF too', () => {
    const raw = (text: string) => new TextDecoder().decode(requestBytes({ ...fromPreset('GET /'), mode: 'raw', raw: text }));
    expect(raw('GET /a HTTP/1.1\nHost: x\n\nGET /b HTTP/1.1\nHost: x\n'))
      .toBe('GET /a HTTP/1.1\r\nHost: x\r\n\r\nGET /b HTTP/1.1\r\nHost: x\r\n\r\n');
    // A declared body stays exactly as typed, whatever it holds.
    expect(raw('POST /a HTTP/1.1\nContent-Length: 5\n\nab\ncd'))
      .toBe('POST /a HTTP/1.1\r\nContent-Length: 5\r\n\r\nab\ncd');
  });
});
