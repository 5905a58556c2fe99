import { test, expect } from '@playwright/test';
import { watchPage } from './helpers/watch-page.ts';
import { liveEditor, openEditor, PHASE1, typeCode } from './editor-page.ts';

// The HTML preview's page is the reader's (or a share link's) code: it may flood the page's
// "blocked" list, push history entries and reload itself forever. The list stays short, the site's
// history does not grow, and a page that reloads or leaves itself is stopped with a way back.
test.setTimeout(300_000);

const FLOOD = `def app(environ, start_response):
    page = b"""<!doctype html><title>x</title><h1>flood</h1>
<a id=away href="https://away.invalid/" onclick="document.body.dataset.clicked = 1">away</a>
<script>
for (let i = 0; i < 3000; i++) parent.postMessage({ type: "blocked", uri: "https://flood.invalid/" + i + "x".repeat(500), directive: "img-src" }, "*");
for (let i = 0; i < 40; i++) history.pushState(null, "", "?p" + i);
for (let i = 0; i < 3000; i++) parent.postMessage({ type: "ready" }, "*");
setTimeout(() => { if (!document.body.dataset.clicked) location.reload(); }, 3000);
</script>"""
    start_response("200 OK", [("Content-Type", "text/html; charset=utf-8")])
    return [page]`;

test('a hostile preview cannot flood the blocked list, grow the history or reload in a loop', async ({ page }) => {
  const watch = watchPage(page);
  await page.goto(PHASE1);
  const editor = liveEditor(page, 'hello.py');
  const input = await openEditor(editor);
  await typeCode(page, input, FLOOD);
  const before = await page.evaluate(() => history.length);
  await editor.getByRole('button', { name: 'Run' }).click();
  await editor.getByRole('tab', { name: 'Preview' }).click({ timeout: 180_000 });

  await expect(editor.getByText('Your page reloaded itself or went to another address.')).toBeVisible({ timeout: 20_000 });
  const blocked = editor.getByRole('status').filter({ hasText: 'tried to load something from the network' });
  await expect(blocked.getByRole('listitem')).toHaveCount(20);
  await expect(blocked).toContainText(/…and \d+ more\./);
  expect((await blocked.getByRole('listitem').first().textContent())!.length).toBeLessThan(260);
  expect(await page.evaluate(() => history.length)).toBe(before);
  // Stopped for good: no frame keeps reloading behind the notice.
  await expect(editor.locator('iframe.le-preview-frame')).toHaveCount(0);

  // Shown again on request; a link inside it does not navigate (it is reported instead).
  await editor.getByRole('button', { name: 'Show the page again' }).click();
  const frame = editor.frameLocator('iframe.le-preview-frame');
  await expect(frame.locator('h1')).toHaveText('flood');
  await frame.locator('#away').click();
  await expect(blocked).toContainText(/…and \d+ more\./);
  expect(await page.evaluate(() => history.length)).toBe(before);
  const problems = watch.problems().filter((p) => !/flood\.invalid|away\.invalid/.test(p));
  expect(problems).toEqual([]);
});
