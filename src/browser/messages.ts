/**
 * The messages the page in the frame may send, checked before anything is done with them: the page is
 * the reader's (or a share link's) code and may post anything. Anything malformed is dropped.
 */

export interface NavigateMessage {
  type: 'navigate';
  /** Absolute URL, or "" for a form without an action (the current page). */
  url: string;
  method: 'GET' | 'POST';
  enctype: string;
  entries: [string, string | File][];
  /** A form submission (a GET form replaces the action's query), not a link. */
  form: boolean;
  user: boolean;
}

export interface FetchMessage {
  type: 'fetch';
  id: number;
  url: string;
  method: string;
  headers: [string, string][];
  body: ArrayBuffer | null;
}

export const MAX_URL = 4096;
export const MAX_ENTRIES = 1000;
/** Bytes of one request body a page may send (form fields and files together, or a fetch body). */
export const MAX_BODY = 10_000_000;
const MAX_HEADERS = 100;
const METHOD = /^[A-Za-z]{1,16}$/;
// Headers a page's fetch() may not set (the Fetch standard's forbidden request headers, and ours).
const FORBIDDEN = /^(accept-charset|accept-encoding|access-control-request-.*|connection|content-length|cookie|cookie2|date|dnt|expect|host|keep-alive|origin|referer|set-cookie|te|trailer|transfer-encoding|upgrade|via|proxy-.*|sec-.*)$/i;
const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;

const isString = (v: unknown, max: number): v is string => typeof v === 'string' && v.length <= max;

/** A navigation request from the page, or null. */
export function readNavigate(data: unknown): NavigateMessage | null {
  const d = data as Partial<NavigateMessage> | null;
  if (!d || d.type !== 'navigate' || !isString(d.url, MAX_URL) || (d.method !== 'GET' && d.method !== 'POST')) return null;
  const entries: [string, string | File][] = [];
  let size = 0;
  if (d.entries !== undefined) {
    if (!Array.isArray(d.entries) || d.entries.length > MAX_ENTRIES) return null;
    for (const entry of d.entries) {
      if (!Array.isArray(entry) || entry.length !== 2 || !isString(entry[0], MAX_BODY)) return null;
      const value = entry[1];
      if (typeof value === 'string') size += value.length;
      else if (typeof File !== 'undefined' && value instanceof File) size += value.size;
      else return null;
      size += entry[0].length;
      if (size > MAX_BODY) return null;
      entries.push([entry[0], value]);
    }
  }
  const enctype = isString(d.enctype, 100) ? d.enctype : 'application/x-www-form-urlencoded';
  return { type: 'navigate', url: d.url, method: d.method, enctype, entries, form: d.entries !== undefined, user: d.user === true };
}

/** A fetch() or XMLHttpRequest from the page, or null. Headers the page may not set are dropped. */
export function readFetch(data: unknown): FetchMessage | null {
  const d = data as Partial<FetchMessage> | null;
  if (!d || d.type !== 'fetch' || !Number.isSafeInteger(d.id) || !isString(d.url, MAX_URL) || !isString(d.method, 16) || !METHOD.test(d.method)) return null;
  if (!Array.isArray(d.headers) || d.headers.length > MAX_HEADERS) return null;
  const headers: [string, string][] = [];
  for (const h of d.headers) {
    if (!Array.isArray(h) || !isString(h[0], 200) || !isString(h[1], 8000) || !TOKEN.test(h[0]) || /[\r\n\0]/.test(h[1])) return null;
    if (!FORBIDDEN.test(h[0])) headers.push([h[0], h[1]]);
  }
  const body = d.body ?? null;
  if (body !== null && (!(body instanceof ArrayBuffer) || body.byteLength > MAX_BODY)) return null;
  return { type: 'fetch', id: d.id!, url: d.url, method: d.method.toUpperCase(), headers, body };
}
