import type { Page } from '@playwright/test';

/**
 * Waits until the page's main thread is quiet: after a frame, two idle periods in a row with the whole
 * 50 ms to spare (nothing queued, no timer due), so the work a click or a load started (layout, paint,
 * the scripts it scheduled) has run and any long task has been reported. At most `limitMs`. Use it
 * instead of a fixed wait before reading what the page did.
 */
export function mainThreadSettled(page: Page, limitMs = 10_000): Promise<void> {
  return page.evaluate((limit) => new Promise<void>((resolve) => {
    const end = performance.now() + limit;
    let quiet = 0;
    const check = (deadline: IdleDeadline) => {
      quiet = deadline.timeRemaining() >= 49 ? quiet + 1 : 0;
      if (quiet >= 2 || performance.now() > end) resolve();
      else requestIdleCallback(check);
    };
    requestAnimationFrame(() => requestIdleCallback(check));
    setTimeout(resolve, limit); // the bound holds even if no frame is drawn
  }), limitMs);
}

/**
 * Records the page's main-thread long tasks (PerformanceObserver 'longtask', every task over 50 ms)
 * from the first script on. Call before page.goto; `longest()` is the longest task so far, in ms.
 */
export async function watchLongTasks(page: Page) {
  await page.addInitScript(() => {
    if (window !== window.top) return;
    const w = window as unknown as { longTasks: number[] };
    w.longTasks = [];
    new PerformanceObserver((list) => { for (const entry of list.getEntries()) w.longTasks.push(entry.duration); })
      .observe({ type: 'longtask', buffered: true });
  });
  return {
    /** The longest main-thread task since the page loaded (0 when none passed 50 ms). */
    longest: () => page.evaluate(() => Math.round(Math.max(0, ...(window as unknown as { longTasks: number[] }).longTasks))),
    /** Forget the tasks so far (e.g. the page's own start-up). */
    reset: () => page.evaluate(() => { (window as unknown as { longTasks: number[] }).longTasks = []; }),
  };
}
