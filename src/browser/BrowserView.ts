/**
 * The Browser tab: a small browser in the result area that visits the reader's app through the
 * simulated server. Address bar, Back / Forward / Reload, the page in a frame, the requests it made (each
 * opens in the result views with its exact bytes) and its cookies. How the page is kept apart from the
 * site: docs/decisions/in-page-browser.md.
 */
import type { RunResult } from '../runtime/client.ts';
import { h } from '../dom/elements.ts';
import { expectFrameNavigation, guardFrameHistory } from '../dom/frame-history.ts';
import { BrowserHistory, mustRefetch, type Entry } from './BrowserHistory.ts';
import { encodeForm, encodeUrlencoded, type FormEntry } from './form-encoding.ts';
import { FRAME_SCRIPT } from './frame-script.ts';
import { readFetch, readNavigate, type NavigateMessage } from './messages.ts';
import { isRedirect, redirectMethod } from './redirects.ts';
import { appTarget, targetOf, type BrowserRequest } from './request.ts';
import { BrowserSession, header, responseOf, type Exchange, type Outcome, type Response } from './session.ts';
import { inlineSubresources } from './subresources.ts';
import './browser.css';

export interface BrowserHost {
  /** Sends request bytes to the reader's app (same files, server and settings as the Run). */
  send: (bytes: Uint8Array) => Promise<RunResult>;
  /** Site base path, for the frame page's URL. */
  base: string;
  /** The result views (response, environ, timeline, onion, raw HTTP) of one request. */
  renderResult: (result: RunResult, request: Uint8Array) => HTMLElement;
}

/** Navigations in a row that the page made by itself (no click or key in between) before it is stopped. */
export const MAX_AUTO_NAVIGATIONS = 20;
/** fetch() and XMLHttpRequest calls answered per page shown. */
export const MAX_FETCHES = 100;
/** HTML past this size is not shown (as the still preview). */
const MAX_PAGE = 2_000_000;
const MAX_BLOCKED = 20;

/** Whether a run's response opens in the Browser tab: an HTML page, or a redirect a browser follows. */
export function opensInBrowser(result: RunResult): boolean {
  const r = result.server && responseOf(result);
  if (!r) return false;
  if (isRedirect(r.status) && header(r.headers, 'location') !== null) return true;
  return (header(r.headers, 'content-type') ?? '').toLowerCase().includes('text/html') && r.body.length > 0;
}

/** Where the head of raw request bytes ends (the index of its blank line), or -1. */
function findHeadEnd(bytes: Uint8Array): number {
  for (let i = 0; i + 3 < bytes.length; i++) if (bytes[i] === 13 && bytes[i + 1] === 10 && bytes[i + 2] === 13 && bytes[i + 3] === 10) return i;
  return -1;
}

const escapeHtml = (s: string) => s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' }[c]!));

async function fileEntry(value: string | File): Promise<FormEntry[1]> {
  if (typeof value === 'string') return value;
  return { filename: value.name, type: value.type, bytes: new Uint8Array(await value.arrayBuffer()) };
}

