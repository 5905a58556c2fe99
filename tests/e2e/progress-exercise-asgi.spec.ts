import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { test, expect } from '@playwright/test';
import { watchPage } from './helpers/watch-page.ts';

// Phase 4's exercises answer each likely mistake with the broken ASGI rule or the exception, in the
// reader's words, never a bare "500 Internal Server Error" (tests/content/exercise_mistakes.yaml
// lists the mistakes and the words; stage 38 judges them in Pyodide, this in the page).
const mistakes = (parse(readFileSync('tests/content/exercise_mistakes.yaml', 'utf8')) as { exercise: string; file: string; shows: string }[])
  .filter((m) => m.exercise.startsWith('04-why-async/'));
const TITLES: Record<string, RegExp> = { 'asgi-greeter': /Exercise: The greeter in ASGI/, 'non-blocking': /Exercise: Don.t block the loop/ };

for (const mistake of mistakes) {
  const name = mistake.exercise.split('/').pop()!;
  test(`${name}: ${mistake.file.split('/').pop()} is told "${mistake.shows.slice(0, 50)}"`, async ({ page, context }) => {
    test.setTimeout(180_000);
    const watch = watchPage(page);
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await page.goto('/phases/why-async/');
    const exercise = page.getByRole('region', { name: TITLES[name] });
    await exercise.getByRole('textbox', { name: /Code of the exercise/ }).click();
    await expect(exercise.getByRole('textbox', { name: /Code of the exercise/ })).toBeFocused({ timeout: 30_000 });
    await page.evaluate((text) => navigator.clipboard.writeText(text), readFileSync(`tests/content/${mistake.file}`, 'utf8'));
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.press('ControlOrMeta+V');
    await page.keyboard.press('Control+Enter');
    await expect(exercise.getByRole('status')).toContainText(/checks? passed/, { timeout: 120_000 });
    await expect(exercise).toContainText(mistake.shows);
    await expect(exercise).not.toContainText(/^500 Internal Server Error$/m);
    expect(watch.problems()).toEqual([]);
  });
}

test('the threads example says what the page can show, with real gunicorn gthread output beside it', async ({ page }) => {
  await page.goto('/phases/why-async/');
  // The page's Python cannot start threads, so its run says MainThread; the prose explains why and
  // quotes the measured gthread run, where each slow request had its own pool thread.
  await expect(page.getByText(/Run it here and it answers `?Served by thread MainThread/)).toBeVisible();
  await expect(page.locator('main')).toContainText('--worker-class gthread --threads 4');
  await expect(page.locator('main')).toContainText(/Served by thread ThreadPoolExecutor-0_\d; multithread=True/);
});
