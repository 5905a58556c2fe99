/**
 * One browser tab's traffic: each request composed like Chromium's, sent through the simulated server,
 * its cookies stored, redirects followed by Chromium's rules and limit. Every request is kept in the
 * log with the exact bytes the server received and the run's whole result, for the result views.
 */
import type { RunResult } from '../runtime/client.ts';
import { CookieJar } from './cookies.ts';
import { isRedirect, MAX_REDIRECTS, redirectMethod } from './redirects.ts';
import { appTarget, requestBytes, type BrowserRequest } from './request.ts';

/** What the server answered, as the browser reads it. */
export interface Response {
  status: number;
  reason: string;
  headers: [string, string][];
  body: Uint8Array;
}

export interface Exchange {
  n: number;
  request: BrowserRequest;
  bytes: Uint8Array;
  result: RunResult;
  response: Response | null;
  ms: number;
}

export type Outcome =
  | { ok: true; target: string; response: Response; exchange: Exchange }
  | { ok: false; target: string; message: string; exchange: Exchange | null };

/** Requests kept in the log; older ones leave it (the page's views keep their own copy). */
export const MAX_LOG = 200;

/** The response of a run, or null when the run gave none (stopped, crashed). */
export function responseOf(result: RunResult): Response | null {
  const server = result.server;
  if (!server || !server.status) return null;
  const code = Number.parseInt(server.status, 10);
  if (!Number.isFinite(code)) return null;
  return { status: code, reason: server.status.slice(String(code).length).trim(), headers: server.headers, body: server.body };
}

/** The first value of header `name` (case-insensitive), or null. */
export function header(headers: [string, string][], name: string): string | null {
  const lower = name.toLowerCase();
  return headers.find(([n]) => n.toLowerCase() === lower)?.[1] ?? null;
}

export class BrowserSession {
  readonly jar = new CookieJar();
  readonly log: Exchange[] = [];
  /** Set-Cookie headers the jar refused, with the reason (newest last, at most 20). */
  readonly refused: string[] = [];
  private count = 0;

  constructor(
    private readonly send: (bytes: Uint8Array) => Promise<RunResult>,
    private readonly userAgent: string,
    private readonly siteOrigin: string,
    private readonly onExchange: (exchange: Exchange) => void = () => {},
  ) {}

  /** Record a request the page did not send itself (the reader's Run), so it is listed and sets cookies. */
  adopt(request: BrowserRequest, bytes: Uint8Array, result: RunResult): Exchange {
    return this.record(request, bytes, result, result.elapsedMs);
  }

  private record(request: BrowserRequest, bytes: Uint8Array, result: RunResult, ms: number): Exchange {
    const response = responseOf(result);
    const exchange: Exchange = { n: ++this.count, request, bytes, result, response, ms };
    if (response) {
      const setCookies = response.headers.filter(([n]) => n.toLowerCase() === 'set-cookie').map(([, v]) => v);
      for (const reason of this.jar.receive(setCookies, request.target)) {
        this.refused.push(reason);
        if (this.refused.length > 20) this.refused.shift();
      }
    }
    this.log.push(exchange);
    if (this.log.length > MAX_LOG) this.log.shift();
    this.onExchange(exchange);
    return exchange;
  }

  /** Send one request (no redirect followed). */
  async once(request: BrowserRequest): Promise<Exchange> {
    const bytes = requestBytes(request, this.jar.header(request.target), this.userAgent);
    const started = performance.now();
    const result = await this.send(bytes);
    return this.record(request, bytes, result, performance.now() - started);
  }

  /** Send `request` and follow its redirects as Chromium does, up to its limit. */
  async go(request: BrowserRequest): Promise<Outcome> {
    let current = request;
    for (let redirects = 0; ; ) {
      const exchange = await this.once(current);
      const response = exchange.response;
      if (!response) {
        const why = exchange.result.notice?.message ?? exchange.result.server?.error?.message ?? 'the server sent no response';
        return { ok: false, target: current.target, message: `No response for ${current.method} ${current.target}: ${why}`, exchange };
      }
      const location = header(response.headers, 'location');
      if (!isRedirect(response.status) || location === null) return { ok: true, target: current.target, response, exchange };
      if (++redirects >= MAX_REDIRECTS) {
        return { ok: false, target: current.target, exchange, message: `Too many redirects: ${MAX_REDIRECTS} responses in a row were redirects (the last, ${current.target}, sent ${response.status} to ${location}). Chromium stops at the same count with ERR_TOO_MANY_REDIRECTS. Your app redirects in a loop.` };
      }
      const next = appTarget(location, this.siteOrigin, `http://localhost${current.target}`);
      if (next === null) {
        return { ok: false, target: current.target, exchange, message: `${current.target} redirected to ${location.slice(0, 200)}, another site. This browser only visits your app, so it stops here.` };
      }
      const { method, keepBody } = redirectMethod(current.method, response.status);
      current = {
        ...current, method, target: next, referrer: current.referrer, reload: false,
        body: keepBody ? current.body : undefined, contentType: keepBody ? current.contentType : undefined,
        extraHeaders: keepBody ? current.extraHeaders : current.extraHeaders?.filter(([n]) => !/^content-/i.test(n)),
      };
    }
  }
}