/** The Browser tab for a run whose request was `request` and answer `result`. */
export function renderBrowser(request: Uint8Array, result: RunResult, host: BrowserHost): HTMLElement {
  const siteOrigin = location.origin;
  const rows = h('tbody', {});
  const detail = h('div', { class: 'br-detail' });
  const session = new BrowserSession(host.send, navigator.userAgent, siteOrigin, (x) => addRow(x));
  const history = new BrowserHistory();

  const back = h('button', { type: 'button', class: 'le-button le-small', 'aria-label': 'Back', title: 'Back', disabled: true }, '←');
  const forward = h('button', { type: 'button', class: 'le-button le-small', 'aria-label': 'Forward', title: 'Forward', disabled: true }, '→');
  const reload = h('button', { type: 'button', class: 'le-button le-small', 'aria-label': 'Reload', title: 'Reload' }, '↻');
  const address = h('input', { type: 'text', class: 'br-address', 'aria-label': 'Address (a path of your app)', spellcheck: 'false', autocomplete: 'off' });
  const go = h('button', { type: 'submit', class: 'le-button le-small' }, 'Go');
  const bar = h('form', { class: 'br-bar', 'aria-label': 'Browser controls' },
    back, forward, reload, h('span', { class: 'br-origin', 'aria-hidden': 'true' }, 'localhost'), address, go);
  const status = h('div', { class: 'br-status', role: 'status' });
  const blockedList = h('ul', { class: 'le-blocked' });
  const blockedNote = h('div', { class: 'le-blocked-note' });
  const hostFrame = h('iframe', { class: 'br-frame', src: `${host.base}preview/browser/`, title: 'Your app in the browser' });
  const cookieRows = h('tbody', {});
  const cookieCount = h('span', {}, '0');
  const clearCookies = h('button', { type: 'button', class: 'le-button le-small' }, 'Clear cookies');
  const cookies = h('details', { class: 'br-cookies' },
    h('summary', {}, 'Cookies (', cookieCount, ')'),
    h('div', { class: 'br-scroll' }, h('table', { class: 'br-table' }, h('thead', {}, h('tr', {}, ...['Name', 'Value', 'Path', 'Expires', 'Flags'].map((t) => h('th', { scope: 'col' }, t)))), cookieRows)),
    clearCookies);
  const box = h('div', { class: 'br' },
    h('p', { class: 'le-muted' }, 'Click through your app: each link, form and redirect is a request to your app, listed below. The page runs sandboxed and reaches nothing outside your app.'),
    bar, status, h('div', { class: 'br-view' }, hostFrame), blockedNote, cookies,
    h('h4', { class: 'br-heading' }, 'Requests the browser made'),
    h('div', { class: 'br-scroll br-requests-scroll', tabindex: '0', role: 'region', 'aria-label': 'Requests the browser made' }, h('table', { class: 'br-table br-requests' },
      h('thead', {}, h('tr', {}, ...['#', 'Method', 'Path', 'Status', 'Time', 'Kind'].map((t) => h('th', { scope: 'col' }, t)))), rows)),
    detail);

  let child: HTMLIFrameElement | null = null;
  let port: MessagePort | null = null;
  let busy = false;
  let autoRun = 0;
  let fetches = 0;
  let renders = 0;
  let lastNavigation = 0;
  const blockedSeen = new Set<string>();

  function say(text: string, error = false) {
    status.replaceChildren(text ? h('p', { class: error ? 'le-card le-card-error' : 'le-muted' }, text) : '');
  }

  function addRow(x: Exchange) {
    const code = x.response ? `${x.response.status} ${x.response.reason}` : 'no response';
    const open = h('button', { type: 'button', class: 'br-link', 'aria-label': `Show request ${x.n}: ${x.request.method} ${x.request.target}` }, x.request.target);
    open.addEventListener('click', () => {
      detail.replaceChildren(h('h4', {}, `Request ${x.n}: ${x.request.method} ${x.request.target}`), host.renderResult(x.result, x.bytes));
      detail.querySelector<HTMLElement>('[role=tab]')?.focus();
    });
    rows.append(h('tr', {}, h('td', {}, String(x.n)), h('td', {}, x.request.method), h('td', { class: 'br-long' }, open), h('td', {}, code), h('td', {}, `${x.ms.toFixed(0)} ms`), h('td', {}, x.request.kind)));
    while (rows.childElementCount > 200) rows.firstElementChild!.remove();
    showCookies();
  }

  function showCookies() {
    const list = session.jar.list();
    cookieCount.textContent = String(list.length);
    cookieRows.replaceChildren(...list.map((c) => h('tr', {},
      h('td', {}, c.name), h('td', { class: 'br-long' }, c.value.length > 60 ? `${c.value.slice(0, 60)}…` : c.value), h('td', {}, c.path),
      h('td', {}, c.expires === null ? 'Session' : new Date(c.expires).toISOString()),
      h('td', {}, [c.httpOnly && 'HttpOnly', c.secure && 'Secure', c.sameSite && `SameSite=${c.sameSite}`].filter(Boolean).join(' ')))));
  }
  clearCookies.addEventListener('click', () => { session.jar.clear(); showCookies(); say('Cookies cleared.'); });

  function blocked(uri: string, directive: string) {
    const key = `${directive} ${uri}`.slice(0, 300);
    if (blockedSeen.has(key) || blockedSeen.size > 1000) return;
    blockedSeen.add(key);
    if (!blockedNote.firstChild) blockedNote.append(h('p', {}, 'Your page tried to load something this browser does not serve (another site, or a request made in a way it does not follow). It was blocked:'), blockedList);
    if (blockedList.childElementCount < MAX_BLOCKED) blockedList.append(h('li', {}, h('code', {}, uri.slice(0, 200) || '(inline)'), ` (${directive.slice(0, 40)})`));
  }

  function updateButtons() {
    back.disabled = !history.canBack;
    forward.disabled = !history.canForward;
    address.value = history.current?.target ?? address.value;
  }

  /** Show a response in a fresh frame (the last one and its port are dropped). */
  async function show(response: Response, target: string) {
    const mine = ++renders;
    fetches = 0;
    port?.close();
    port = null;
    const type = (header(response.headers, 'content-type') ?? '').toLowerCase();
    let html: string;
    if (response.body.length > MAX_PAGE) {
      html = `<p>This response is ${response.body.length.toLocaleString('en')} bytes; the browser shows pages of up to ${MAX_PAGE.toLocaleString('en')} bytes.</p>`;
    } else if (type.includes('html')) {
      const inlined = await inlineSubresources(new TextDecoder().decode(response.body), target, siteOrigin,
        async (t, kind) => (await session.once({ method: 'GET', target: t, kind, referrer: target })).response, FRAME_SCRIPT);
      if (mine !== renders) return;
      html = inlined.html;
      if (inlined.skipped) say(`This page refers to more of your app's images, stylesheets and scripts than the browser loads for one page (${inlined.loaded}); ${inlined.skipped} more were not loaded.`, true);
    } else if (type.startsWith('image/')) {
      let s = '';
      for (let i = 0; i < response.body.length; i += 0x8000) s += String.fromCharCode(...response.body.subarray(i, i + 0x8000));
      html = `<img alt="${escapeHtml(target)}" src="data:${escapeHtml(type.split(';')[0])};base64,${btoa(s)}">`;
    } else if (type.startsWith('text/') || type.includes('json') || type === '' || response.body.length === 0) {
      html = `<pre style="white-space:pre-wrap">${escapeHtml(new TextDecoder().decode(response.body))}</pre>`;
    } else {
      html = `<p>Your app sent ${escapeHtml(type)} (${response.body.length} bytes). This browser shows HTML, text and images; the request's Response view has the bytes.</p>`;
    }
    const doc = hostFrame.contentDocument;
    if (!doc?.body) return;
    // The page's relative URLs resolve against its own path on this site's origin: the frame's
    // frame-src policy then blocks any navigation and names the URL (docs/decisions/in-page-browser.md).
    let base = doc.querySelector('base');
    if (!base) { base = doc.createElement('base'); doc.head.append(base); }
    base.href = `${siteOrigin}${target}`;
    const next = doc.createElement('iframe');
    next.setAttribute('sandbox', 'allow-scripts allow-forms');
    next.setAttribute('title', `Page ${target} of your app`);
    next.setAttribute('referrerpolicy', 'no-referrer');
    let loads = 0;
    next.addEventListener('load', () => {
      if (++loads === 1 || child !== next) return;
      // A second load without a blocked navigation: the page reloaded itself (location.reload()).
      const at = lastNavigation;
      setTimeout(() => { if (child === next && lastNavigation === at && history.current) void navigate({ ...history.current.request, reload: true }, 'replace', false); }, 150);
    });
    next.srcdoc = html;
    child?.remove();
    child = next;
    doc.body.append(next);
  }

  /** A page of the browser's own in the frame, as Chromium shows "This page isn't working". */
  function showError(message: string) {
    renders++;
    port?.close();
    port = null;
    const doc = hostFrame.contentDocument;
    if (!doc?.body) return;
    const next = doc.createElement('iframe');
    // No script in it; allow-scripts only keeps Chromium from logging an error for each tool that looks inside.
    next.setAttribute('sandbox', 'allow-scripts');
    next.setAttribute('title', 'The browser could not show the page');
    next.srcdoc = `<body style="font:16px system-ui,sans-serif;padding:1rem;color:#222;background:#fff"><h1 style="font-size:1.2rem">This page isn't working</h1><p>${escapeHtml(message)}</p></body>`;
    child?.remove();
    child = next;
    doc.body.append(next);
  }

  function onHostMessage(event: MessageEvent) {
    if (!child || event.source !== child.contentWindow || event.data !== 'wsgi-browser-hello' || port) return;
    const channel = new MessageChannel();
    port = channel.port1;
    const mine = port;
    port.onmessage = (e) => { if (port === mine) void onPageMessage(e.data, mine); };
    child.contentWindow!.postMessage('wsgi-browser-port', '*', [channel.port2]);
  }

  async function onPageMessage(data: unknown, from: MessagePort) {
    const type = (data as { type?: unknown } | null)?.type;
    if (type === 'blocked') {
      const d = data as { uri?: unknown; directive?: unknown };
      if (typeof d.uri === 'string' && typeof d.directive === 'string') blocked(d.uri, d.directive);
    } else if (type === 'navigate') {
      const msg = readNavigate(data);
      if (msg) await formOrLink(msg);
    } else if (type === 'fetch') {
      const msg = readFetch(data);
      if (!msg) return;
      const target = appTarget(msg.url, siteOrigin);
      if (target === null) { from.postMessage({ type: 'fetch-failed', id: msg.id, message: 'Failed to fetch' }); return; }
      if (++fetches > MAX_FETCHES) {
        if (fetches === MAX_FETCHES + 1) say(`Your page called fetch() or XMLHttpRequest more than ${MAX_FETCHES} times; the browser answers ${MAX_FETCHES} per page. Reload to start again.`, true);
        from.postMessage({ type: 'fetch-failed', id: msg.id, message: 'Failed to fetch: too many requests from this page' });
        return;
      }
      const contentType = msg.headers.find(([n]) => n.toLowerCase() === 'content-type')?.[1];
      const out = await session.go({
        method: msg.method, target, kind: 'fetch', referrer: history.current?.target ?? null,
        body: msg.body ? new Uint8Array(msg.body) : undefined, contentType,
        extraHeaders: msg.headers.filter(([n]) => n.toLowerCase() !== 'content-type'),
      });
      if (from !== port) return;
      if (!out.ok) { from.postMessage({ type: 'fetch-failed', id: msg.id, message: out.message }); return; }
      const body = out.response.body.slice().buffer;
      from.postMessage({ type: 'fetched', id: msg.id, status: out.response.status, statusText: out.response.reason, headers: out.response.headers.filter(([n]) => n.toLowerCase() !== 'set-cookie'), body }, [body]);
    }
  }

  async function formOrLink(msg: NavigateMessage) {
    const current = history.current?.target ?? '/';
    const target = msg.url === '' ? current : appTarget(msg.url, siteOrigin);
    if (target === null) { blocked(msg.url, 'navigation to another site'); return; }
    const entries: FormEntry[] = await Promise.all(msg.entries.map(async ([n, v]) => [n, await fileEntry(v)] as FormEntry));
    let req: BrowserRequest;
    if (msg.method === 'POST') {
      const { body, contentType } = encodeForm(entries, msg.enctype);
      req = { method: 'POST', target, kind: 'document', referrer: current, body, contentType, user: msg.user };
    } else if (msg.form) {
      // A GET form replaces the action's query with its fields.
      const query = encodeUrlencoded(entries);
      req = { method: 'GET', target: `${target.split('?')[0]}?${query}`, kind: 'document', referrer: current, user: msg.user };
    } else {
      req = { method: 'GET', target, kind: 'document', referrer: current, user: msg.user };
    }
    await navigate(req, 'push', msg.user);
  }

  /** Go to `req` (redirects followed); `how` says what happens to the history. */
  async function navigate(req: BrowserRequest, how: 'push' | 'replace', user: boolean): Promise<void> {
    lastNavigation++;
    if (busy) return;
    autoRun = user ? 0 : autoRun + 1;
    if (autoRun > MAX_AUTO_NAVIGATIONS) {
      child?.remove();
      child = null;
      say(`Your page went to another page by itself ${MAX_AUTO_NAVIGATIONS} times in a row (a form, meta refresh or script, with no click in between), so the browser stopped it there. Reload or type an address to go on.`, true);
      return;
    }
    busy = true;
    box.setAttribute('aria-busy', 'true');
    say(`Loading ${req.target}…`);
    try {
      const out: Outcome = await session.go(req);
      if (!out.ok) { say(out.message, true); showError(out.message); return; }
      const entry: Entry = { request: { ...req, target: out.target, method: out.exchange.request.method, body: out.exchange.request.body, contentType: out.exchange.request.contentType }, target: out.target, response: out.response };
      if (how === 'push') history.push(entry); else history.replace(entry);
      updateButtons();
      say('');
      await show(out.response, out.target);
    } finally {
      busy = false;
      box.removeAttribute('aria-busy');
    }
  }

  async function travel(delta: number) {
    if (busy) return;
    const entry = history.go(delta);
    if (!entry) return;
    autoRun = 0;
    updateButtons();
    if (mustRefetch(entry) && entry.request.method === 'GET') { await navigate({ ...entry.request, user: true }, 'replace', true); return; }
    say(mustRefetch(entry) ? 'This page was the answer to a form (POST) and said no-store; Reload sends the form again.' : '');
    await show(entry.response, entry.target);
  }

  back.addEventListener('click', () => void travel(-1));
  forward.addEventListener('click', () => void travel(1));
  reload.addEventListener('click', () => {
    const entry = history.current;
    if (!entry) return;
    void navigate({ ...entry.request, reload: true, user: true }, 'replace', true);
  });
  bar.addEventListener('submit', (event) => {
    event.preventDefault();
    const target = appTarget(address.value.trim() || '/', siteOrigin, `http://localhost${history.current?.target ?? '/'}`);
    if (target === null) { say('This browser visits only your app: type a path such as /login.', true); return; }
    void navigate({ method: 'GET', target, kind: 'document', referrer: null, user: true }, 'push', true);
  });

  // The host page is this site's own (no script of its own); its policy blocks every navigation of the
  // page's frame and reports the URL here, which the browser then requests from the app.
  const onViolation = (e: SecurityPolicyViolationEvent) => {
    if (e.effectiveDirective !== 'frame-src' || !child) return;
    const target = appTarget(e.blockedURI, siteOrigin);
    if (target === null) { blocked(e.blockedURI, 'navigation to another site'); return; }
    expectFrameNavigation();
    void navigate({ method: 'GET', target, kind: 'document', referrer: history.current?.target ?? null, user: false }, 'push', false);
  };

  // The page's frame shares this tab's session history: a page that adds entries to it (location.hash
  // or history.pushState in a loop) is stopped and the tab goes back over them (frame-history.ts). The
  // browser's own Back and Forward keep their own list (BrowserHistory), so they still work.
  guardFrameHistory(box, (entries) => {
    const message = `This page added ${entries === 1 ? 'an entry' : `${entries} entries`} to your browser's own history (location.hash or history.pushState), which this browser does not allow: it was stopped, and your browser was taken back over them. This browser's Back, Forward and Reload still work.`;
    showError(message);
    say(message, true);
  });

  const start = async () => {
    const doc = hostFrame.contentDocument;
    const win = hostFrame.contentWindow;
    if (!doc || !win) return;
    doc.addEventListener('securitypolicyviolation', onViolation);
    win.addEventListener('message', onHostMessage);
    const first = targetOf(request);
    const firstRequest: BrowserRequest = { method: first.method, target: first.target, kind: 'document', referrer: null };
    const x = session.adopt(firstRequest, request, result);
    const r = x.response;
    if (!r) { say('Your app sent no response.', true); return; }
    const location = header(r.headers, 'location');
    if (isRedirect(r.status) && location !== null) {
      const next = appTarget(location, siteOrigin, `http://localhost${first.target}`);
      if (next === null) { say(`Your app redirected to ${location.slice(0, 200)}, another site; this browser only visits your app.`, true); return; }
      // The Run's request is the first of the chain; the browser follows it from there by the same rules.
      const { method, keepBody } = redirectMethod(first.method, r.status);
      const split = findHeadEnd(request);
      const contentType = keepBody ? /\r\ncontent-type:[ \t]*([^\r\n]*)/i.exec(new TextDecoder('latin1').decode(request.subarray(0, split)))?.[1] : undefined;
      const body = keepBody && split > 0 ? request.slice(split + 4) : undefined;
      await navigate({ method, target: next, kind: 'document', referrer: null, user: true, body, contentType }, 'push', true);
      return;
    }
    history.push({ request: firstRequest, target: first.target, response: r });
    updateButtons();
    await show(r, first.target);
  };
  hostFrame.addEventListener('load', () => { void start(); }, { once: true });
  return box;
}
