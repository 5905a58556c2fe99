import { test, expect } from '@playwright/test';
import { phasePages } from './helpers/pages.ts';
import { asSaveDataReader } from './helpers/save-data.ts';

// Save-Data readers: their pages never start Python by themselves (no check here runs code, and a request
// for Python's files fails the test); an ordinary reader's page starts it in the background once an editor
// comes into view, seconds of CPU per page load that nothing here reads.
test.beforeEach(async ({ context }) => { await asSaveDataReader(context); });

test('the landing page offers phase 1 first, then continues where the reader left off', async ({ page }) => {
  await page.goto('/');
  const start = page.getByRole('link', { name: /^Start with phase 1:/ });
  await expect(start).toHaveAttribute('href', phasePages()[0]);
  const cards = page.getByRole('region', { name: 'Four phases and a capstone' }).getByRole('listitem');
  await expect(cards).toHaveCount(5);

  const third = phasePages()[2];
  await page.goto(third);
  const title = await page.getByRole('heading', { level: 1 }).innerText();
  await page.goto('/');
  const resume = page.getByRole('link', { name: /^Continue where you left off, phase 3:/ });
  await expect(resume).toHaveAttribute('href', third);
  await expect(resume).toContainText(title);
  await resume.click();
  await expect(page).toHaveURL(third);
});

test('previous and next links walk the phases in order', async ({ page }) => {
  const pages = phasePages();
  await page.goto('/');
  await page.getByRole('link', { name: /^Start with phase 1:/ }).click();
  const seen: string[] = [];
  for (let i = 0; i < 10; i++) {
    // count() does not wait: let the page's end (the previous/next nav) arrive first.
    await expect(page.getByRole('navigation', { name: 'Previous and next phase' })).toBeVisible();
    seen.push(new URL(page.url()).pathname);
    const next = page.getByRole('link', { name: /^Next: phase/ });
    if ((await next.count()) === 0) break;
    const href = (await next.getAttribute('href'))!;
    await next.click();
    await page.waitForURL(href);
  }
  expect(seen).toEqual(pages);
  await page.getByRole('link', { name: new RegExp(`^Previous: phase ${pages.length - 1}`) }).click();
  await expect(page.getByText(new RegExp(`^Phase ${pages.length - 1} of ${pages.length}`))).toBeVisible();
});

test('wide screens show the on-page contents; its links jump to the headings', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(phasePages()[0]);
  const toc = page.getByRole('navigation', { name: 'On this page' });
  await expect(toc).toBeVisible();
  const link = toc.getByRole('link').nth(1);
  const target = (await link.getAttribute('href'))!;
  await link.click();
  await expect(page.locator(target)).toBeInViewport();
  await page.setViewportSize({ width: 360, height: 800 });
  await expect(toc).toBeHidden();
});
