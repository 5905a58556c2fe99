import { mkdirSync, readFileSync } from 'node:fs';
import { test, expect, type Locator } from '@playwright/test';
import { parse } from 'yaml';
import { watchPage } from './helpers/watch-page.ts';
import { axeViolations } from './helpers/axe.ts';

// A reader walks a predict-then-run question by keyboard: predicts wrong, locks it in, and the page
// runs the code on the in-page server and shows the real result beside the prediction (announced);
// then a text prediction, right. After a reload both predictions are still locked in, with their
// results, and a run again gives the same result live. One page, one Python start. Screenshots of
// the flow at 360 and 1280 px in both themes go to tests/output/screenshots/predict-* (or PREDICT_SHOTS).
const PAGE = '/phases/an-app-from-scratch/';
const SHOTS = process.env.PREDICT_SHOTS ?? 'tests/output/screenshots';

interface Choice { text: string; correct?: boolean; explanation: string }
const questions = (parse(readFileSync(new URL('../../content/phases/02-an-app-from-scratch/predict.yaml', import.meta.url), 'utf8')) as {
  questions: { id: string; file: string; choices?: Choice[] }[];
}).questions;
const late = questions.find((q) => q.id === 'p2-late-error-status')!;
const wrong = late.choices!.find((c) => c.text === '500 Internal Server Error')!;

/** Moves the selection with arrow keys, from the first radio, to the one labelled `text`. */
async function chooseByKeyboard(group: Locator, text: string) {
  const radios = group.getByRole('radio');
  const labels = await group.locator('.predict-text').allTextContents();
  const target = labels.indexOf(text);
  expect(target, `choice “${text}” among ${labels.join(' | ')}`).toBeGreaterThanOrEqual(0);
  await radios.first().focus();
  await group.page().keyboard.press('Space');
  for (let i = 0; i < target; i++) await group.page().keyboard.press('ArrowDown');
  await expect(radios.nth(target)).toBeChecked();
}

test('predict wrong, lock it in, see the real result beside it; a typed prediction; both kept after a reload', async ({ page }) => {
  test.setTimeout(180_000);
  const watch = watchPage(page);
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(PAGE);
  const question = page.getByRole('region', { name: `Predict, then run ${late.file}` });
  await expect(question).toHaveAttribute('data-ready', '');
  const group = question.getByRole('group', { name: /^GET \/work/ });
  const status = question.locator('[data-announce]');

  // Locking in nothing asks for a prediction first.
  await question.getByRole('button', { name: 'Lock in my prediction and run' }).click();
  await expect(question.locator('[data-note]')).toHaveText(/Choose a prediction first/);

  await chooseByKeyboard(group, wrong.text);
  await page.keyboard.press('Tab');
  await expect(question.getByRole('button', { name: 'Lock in my prediction and run' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(group.getByRole('radio').first()).toBeDisabled(); // the fieldset is disabled: the prediction is locked
  await expect(question.getByRole('group', { name: 'Your prediction and what the server did' })).toBeFocused();
  await expect(status).toHaveText(`Not quite: you predicted ${wrong.text}; the server gave 200 OK.`, { timeout: 120_000 });
  await expect(question.locator('[data-guess]')).toHaveText(wrong.text);
  await expect(question.locator('[data-real]')).toHaveText('200 OK');
  await expect(question.locator('[data-choice][data-state="real"] .predict-text')).toHaveText('200 OK');
  await expect(question.locator('[data-explain]')).toContainText(wrong.explanation);
  // The whole run is there too: the response view of the same run.
  await question.getByText('Everything this run produced').click();
  await expect(question.locator('[data-run]')).toContainText('200 OK');

  // A text prediction, right this time (case and spacing do not count).
  const upload = page.getByRole('region', { name: 'Predict, then run predict_chunked_upload.py' });
  await upload.getByLabel('The body, exactly').fill('Read 0  bytes');
  await upload.getByLabel('The body, exactly').press('Enter');
  await expect(upload.locator('[data-announce]')).toHaveText('Right: you predicted Read 0  bytes; the server gave read 0 bytes.', { timeout: 60_000 });
  await expect(upload.locator('[data-explain]')).toContainText('waitress answers read 5 bytes');
  // axe on the two questions only (the whole page takes minutes on a busy machine; site-pages.spec.ts scans every page).
  const violations = await axeViolations(page, { include: ['[data-predict]'], exclude: ['pre code span'] });
  expect(violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join('; ')}`)).toEqual([]);

  mkdirSync(SHOTS, { recursive: true });
  await question.locator('[data-run-details]').evaluate((d: HTMLDetailsElement) => { d.open = false; });
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    for (const width of [1280, 360]) {
      await page.setViewportSize({ width, height: 900 });
      await question.screenshot({ path: `${SHOTS}/predict-${width}-${colorScheme}.png` });
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow, `the page is wider than ${width} px`).toBeLessThanOrEqual(0);
    }
  }
  await page.emulateMedia({ colorScheme: 'light' });
  await page.setViewportSize({ width: 1280, height: 900 });

  // After a reload: locked in, with the result of the earlier run, and a live run gives it again.
  await page.reload();
  await expect(question).toHaveAttribute('data-ready', '');
  await expect(group.getByRole('radio').first()).toBeDisabled(); // the fieldset is disabled: the prediction is locked
  await expect(group.getByRole('radio', { name: wrong.text })).toBeChecked();
  await expect(question.locator('[data-real]')).toHaveText('200 OK');
  await expect(question.locator('[data-verdict]')).toContainText('From your earlier run');
  await expect(upload.getByLabel('The body, exactly')).toHaveValue('Read 0  bytes');
  await expect(upload.locator('[data-verdict]')).toContainText('Right.');
  await question.getByRole('button', { name: 'Run it again' }).click();
  await expect(status).toHaveText(`Not quite: you predicted ${wrong.text}; the server gave 200 OK.`, { timeout: 120_000 });
  await expect(question.locator('[data-verdict]')).not.toContainText('From your earlier run');
  expect(watch.problems()).toEqual([]);
});
