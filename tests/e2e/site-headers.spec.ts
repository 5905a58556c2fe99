import { test, expect } from '@playwright/test';
import { phasePages } from './helpers/pages.ts';

// Cross-origin isolation (for interrupting runaway Python) needs both headers on every response.
const isolation = {
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-embedder-policy': 'require-corp',
};

/** The isolation headers a response lacks, as readable lines. */
function missing(url: string, headers: Record<string, string>): string[] {
  return Object.entries(isolation)
    .filter(([name, value]) => headers[name] !== value)
    .map(([name]) => `${name} missing on ${url}`);
}

test('the preview server sends COOP and COEP on pages and on every asset they load', async ({ page }) => {
  const problems: string[] = [];
  const seen: string[] = [];
  page.on('response', (response) => {
    problems.push(...missing(response.url(), response.headers()));
    seen.push(new URL(response.url()).pathname);
  });
  await page.goto(phasePages()[0]);
  const diagram = page.locator('figure.diagram img:visible').first();
  if (await diagram.count()) {
    await diagram.scrollIntoViewIfNeeded();
    await expect.poll(() => diagram.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBeGreaterThan(0);
  }
  expect(await page.evaluate(() => crossOriginIsolated)).toBe(true);
  expect(seen.some((path) => path.endsWith('.css'))).toBe(true);
  expect(seen.some((path) => path.endsWith('.js'))).toBe(true);
  expect(problems).toEqual([]);
});

test('the search page, its index, the icon and a 404 carry them too', async ({ request }) => {
  const paths = { '/pagefind/pagefind.js': 200, '/favicon.svg': 200, '/search/': 200, '/no-such-page/': 404, '/_astro/missing.js': 404 };
  const problems: string[] = [];
  for (const [path, status] of Object.entries(paths)) {
    const response = await request.get(path);
    expect(response.status(), path).toBe(status);
    problems.push(...missing(path, response.headers()));
  }
  expect(problems).toEqual([]);
});

test('a mistyped address shows the site’s 404 page, cross-origin isolated', async ({ page }) => {
  const response = await page.goto('/phases/no-such-phase/');
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  expect(await page.evaluate(() => crossOriginIsolated)).toBe(true);
});
