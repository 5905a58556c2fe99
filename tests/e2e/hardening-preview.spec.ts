import { test, expect } from '@playwright/test';
import { watchPage } from './helpers/watch-page.ts';
import { liveEditor, openEditor, PHASE1, typeCode } from './editor-page.ts';

// The HTML preview's page is the reader's (or a share link's) code: it may flood the page's
// "blocked" list, push history entries and reload itself forever. The list stays short, the site's
// history does not grow, and a page that reloads or leaves itself is stopped with a way back. A page
// that sets location.hash in a loop (in the Preview or the Browser tab) is stopped and Back still leaves.
test.setTimeout(300_000);

const FLOOD = `def app(environ, start_response):
    page = b"""<!doctype html><title>x</title><h1>flood</h1>
<a id=away href="https://away.invalid/" onclick="document.body.dataset.clicked = 1">away</a>
<script>
for (let i = 0; i < 3000; i++) parent.postMessage({ type: "blocked", uri: "https://flood.invalid/" + i + "x".repeat(500), directive: "img-src" }, "*");
for (let i = 0; i < 40; i++) history.pushState(null, "", "?p" + i);
for (let i = 0; i < 3000; i++) parent.postMessage({ type: "ready" }, "*");
setTimeout(() => { if (!document.body.dataset.clicked) location.reload(); }, 6000);
</script>"""
    start_response("200 OK", [("Content-Type", "text/html; charset=utf-8")])
    return [page]`;

const HASH_LOOP = `def app(environ, start_response):
    if environ["PATH_INFO"] == "/calm":
        page = b"<!doctype html><title>calm</title><h1>calm</h1>"
    else:
        page = b"""<!doctype html><title>hash</title><h1>hash</h1>
<script>
addEventListener("load", () => setTimeout(() => {
  for (let i = 0; i < 30; i++) location.hash = "#" + i;
  let n = 0;
  const t = setInterval(() => { location.hash = "#t" + n; if (++n === 20) clearInterval(t); }, 20);
}, 100));
</script>"""
    start_response("200 OK", [("Content-Type", "text/html; charset=utf-8")])
    return [page]`;

test('a hostile preview cannot flood the blocked list, grow the history or reload in a loop', async ({ page }) => {
  const watch = watchPage(page);
  await page.goto('/');
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

  // location.hash in a loop (and on a timer) adds entries to the tab's history from any frame; nothing
  // inside the frame can stop it, so the page watches history.length: the preview and the Browser tab
  // stop such a page and take the tab back over its entries, so Back leaves the phase page at once.
  const cdp = await page.context().newCDPSession(page);
  const start = await cdp.send('Page.getNavigationHistory');
  const startIndex = start.currentIndex;
  const previous = start.entries[startIndex - 1].url;
  await typeCode(page, input, HASH_LOOP);
  await editor.getByRole('button', { name: 'Run' }).click();
  await editor.getByRole('tab', { name: 'Preview' }).click({ timeout: 60_000 });
  await expect(editor.getByText(/Your page added (an entry|\d+ entries) to your browser’s history/)).toBeVisible({ timeout: 20_000 });
  await expect(editor.locator('iframe.le-preview-frame')).toHaveCount(0);
  await page.waitForTimeout(500);

  // The Browser tab: the same page is stopped there too; its own Back and Forward still work.
  await editor.getByRole('tab', { name: 'Browser' }).click();
  await expect(editor.getByText(/This page added (an entry|\d+ entries) to your browser's own history/).first()).toBeVisible({ timeout: 20_000 });
  await editor.getByRole('textbox', { name: 'Address (a path of your app)' }).fill('/calm');
  await editor.getByRole('button', { name: 'Go', exact: true }).click();
  await expect(editor.frameLocator('iframe.br-frame').frameLocator('iframe').locator('h1')).toHaveText('calm');
  await editor.getByRole('button', { name: 'Back', exact: true }).click();
  await expect(editor.getByText(/This page added (an entry|\d+ entries) to your browser's own history/).first()).toBeVisible({ timeout: 20_000 });
  await editor.getByRole('button', { name: 'Forward', exact: true }).click();
  await expect(editor.frameLocator('iframe.br-frame').frameLocator('iframe').locator('h1')).toHaveText('calm');
  await page.waitForTimeout(500);
  const problems = watch.problems().filter((p) => !/flood\.invalid|away\.invalid/.test(p));
  expect(problems).toEqual([]);

  // The entries are dropped but one (a forward entry that shows nothing new): 50 in a row, 3 times over.
  expect(await page.evaluate(() => history.length)).toBe(before + 1);
  // The tab is back on the entry it was on before these pages ran (the browser's own count, over CDP),
  // so Back goes where it went before; without the guard it walked ~100 entries of the frames first.
  expect((await cdp.send('Page.getNavigationHistory')).currentIndex).toBe(startIndex);
  // The page's own #link while a guarded frame is shown is the reader's: kept, the frame left alone.
  await page.evaluate(() => { location.hash = 'own-link'; });
  await page.waitForTimeout(500);
  await expect(editor.frameLocator('iframe.br-frame').frameLocator('iframe').locator('h1')).toHaveText('calm');
  expect((await cdp.send('Page.getNavigationHistory')).currentIndex).toBe(startIndex + 1);
  await page.goBack();
  expect(page.url()).toBe(start.entries[startIndex].url);
  await page.goBack();
  expect(page.url()).toBe(previous);
});
