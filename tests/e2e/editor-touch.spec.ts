import { test, expect, devices } from '@playwright/test';
import { liveEditor, PHASE1 } from './editor-page.ts';

test.setTimeout(420_000);
// A phone: 360 px wide, touch only (coarse pointer). Monaco works badly there, so a plain textarea edits.
test.use({ viewport: { width: 360, height: 740 }, hasTouch: true, isMobile: true, userAgent: devices['Pixel 5'].userAgent });

test('a phone-sized touch screen edits with a plain textarea and runs', async ({ page }) => {
  const monacoRequests: string[] = [];
  page.on('request', (r) => { if (/monaco/.test(r.url())) monacoRequests.push(r.url()); });
  await page.goto(PHASE1);
  const editor = liveEditor(page, 'hello.py');
  await editor.getByLabel(/^Code of hello\.py\. Focus or click to edit\.$/).tap();
  const area = editor.getByRole('textbox', { name: 'Code of hello.py, editable' });
  await expect(area).toBeFocused();
  for (const [name, value] of [['autocorrect', 'off'], ['autocapitalize', 'off'], ['spellcheck', 'false']]) {
    await expect(area).toHaveAttribute(name, value);
  }
  await area.fill('def app(environ, start_response):\n    start_response("200 OK", [("Content-Type", "text/plain")])\n    return [b"from a phone"]\n');
  await expect(editor.getByText('modified', { exact: true })).toBeVisible();
  await editor.getByRole('button', { name: 'Run' }).tap();
  await expect(editor.getByLabel('Response body')).toHaveText('from a phone', { timeout: 180_000 });
  // Nothing overflows the phone's width.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  expect(monacoRequests).toEqual([]);
  await page.screenshot({ path: 'tests/output/screenshots/editor-touch-360.png', fullPage: false });
});
