import type { Page } from '@playwright/test';

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
