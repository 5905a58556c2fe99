/**
 * Saving a surface's work as the reader types, under the one policy of saved-work.ts: 300 ms after
 * the last change, at once when the tab is hidden or left, never over another tab's newer revision
 * (the reader is asked which to keep, with the two compared), and a notice when storage refuses.
 * Another tab's newer save is taken at once while nothing here waits to be saved.
 */
import { renderNotice } from './notices.ts';
import type { SaveOutcome, WorkBody } from './saved-work.ts';

type Stored = { v: number; rev: number; savedAt: number };

export interface WorkStoreOptions<T extends Stored> {
  key: string;
  read(key: string): T | null;
  write(key: string, body: WorkBody<T>, baseRev: number, options: { force: boolean }): SaveOutcome<T>;
  /** The element holding (or being) the [data-notices] area. */
  notices: HTMLElement;
  /** The work as it is now. */
  snapshot(): WorkBody<T>;
  /** Show stored work: another tab's, or the one the reader chose in a conflict. */
  apply(work: T): void;
  /** The text compared in the conflict notice. */
  text(work: WorkBody<T>): string;
  /** After each successful save; `first` when nothing was stored before it. */
  saved?(first: boolean): void;
}

export class WorkStore<T extends Stored> {
  /** The revision this page's work is based on. */
  rev = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** A change waits in the save delay (a timer id cannot tell: fake clocks may number from 0). */
  private waiting = false;

  constructor(private readonly options: WorkStoreOptions<T>) {
    addEventListener('storage', (event) => { if (event.key === this.options.key) this.otherTabSaved(); });
    addEventListener('pagehide', () => { if (this.waiting) this.saveNow(); });
    // Leaving for another tab saves at once: a hidden tab's timers may not fire for a long time.
    document.addEventListener('visibilitychange', () => { if (document.hidden && this.waiting) this.saveNow(); });
  }

  get key(): string {
    return this.options.key;
  }

  /** Work from now on under another key (the playground opening a share link), based on `rev`. */
  moveTo(key: string, rev: number): void {
    clearTimeout(this.timer);
    this.waiting = false;
    this.options.key = key;
    this.rev = rev;
  }

  /** The stored work, which this page's next save builds on; null when none can be read. */
  load(): T | null {
    const work = this.options.read(this.options.key);
    if (work) this.rev = work.rev;
    return work;
  }

  /** True while a change waits to be saved. */
  get unsaved(): boolean {
    return this.waiting;
  }

  /** The work changed: save it shortly. */
  changed(): void {
    clearTimeout(this.timer);
    this.waiting = true;
    this.timer = setTimeout(() => this.saveNow(), 300);
  }

  /** Save now; `force` overwrites another tab's newer work (the reader chose to keep theirs). */
  saveNow(force = false): void {
    clearTimeout(this.timer);
    this.waiting = false;
    const mine = this.options.snapshot();
    const outcome = this.options.write(this.options.key, mine, this.rev, { force });
    if (outcome.ok) { const first = this.rev === 0; this.rev = outcome.rev; this.options.saved?.(first); return; }
    if (outcome.reason === 'conflict') {
      renderNotice(this.options.notices, 'conflict', this.options.text(outcome.newer), this.options.text(mine), {
        useOther: () => { this.rev = outcome.newer.rev; this.options.apply(outcome.newer); },
        keepMine: () => this.saveNow(true),
      });
    } else {
      renderNotice(this.options.notices, 'storage', '', '', {}, outcome.message);
    }
  }

  /** Another tab saved: take its work if ours has no unsaved change, else ask. */
  private otherTabSaved(): void {
    const newer = this.options.read(this.options.key);
    if (!newer || newer.rev <= this.rev) return;
    if (this.waiting) { this.saveNow(); return; }
    this.rev = newer.rev;
    this.options.apply(newer);
  }
}
