import { test, expect, type Page } from '@playwright/test';
import { watchPage } from './helpers/watch-page.ts';
import { allQuestions, correctIndex } from './helpers/quiz-answers.ts';
import { asSaveDataReader } from './helpers/save-data.ts';

// The quick check gives nothing away before the reader answers: no option is marked right in the
// HTML or in any script the page loads, and no explanation can be read (the scrambled explanations
// are fetched from /quiz/<slug>.json only on the first Check). Each reader gets an order
// of their own, kept across reloads (and kept for the session when localStorage is refused), and
// answering by keyboard still records progress.
const PAGES = ['/phases/what-wsgi-is/', '/phases/an-app-from-scratch/', '/phases/server-and-middleware/', '/phases/why-async/'];
const PAGE = '/phases/an-app-from-scratch/';

/** Each question's option texts in the order the reader sees them, and their letters. */
async function order(page: Page): Promise<string[][]> {
  const quiz = page.getByRole('region', { name: 'Quick check' });
  await expect(quiz).toHaveAttribute('data-ready', '');
  return quiz.locator('fieldset').evaluateAll((sets) => sets.map((set) =>
    [...set.querySelectorAll('.quiz-option')].map((o) => `${o.querySelector('.quiz-letter')?.textContent} ${o.querySelector('.quiz-text')?.textContent}`)));
}

test('no page ships which option is right, nor any explanation in readable form', async ({ page }) => {
  test.setTimeout(240_000); // four phase pages loaded and read whole, each with its first Check
  const watch = watchPage(page);
  const secrets = allQuestions().flatMap((q) => q.options.map((o) => o.explanation.replace(/^Right\.\s*/, '').slice(0, 40)));
  for (const path of PAGES) {
    const bodies: string[] = [];
    const pending: Promise<void>[] = [];
    const collect = (r: import('@playwright/test').Response) => {
      if (/script|json|html|text\/plain/.test(r.headers()['content-type'] ?? '')) pending.push(r.text().then((t) => { bodies.push(`${r.url()}\n${t}`); }, () => {}));
    };
    page.on('response', collect);
    await page.goto(path);
    await expect(page.getByRole('region', { name: 'Quick check' })).toHaveAttribute('data-ready', '');
    await page.waitForLoadState('load'); // every script and JSON the page loads up front
    await Promise.all(pending);
    page.off('response', collect);
    const html = bodies.find((b) => b.startsWith(new URL(path, page.url()).href))!;
    expect(html, `${path}: the HTML itself was read`).toBeTruthy();
    // Every body against every explanation, gathered first and asserted once, each finding named: an
    // expect() per pair (about 35 bodies × 124 explanations a page, each a step recorded in the trace:
    // 17,484 steps in a run cut by its 240 s limit on the last page) was nearly all of this test's CPU.
    const given: string[] = [];
    for (const body of bodies) {
      const where = body.slice(0, body.indexOf('\n'));
      const marked = body.match(/data-correct|"correct":\s*true|correct: true/);
      if (marked) given.push(`${where} marks the right option: ${marked[0]}`);
      for (const secret of secrets) if (body.includes(secret)) given.push(`${where} contains the explanation "${secret}"`);
    }
    expect(given, `${path}: what a page loads gives away`).toEqual([]);
    expect(bodies.filter((b) => /\/quiz\/[^/]+\.json\n/.test(b.slice(0, b.indexOf('\n') + 1))), `${path}: explanations fetched before any answer`).toEqual([]);
    // Every option of a question carries the same attributes.
    const shapes = await page.getByRole('region', { name: 'Quick check' }).locator('fieldset').evaluateAll((sets) => sets.map((set) => {
      const options = [...set.querySelectorAll<HTMLElement>('.quiz-option')];
      return new Set(options.map((o) => o.getAttributeNames().sort().join())).size;
    }));
    expect(shapes.every((n) => n === 1), `${path}: options differ in shape`).toBe(true);

    // The first Check fetches the phase's explanations: still scrambled, all of a question one length.
    const quiz = page.getByRole('region', { name: 'Quick check' });
    const fetched = page.waitForResponse((r) => /\/quiz\/[^/]+\.json$/.test(new URL(r.url()).pathname));
    await quiz.getByRole('group', { name: /^Question 1\./ }).getByRole('radio').first().check();
    await quiz.getByRole('button', { name: 'Check question 1' }).click();
    const json = await (await fetched).text();
    await expect(quiz.getByRole('group', { name: /^Question 1\./ }).locator('xpath=..').getByRole('status')).toContainText(/Right\.|Not quite\./);
    expect(json).not.toMatch(/correct/);
    expect(secrets.filter((secret) => json.includes(secret)).map((secret) => `${path}: the explanations JSON contains "${secret}"`)).toEqual([]);
    const sealed = JSON.parse(json) as Record<string, Record<string, string>>;
    for (const [question, byOption] of Object.entries(sealed)) {
      expect(new Set(Object.values(byOption).map((s) => s.length)).size, `${path}: ${question}'s explanations differ in length`).toBe(1);
    }
    await page.evaluate(() => localStorage.clear()); // the next page starts unanswered
  }
  expect(watch.problems()).toEqual([]);
});

