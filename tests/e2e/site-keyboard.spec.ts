import { test, expect, type Page } from '@playwright/test';
import { pagesContaining, phasePages } from './helpers/pages.ts';
import { asSaveDataReader } from './helpers/save-data.ts';

// Save-Data readers: their pages never start Python by themselves (no check here runs code, and a request
// for Python's files fails the test); an ordinary reader's page starts it in the background once an editor
// comes into view, seconds of CPU per page load that nothing here reads.
test.beforeEach(async ({ context }) => { await asSaveDataReader(context); });

/** Presses Tab until the focused element matches `name` (bounded: a page with no such stop fails). */
async function tabTo(page: Page, name: RegExp, maxTabs = 40): Promise<void> {
  for (let i = 0; i < maxTabs; i++) {
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      return el ? (el.getAttribute('aria-label') ?? el.innerText ?? '').trim().replace(/\s+/g, ' ') : '';
    });
    if (name.test(focused)) return;
  }
  throw new Error(`no focusable element named ${name} within ${maxTabs} Tab presses`);
}

const firstPhase = phasePages()[0];

test('the skip link is the first Tab stop and moves focus to the main content', async ({ page }) => {
  await page.goto(firstPhase);
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Skip to content' });
  await expect(skip).toBeFocused();
  await expect(skip).toBeInViewport();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('main')).toBeFocused();
});

test('the phase navigation works by keyboard alone', async ({ page }) => {
  await page.goto(firstPhase);
  const nav = page.getByRole('navigation', { name: 'Phases' });
  await expect(nav.locator('a[aria-current="page"]')).toHaveCount(1);
  await tabTo(page, /^2 /);
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(phasePages()[1]);
  await expect(page.getByRole('navigation', { name: 'Phases' }).locator('a[aria-current="page"]')).toContainText('2');
  // And on to the next phase with the link at the end of the page, activated by keyboard.
  const next = page.getByRole('link', { name: /^Next: phase 3/ });
  await next.focus();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(phasePages()[2]);
  await expect(page.getByRole('navigation', { name: 'Phases' }).locator('a[aria-current="page"]')).toContainText('3');
});

test('the theme switch works by keyboard, beats the OS setting, and persists across reload', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.goto(firstPhase);
  const html = page.locator('html');
  await expect(html).toHaveAttribute('data-theme', 'dark');
  const toggle = page.getByRole('button', { name: 'Dark theme' });
  await expect(toggle).toHaveAttribute('aria-pressed', 'true');
  await tabTo(page, /^Dark theme$/);
  await page.keyboard.press('Enter');
  await expect(html).toHaveAttribute('data-theme', 'light');
  await expect(toggle).toHaveAttribute('aria-pressed', 'false');
  await page.reload();
  await expect(html).toHaveAttribute('data-theme', 'light');
  // Set before first paint, by the inline script: no flash of the OS theme.
  expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe('rgb(253, 252, 250)');
  await page.goto('/');
  await expect(html).toHaveAttribute('data-theme', 'light');
  await page.keyboard.press('Tab');
  await tabTo(page, /^Dark theme$/);
  await page.keyboard.press('Space');
  await expect(html).toHaveAttribute('data-theme', 'dark');
  await page.reload();
  await expect(html).toHaveAttribute('data-theme', 'dark');
});

test('diagrams follow the site theme switch, not only the OS', async ({ page }) => {
  const withDiagram = pagesContaining('class="diagram"');
  expect(withDiagram.length, 'no page has a diagram to test').toBeGreaterThan(0);
  await page.emulateMedia({ colorScheme: 'light' });
  await page.goto(withDiagram[0]);
  const figure = page.locator('figure.diagram').first();
  await figure.scrollIntoViewIfNeeded();
  const visible = figure.locator('img:visible');
  await expect(visible).toHaveCount(1);
  await expect(visible).toHaveAttribute('src', /\.light\.svg$/);
  await expect(visible).toHaveAttribute('alt', /\w{10,}/);
  await expect(visible).toHaveJSProperty('complete', true);
  await page.getByRole('button', { name: 'Dark theme' }).click();
  await expect(visible).toHaveAttribute('src', /\.dark\.svg$/);
  // The switch sits in the header, so the page scrolled up: come back to the (lazy) diagram.
  await visible.scrollIntoViewIfNeeded();
  await expect.poll(() => visible.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBeGreaterThan(0);
});

test('a code block is copied by keyboard and "Copied" is announced', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto(firstPhase);
  const block = page.locator('.code-block').first();
  await expect(block.getByRole('button', { name: 'Copy', exact: true })).toBeVisible();
  const button = block.locator('[data-copy-code]');
  await button.focus();
  await page.keyboard.press('Enter');
  await expect(button).toHaveText('Copied');
  await expect(page.getByRole('status').filter({ hasText: 'Copied' })).toHaveCount(1);
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toBe((await block.locator('pre').innerText()).replace(/\n$/, ''));
});
