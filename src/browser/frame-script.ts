/**
 * The script this browser puts first in every page it renders (inside the sandboxed frame, as an
 * inline script the frame's policy allows). It turns what the page does into requests for the parent
 * page: link clicks, form submissions (the submit event and form.submit()), and fetch()/XMLHttpRequest
 * to the app's own paths. It talks only through the MessagePort the parent sends it; the parent checks
 * every message (messages.ts). Location assignments and <meta http-equiv=refresh> need no script: the
 * frame's parent document blocks them by its frame-src policy and the browser reads the blocked URL.
 * Self-contained on purpose: it is sent as text (String(frameMain)), so it may use nothing outside itself.
 */
export function frameMain(): void {
  const w = window as unknown as Record<string, unknown> & Window;
  const base = () => new URL(document.baseURI);
  const own = (url: string) => {
    try { const u = new URL(url, document.baseURI); return u.origin === base().origin || u.origin === 'http://localhost'; } catch { return false; }
  };
  let port: MessagePort | null = null;
  const waiting: [unknown, Transferable[]][] = [];
  const post = (msg: unknown) => { if (port) port.postMessage(msg); else if (waiting.length < 200) waiting.push([msg, []]); };
  const pending = new Map<number, [(v: unknown) => void, (e: Error) => void]>();
  let nextId = 0;
  const active = () => Boolean((navigator as unknown as { userActivation?: { isActive: boolean } }).userActivation?.isActive);

  window.addEventListener('message', (event) => {
    // The site's page sends it (through the frame's parent, so the source is the top window).
    if ((event.source !== window.parent && event.source !== window.top) || event.data !== 'wsgi-browser-port' || port || !event.ports[0]) return;
    port = event.ports[0];
    port.onmessage = (e) => {
      const d = e.data as { type?: string; id?: number };
      const p = typeof d?.id === 'number' ? pending.get(d.id) : undefined;
      if (!p) return;
      pending.delete(d.id!);
      if (d.type === 'fetched') p[0](d); else p[1](new TypeError(String((d as { message?: string }).message ?? 'Failed to fetch')));
    };
    for (const [msg] of waiting.splice(0)) port.postMessage(msg);
  });
  window.parent.postMessage('wsgi-browser-hello', '*');
  // Loads the frame's policy blocked (another origin, or a script-made request this browser does not
  // serve): the parent lists them, as the still preview does.
  document.addEventListener('securitypolicyviolation', (e) => post({ type: 'blocked', uri: String(e.blockedURI || ''), directive: String(e.effectiveDirective || '') }));

  const ask = (msg: Record<string, unknown>) => new Promise<unknown>((resolve, reject) => {
    const id = ++nextId;
    pending.set(id, [resolve, reject]);
    post({ ...msg, id });
  });

  // Links: the page's own handlers run first; a link they leave alone is followed here (any target).
  document.addEventListener('click', (event) => {
    const a = (event.target as Element | null)?.closest?.('a[href], area[href]') as HTMLAnchorElement | null;
    if (!a || event.defaultPrevented || a.hasAttribute('download')) return;
    const href = a.getAttribute('href') ?? '';
    if (/^\s*javascript:/i.test(href)) return;
    event.preventDefault();
    if (href.startsWith('#')) { document.getElementById(decodeURIComponent(href.slice(1)))?.scrollIntoView(); return; }
    post({ type: 'navigate', url: new URL(href, document.baseURI).href, method: 'GET', user: true });
  });

  const entriesOf = (form: HTMLFormElement, submitter: HTMLElement | null) => {
    const data = new FormData(form, submitter as HTMLButtonElement | null ?? undefined);
    const out: [string, string | File][] = [];
    data.forEach((value, name) => { out.push([name, value]); });
    return out;
  };
  const submitForm = (form: HTMLFormElement, submitter: HTMLElement | null, user: boolean) => {
    const attr = (name: string) => (submitter?.hasAttribute(`form${name}`) ? submitter.getAttribute(`form${name}`) : form.getAttribute(name));
    const method = (attr('method') ?? 'get').toLowerCase() === 'post' ? 'POST' : 'GET';
    if ((attr('method') ?? '').toLowerCase() === 'dialog') return;
    const action = attr('action');
    post({
      type: 'navigate', url: action ? new URL(action, document.baseURI).href : '', method,
      enctype: (attr('enctype') ?? 'application/x-www-form-urlencoded').toLowerCase(),
      entries: entriesOf(form, submitter), user,
    });
  };
  window.addEventListener('submit', (event) => {
    if (event.defaultPrevented) return;
    event.preventDefault();
    submitForm(event.target as HTMLFormElement, (event as SubmitEvent).submitter, active());
  });
  HTMLFormElement.prototype.submit = function submit(this: HTMLFormElement) { submitForm(this, null, active()); };

  // fetch(): the app's own paths go through the parent (the simulated server); others to the real
  // fetch, which the frame's policy blocks (and the browser reports).
  const realFetch = window.fetch.bind(window);
  const NULL_BODY = [101, 103, 204, 205, 304];
  w.fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    const req = new Request(input instanceof Request ? input : new URL(String(input), document.baseURI).href, init);
    if (!own(req.url)) return realFetch(input, init);
    const body = ['GET', 'HEAD'].includes(req.method) ? null : await req.arrayBuffer();
    const headers: [string, string][] = [];
    req.headers.forEach((v, n) => headers.push([n, v]));
    const r = await ask({ type: 'fetch', url: req.url, method: req.method, headers, body }) as { status: number; statusText: string; headers: [string, string][]; body: ArrayBuffer };
    const status = r.status >= 200 && r.status <= 599 ? r.status : 500;
    const h = new Headers();
    for (const [n, v] of r.headers) { try { h.append(n, v); } catch { /* a name the Fetch API forbids */ } }
    return new Response(NULL_BODY.includes(status) || req.method === 'HEAD' ? null : r.body, { status, statusText: r.statusText, headers: h });
  };

  // XMLHttpRequest: a small asynchronous one on top of the fetch above.
  class XHR extends EventTarget {
    static UNSENT = 0; static OPENED = 1; static HEADERS_RECEIVED = 2; static LOADING = 3; static DONE = 4;
    readyState = 0; status = 0; statusText = ''; responseType = ''; response: unknown = ''; responseText = '';
    responseURL = ''; timeout = 0; withCredentials = false; upload = new EventTarget();
    onreadystatechange: ((e: Event) => void) | null = null; onload: ((e: Event) => void) | null = null;
    onerror: ((e: Event) => void) | null = null; onloadend: ((e: Event) => void) | null = null; onabort: ((e: Event) => void) | null = null;
    private method = 'GET'; private url = ''; private headers: [string, string][] = []; private got: Headers = new Headers(); private aborted = false;
    open(method: string, url: string, async = true) { if (async === false) throw new DOMException('This browser runs XMLHttpRequest asynchronously only', 'InvalidAccessError'); this.method = method; this.url = url; this.set(1); }
    setRequestHeader(n: string, v: string) { this.headers.push([n, v]); }
    getResponseHeader(n: string) { return this.got.get(n); }
    getAllResponseHeaders() { let s = ''; this.got.forEach((v, n) => { s += `${n}: ${v}\r\n`; }); return s; }
    overrideMimeType() {}
    abort() { this.aborted = true; this.fire('abort'); }
    private set(state: number) { this.readyState = state; this.fire('readystatechange'); }
    private fire(type: string) { const e = new Event(type); const f = (this as unknown as Record<string, unknown>)[`on${type}`]; if (typeof f === 'function') f.call(this, e); this.dispatchEvent(e); }
    send(body?: BodyInit | null) {
      (w.fetch as typeof fetch)(this.url, { method: this.method, headers: this.headers, body: ['GET', 'HEAD'].includes(this.method.toUpperCase()) ? null : body ?? null })
        .then(async (r) => {
          if (this.aborted) return;
          this.status = r.status; this.statusText = r.statusText; this.got = r.headers; this.responseURL = new URL(this.url, document.baseURI).href;
          this.set(2);
          const buf = await r.arrayBuffer();
          const text = new TextDecoder().decode(buf);
          this.responseText = text;
          this.response = this.responseType === 'json' ? (() => { try { return JSON.parse(text); } catch { return null; } })()
            : this.responseType === 'arraybuffer' ? buf : this.responseType === 'blob' ? new Blob([buf]) : text;
          this.set(3); this.set(4); this.fire('load'); this.fire('loadend');
        }, () => { if (this.aborted) return; this.set(4); this.fire('error'); this.fire('loadend'); });
    }
  }
  w.XMLHttpRequest = XHR;
}

/** The script's text, as it goes into the page. */
export const FRAME_SCRIPT = `(${String(frameMain)})();`;