test('a reader keeps their order across reloads, another reader gets another, and a keyboard answer is recorded', async ({ page, browser }) => {
  await asSaveDataReader(page.context()); // no Python here: the page must not start it by itself (helpers/save-data.ts)
  const watch = watchPage(page);
  await page.goto(PAGE);
  const mine = await order(page);
  expect(mine[0].map((o) => o.slice(0, 1))).toEqual(['A', 'B', 'C', 'D']);

  // Answer question 1 rightly by keyboard: focus the group, Space picks, arrows move, Enter checks.
  const quiz = page.getByRole('region', { name: 'Quick check' });
  const q1 = quiz.getByRole('group', { name: /^Question 1\./ });
  const right = await correctIndex(q1);
  await q1.getByRole('radio').first().focus();
  await page.keyboard.press('Space');
  for (let i = 0; i < right; i++) await page.keyboard.press('ArrowDown');
  await expect(q1.getByRole('radio').nth(right)).toBeChecked();
  await page.keyboard.press('Enter');
  await expect(q1.locator('xpath=..').getByRole('status')).toContainText('Right.');
  const saved = await page.evaluate(() => JSON.parse(localStorage.getItem('wsgi-ground-up:progress') ?? '{}'));
  const id = await q1.locator('xpath=ancestor::li[@data-question][1]').getAttribute('data-question');
  expect(saved['an-app-from-scratch'].quiz[id!]).toMatchObject({ firstCorrect: true, lastCorrect: true });

  await page.reload();
  expect(await order(page)).toEqual(mine);
  await expect(q1.getByRole('radio').nth(right)).toBeChecked();
  await expect(q1.locator('xpath=..').getByRole('status')).toContainText('Right.');

  const other = await browser.newContext();
  await asSaveDataReader(other);
  const theirs = await other.newPage();
  await theirs.goto(PAGE);
  expect(await order(theirs), 'a second reader sees the same order on every question').not.toEqual(mine);
  await other.close();
  expect(watch.problems()).toEqual([]);
});

test('with localStorage refused, the order holds for the session', async ({ page }) => {
  await asSaveDataReader(page.context());
  const watch = watchPage(page);
  await page.addInitScript(() => {
    Object.defineProperty(window, 'localStorage', { get() { throw new DOMException('denied', 'SecurityError'); } });
  });
  await page.goto(PAGE);
  const first = await order(page);
  expect(await page.evaluate(() => sessionStorage.getItem('wsgi-ground-up:quiz-seed'))).toMatch(/^[0-9a-f]{16}$/);
  await page.reload();
  expect(await order(page)).toEqual(first);
  expect(watch.problems()).toEqual([]);
});
