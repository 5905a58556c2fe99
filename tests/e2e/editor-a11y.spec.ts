import { test, expect, type Page } from '@playwright/test';
import { axeViolations, seriousViolations } from './helpers/axe.ts';
import { liveEditor, openEditor, PHASE1 } from './editor-page.ts';

test.setTimeout(420_000);

const WIDTHS = [1280, 360];
const THEMES = ['light', 'dark'] as const;

/** The reader's system switches to `colorScheme`: the page follows it. */
async function theme(page: Page, colorScheme: 'light' | 'dark') {
  await page.emulateMedia({ colorScheme });
  await expect(page.locator('html')).toHaveAttribute('data-theme', colorScheme);
}

/** Serious or critical axe findings inside one element (a whole-page scan per tab is too slow). */
async function findingsIn(page: import('@playwright/test').Page, selector: string): Promise<string[]> {
  const violations = await axeViolations(page, { include: [selector] });
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join('; ')}`);
}

// Phase 1 loaded dark, one page, one Monaco and one Python for three tests (each had its own): first a
// reader who uses only the keyboard (the page as loaded: Tab from its top, the editor unmodified), then
// axe on another editor of the page, then screenshots of a third editor. In order in one worker; after
// a failed test the next gets a new worker and a new page loaded dark.
test.describe('phase 1 loaded dark, one page', () => {
  test.describe.configure({ mode: 'default' });
  let page: Page;
  test.beforeAll(async ({ browser }) => {
    page = await browser.newPage();
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.goto(PHASE1);
  });
  test.afterAll(async () => { await page?.close(); });

  // A reader who uses only the keyboard: reach the code, edit it, leave the editor, run, read the tabs.
  test('a whole editor used by keyboard alone', async () => {
    const editor = liveEditor(page, 'hello.py');
    // Tab through the page until the Run button of the first editor has focus.
    const run = editor.getByRole('button', { name: 'Run' });
    for (let i = 0; i < 80 && !(await run.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press('Tab');
    await expect(run).toBeFocused();
    // Next stop is the code (Reset is disabled): focusing it opens the editor with the caret in it.
    await page.keyboard.press('Tab');
    const input = editor.getByRole('textbox', { name: 'Code of hello.py, editable' });
    await expect(input).toBeFocused({ timeout: 180_000 });
    await expect(input).toHaveAttribute('aria-describedby', 'le-hello-keys');
    await expect(page.locator('#le-hello-keys')).toContainText('Esc then Tab to leave the editor');
    await page.keyboard.press('ControlOrMeta+End');
    await page.keyboard.press('End');
    await page.keyboard.press('Enter');
    await page.keyboard.type('# edited by keyboard');
    await expect(editor.getByText('modified', { exact: true })).toBeVisible();

    // Tab indents inside Monaco (no trap: Esc then Tab leaves, forwards or backwards).
    await page.keyboard.press('Tab');
    await expect(input).toBeFocused();
    await page.keyboard.press('Escape');
    await page.keyboard.press('Tab');
    const summary = editor.getByText('Request: GET /');
    await expect(summary).toBeFocused();
    await page.keyboard.press('Shift+Tab');
    await expect(input).toBeFocused();
    await page.keyboard.press('Escape');
    await page.keyboard.press('Shift+Tab');
    await expect(editor.getByRole('button', { name: 'Reset' })).toBeFocused();
    await page.keyboard.press('Shift+Tab');
    await expect(run).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(editor.locator('.le-response .le-status')).toHaveText('200 OK', { timeout: 180_000 });
    await expect(run).toBeFocused();

    // The result tabs: Tab from Run (past Reset) enters the code, Esc then Tab leaves it, more Tabs
    // reach the tabs.
    await page.keyboard.press('Tab');
    await expect(editor.getByRole('button', { name: 'Reset' })).toBeFocused();
    await page.keyboard.press('Tab');
    await expect(input).toBeFocused();
    await page.keyboard.press('Escape');
    await page.keyboard.press('Tab');
    await expect(summary).toBeFocused();
    const responseTab = editor.getByRole('tab', { name: 'Response' });
    for (let i = 0; i < 40 && !(await responseTab.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press('Tab');
    await expect(responseTab).toBeFocused();
    await page.keyboard.press('ArrowRight');
    const environTab = editor.getByRole('tab', { name: 'Environ' });
    await expect(environTab).toBeFocused();
    await expect(environTab).toHaveAttribute('aria-selected', 'true');
    await expect(editor.getByRole('tabpanel')).toContainText('REQUEST_METHOD');

    // Back in the editor, Ctrl+M switches Tab to moving focus: Tab then leaves the editor.
    await input.focus();
    await page.keyboard.press('Control+M');
    await page.keyboard.press('Tab');
    await expect(summary).toBeFocused();
  });

  // axe-core with an editor open, its composer unfolded and each result view shown, in both themes: the
  // page loads dark (the theme an editor must pick up at its start) and the reader's system then switches
  // to light (the site and the editor follow it live), so one page, one Python and one run serve both scans.
  test('axe finds nothing serious with an editor and its results open (dark, then light)', async () => {
    const editor = liveEditor(page, 'pitfall_str_body.py');
    await openEditor(editor);
    await editor.getByText('Request:').click();
    await editor.getByText('Headers and body').click();
    await editor.getByRole('button', { name: 'Add header' }).click();
    await editor.getByRole('button', { name: 'Run' }).click();
    await expect(editor.getByRole('group', { name: 'Rule broken' })).toBeVisible({ timeout: 180_000 });
    await editor.getByText('The real traceback').click();
    const scope = '[data-live-editor][data-name="pitfall_str_body"]';
    for (const colorScheme of ['dark', 'light'] as const) {
      await page.emulateMedia({ colorScheme });
      await expect(page.locator('html')).toHaveAttribute('data-theme', colorScheme);
      for (const tab of ['Response', 'Environ', 'Timeline', 'Output', 'Raw HTTP']) {
        await editor.getByRole('tab', { name: tab }).click();
        await expect(editor.getByRole('tabpanel')).toBeVisible();
        expect(await findingsIn(page, scope), `${tab} tab in ${colorScheme}`).toEqual([]);
      }
      expect(await seriousViolations(page, { coloursOnly: colorScheme === 'dark' }), colorScheme).toEqual([]);
    }
  });

  // Screenshots of a LiveEditor with its results open, desktop and phone width, both themes, for review
  // (tests/output/screenshots/editor-*.png). Each checks what a reader would: the results rendered, the
  // chosen tab shows its panel, and the page does not scroll sideways at that width. The reader's system
  // switches to light, dark and back (the site and the editor follow it live); the window is 1280 px,
  // then narrows to 360 px (the layout is CSS; the touch editor is chosen by the pointer, not the width).
  test('editor with results at 1280 and 360 px in light and dark', async () => {
    await page.setViewportSize({ width: WIDTHS[0], height: 900 });
    const editor = liveEditor(page, 'pitfall_start_response_twice.py');
    for (const colorScheme of THEMES) {
      await theme(page, colorScheme);
      for (const width of WIDTHS) {
        await page.setViewportSize({ width, height: 900 });
        await editor.scrollIntoViewIfNeeded();
        await page.screenshot({ path: `tests/output/screenshots/editor-static-${width}-${colorScheme}.png` });
      }
    }
    await page.setViewportSize({ width: WIDTHS[0], height: 900 });
    await openEditor(editor);
    await editor.getByRole('button', { name: 'Run' }).click();
    await expect(editor.getByRole('group', { name: 'Rule broken' })).toBeVisible({ timeout: 180_000 });
    await editor.getByRole('tab', { name: 'Environ' }).click();
    for (const colorScheme of THEMES) {
      await theme(page, colorScheme);
      for (const width of WIDTHS) {
        await page.setViewportSize({ width, height: 900 });
        await expect(editor.getByRole('tabpanel')).toBeVisible();
        await editor.screenshot({ path: `tests/output/screenshots/editor-results-${width}-${colorScheme}.png` });
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        expect(overflow, `the page is wider than ${width} px with the results open in ${colorScheme}`).toBeLessThanOrEqual(0);
      }
    }
  });
});
