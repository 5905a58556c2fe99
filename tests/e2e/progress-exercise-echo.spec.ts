import { readFileSync } from 'node:fs';
import { test, expect } from '@playwright/test';
import { watchPage } from './helpers/watch-page.ts';

// "Echo a POST body" forbids environ["wsgi.input"].read() with no size. An app that does everything
// else right but calls it must fail the check that shows why: on wsgiref, with more bytes than
// CONTENT_LENGTH and the connection left open, the read waits for ever and no answer comes.
const unsized = readFileSync('tests/content/exercise_mistakes/echo_body_unsized_read.py', 'utf8');

test('echo exercise: an unsized wsgi.input.read() fails the wsgiref check, which says why', async ({ page, context }) => {
  test.setTimeout(180_000);
  const watch = watchPage(page);
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto('/phases/an-app-from-scratch/');
  const exercise = page.getByRole('region', { name: /Exercise: Echo a POST body/ });
  await exercise.getByRole('textbox', { name: /Code of the exercise/ }).click();
  await expect(exercise.getByRole('textbox', { name: /Code of the exercise/ })).toBeFocused({ timeout: 30_000 });
  await page.evaluate((text) => navigator.clipboard.writeText(text), unsized);
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('ControlOrMeta+V');
  await page.keyboard.press('Control+Enter');

  const summary = exercise.getByRole('status');
  await expect(summary).toContainText('3 of 4 checks passed', { timeout: 90_000 });
  const check = exercise.getByRole('listitem').filter({ hasText: 'stops at CONTENT_LENGTH on wsgiref' });
  await expect(check).toContainText('Failed');
  await expect(check).toContainText('read() with no size waits for the client to close');
  await expect(check).toContainText('Read exactly CONTENT_LENGTH bytes.');
  await expect(check.getByRole('definition').nth(1)).toContainText('the server never answered: wsgiref reads the socket directly and waits for ever');
  await check.scrollIntoViewIfNeeded();
  await check.screenshot({ path: test.info().outputPath('echo-unsized-read.png') });
  expect(watch.problems()).toEqual([]);
});
