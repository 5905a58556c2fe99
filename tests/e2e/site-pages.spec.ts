import { test, expect } from '@playwright/test';
import { codeTokenContrast, seriousViolations } from './helpers/axe.ts';
import { builtPages, pageLabel } from './helpers/pages.ts';
import { asSaveDataReader } from './helpers/save-data.ts';
import { watchPage } from './helpers/watch-page.ts';

// Every built page, in both themes: loads cleanly from this origin only, has the
// landmarks and a single h1, passes axe-core without serious or critical findings, fits
// 360 px without sideways scrolling, and leaves screenshots at 1280 and 360 px in
// tests/output/screenshots/ (the first screen at each width) for review. Phase pages, in the light
// run, also do not shift their layout while loading (scrolled through, so lazy diagrams load too).
const pages = [...builtPages(), '/no-such-page/'];

/** Sums the page's layout shifts not caused by input, from its first paint; read with shiftSoFar(). */
async function watchLayoutShift(page: import('@playwright/test').Page) {
  await page.addInitScript(() => {
    (window as any).__shift = 0;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as any[]) if (!entry.hadRecentInput) (window as any).__shift += entry.value;
    }).observe({ type: 'layout-shift', buffered: true });
  });
}

/** Scrolls through the whole page so lazy diagrams load (their width/height must hold their place),
 * waits for them, and returns the layout shift so far; ends at the top of the page again. */
/** Scroll the page through, a screen at a time, as a reader would (200 screens at most). Each screen
 * waits for two frames or 250 ms, whichever comes first: once, in a clean-clone run of the CI command
 * on a saturated machine, a frames-only wait here never returned (the test ran out at 4 min). */
async function scrollThrough(page: import('@playwright/test').Page): Promise<void> {
  await page.evaluate(async () => {
    for (let y = 0, n = 0; y < document.body.scrollHeight && n < 200; y += innerHeight, n++) {
      scrollTo(0, y);
      await new Promise((resolve) => {
        requestAnimationFrame(() => requestAnimationFrame(resolve));
        setTimeout(resolve, 250);
      });
    }
  });
}

/** Code colours come back for blocks as they come near the viewport: after a scroll through, every shown block has its own.
 * `whileAtEnd` runs after the scroll through, before the page goes back to the top (the layout shift check,
 * which so shares the one scroll through: the lazy diagrams load in the same pass). */
async function coloursBack(page: import('@playwright/test').Page, whileAtEnd?: () => Promise<void>): Promise<void> {
  await scrollThrough(page);
  await expect
    .poll(() => page.evaluate(() => [...document.querySelectorAll<HTMLElement>('pre[data-colours]')].filter((pre) => pre.offsetParent !== null).length))
    .toBe(0);
  await whileAtEnd?.();
  await page.evaluate(() => scrollTo(0, 0));
}

/** After a scroll through (coloursBack's): waits for the lazy diagrams and returns the layout shift so far. */
async function shiftAfterScrolling(page: import('@playwright/test').Page): Promise<number> {
  // Not networkidle: lessons may start Python in the background once the page is idle.
  await expect
    .poll(() => page.evaluate(() => [...document.querySelectorAll<HTMLImageElement>('figure.diagram img')].every((img) => img.offsetParent === null || img.complete)))
    .toBe(true);
  return page.evaluate(() => (window as any).__shift as number);
}

for (const path of pages) {
  for (const colorScheme of ['light', 'dark'] as const) {
    const shiftToo = colorScheme === 'light' && path.startsWith('/phases/');
    test(`${path} in ${colorScheme}: clean load, one h1, landmarks, axe, 360 and 1280 px${shiftToo ? ', no layout shift' : ''}`, async ({ page, context }) => {
      test.setTimeout(240_000); // axe on a long lesson takes ~30 s when the two cores are shared
      // The dark run is a Save-Data reader's: its page never starts Python by itself (a request for Python's
      // files fails the test). The light run, a reader on an ordinary connection, starts it in the
      // background as the editors come into view, and watches that load too; doing so twice per page cost
      // a Python start (seconds of CPU) that no check of this test reads.
      if (colorScheme === 'dark') await asSaveDataReader(context);
      const watch = watchPage(page, { allowStatus: ['/no-such-page/'] });
      if (shiftToo) await watchLayoutShift(page);
      await page.emulateMedia({ colorScheme });
      await page.setViewportSize({ width: 1280, height: 900 });
      const response = await page.goto(path);
      expect(response?.status()).toBe(path === '/no-such-page/' ? 404 : 200);
      await expect(page.locator('html')).toHaveAttribute('lang', 'en');
      await expect(page.locator('html')).toHaveAttribute('data-theme', colorScheme);
      await expect(page.locator('h1')).toHaveCount(1);
      await expect(page.getByRole('banner')).toHaveCount(1);
      await expect(page.getByRole('main')).toHaveCount(1);
      await expect(page.getByRole('contentinfo')).toHaveCount(1);
      await expect(page.getByRole('link', { name: 'Skip to content' })).toHaveAttribute('href', '#main');
      // Light gets every rule, dark the colour rules (the DOM is the same; tests/e2e/helpers/axe.ts).
      expect(await seriousViolations(page, { coloursOnly: colorScheme === 'dark' })).toEqual([]);
      // Before any resize (a narrower window moves things on purpose): the shift after one scroll through,
      // with the lazy diagrams and the code colours back.
      await coloursBack(page, shiftToo ? async () => {
        expect(await shiftAfterScrolling(page), `${path} shifts its layout while loading`).toBeLessThan(0.01);
      } : undefined);
      expect(await codeTokenContrast(page), 'code token colours below 4.5:1').toEqual([]);
      for (const width of [1280, 360]) {
        await page.setViewportSize({ width, height: 900 });
        const name = `tests/output/screenshots/${pageLabel(path)}-${width}-${colorScheme}`;
        // The first screen only: full-page shots of long lessons cost ~10 s each on a busy machine.
        await page.screenshot({ path: `${name}.png` });
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        expect(overflow, `${path} is wider than ${width} px`).toBeLessThanOrEqual(0);
      }
      expect(watch.problems()).toEqual([]);
    });
  }
}

test('an unknown address shows the 404 page with ways back in', async ({ page }) => {
  const response = await page.goto('/phases/no-such-phase/');
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page not found');
  await expect(page.getByRole('link', { name: 'The overview' })).toHaveAttribute('href', '/');
  await expect(page.getByRole('main').getByRole('link', { name: /^Phase 1:/ })).toBeVisible();
});
