import { test, expect } from '@playwright/test';
import { watchPage } from './helpers/watch-page.ts';
import { liveEditor, openEditor, PHASE1, typeCode } from './editor-page.ts';

test.setTimeout(420_000);

// The app answers HTML whose script tries to reach the page and the network.
const HOSTILE = `def app(environ, start_response):
    page = b"""<!doctype html><title>x</title>
<h1 id=h>Hello from the app</h1>
<img src="https://tracker.invalid/pixel.gif" alt="">
<script>
let reached = "no";
try { parent.document.title = "hacked"; reached = "yes"; } catch (e) { reached = "blocked: " + e.name; }
fetch("https://api.invalid/data").catch(() => {});
document.getElementById("h").textContent = "script ran; parent " + reached;
</script>"""
    start_response("200 OK", [("Content-Type", "text/html; charset=utf-8")])
    return [page]`;

test('an HTML response is previewed sandboxed: its scripts cannot reach the page, its requests are blocked and reported', async ({ page }) => {
  const watch = watchPage(page);
  await page.goto(PHASE1);
  const title = await page.title();
  const editor = liveEditor(page, 'hello.py');
  const input = await openEditor(editor);
  await typeCode(page, input, HOSTILE);
  await editor.getByRole('button', { name: 'Run' }).click();
  await editor.getByRole('tab', { name: 'Preview' }).click({ timeout: 180_000 });

  const iframe = editor.locator('iframe.le-preview-frame');
  await expect(iframe).toHaveAttribute('sandbox', 'allow-scripts');
  const frame = editor.frameLocator('iframe.le-preview-frame');
  await expect(frame.locator('h1')).toHaveText(/^script ran; parent blocked: SecurityError$/);
  expect(await page.title()).toBe(title);

  const blocked = editor.getByRole('status').filter({ hasText: 'tried to load something from the network' });
  await expect(blocked).toContainText('https://tracker.invalid/pixel.gif');
  await expect(blocked).toContainText('https://api.invalid/data');
  // The two loads were stopped by the preview's policy inside the browser ("csp"), nothing else went wrong.
  const problems = watch.problems();
  expect(problems).toContain('failed request: https://tracker.invalid/pixel.gif (csp)');
  expect(problems.filter((p) => !/https:\/\/(tracker|api)\.invalid\//.test(p))).toEqual([]);
});
