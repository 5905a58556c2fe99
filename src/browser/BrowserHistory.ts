/**
 * The tab's session history: each entry keeps the request that led to it and the response shown, so
 * Back and Forward show the page again without asking the app (as Chromium's back/forward cache and
 * HTTP cache do), unless the response said Cache-Control: no-store. At most MAX_HISTORY entries.
 */
import type { BrowserRequest } from './request.ts';
import { header, type Response } from './session.ts';

export interface Entry { request: BrowserRequest; target: string; response: Response }

export const MAX_HISTORY = 50;

export class BrowserHistory {
  private entries: Entry[] = [];
  private index = -1;

  get current(): Entry | null { return this.entries[this.index] ?? null; }
  get canBack(): boolean { return this.index > 0; }
  get canForward(): boolean { return this.index < this.entries.length - 1; }

  /** A new page: the entries after the current one are dropped, as in every browser. */
  push(entry: Entry): void {
    this.entries.splice(this.index + 1, Infinity, entry);
    if (this.entries.length > MAX_HISTORY) this.entries.shift();
    this.index = this.entries.length - 1;
  }

  /** The current page shown again with a new response (a reload). */
  replace(entry: Entry): void {
    if (this.index < 0) this.push(entry); else this.entries[this.index] = entry;
  }

  /** Move by `delta` (-1 back, +1 forward); the entry to show, or null at either end. */
  go(delta: number): Entry | null {
    const next = this.index + delta;
    if (next < 0 || next >= this.entries.length) return null;
    this.index = next;
    return this.entries[next];
  }
}

/** Whether going back or forward to `entry` must ask the app again (its response said no-store). */
export function mustRefetch(entry: Entry): boolean {
  return /\bno-store\b/i.test(header(entry.response.headers, 'cache-control') ?? '');
}
