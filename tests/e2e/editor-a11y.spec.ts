import AxeBuilder from '@axe-core/playwright';
import { test, expect } from '@playwright/test';
import { seriousViolations } from './helpers/axe.ts';
import { liveEditor, openEditor, PHASE1 } from './editor-page.ts';

test.setTimeout(420_000);

/** Serious or critical axe findings inside one element (a whole-page scan per tab is too slow). */
async function findingsIn(page: import('@playwright/test').Page, selector: string): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).include(selector).analyze();
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join('; ')}`);
}

// axe-core with an editor open, its composer unfolded and each result view shown, in both themes: the
// page loads dark (the theme an editor must pick up at its start) and the reader's system then switches
// to light (the site and the editor follow it live), so one page, one Python and one run serve both scans.
test('axe finds nothing serious with an editor and its results open (dark, then light)', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.goto(PHASE1);
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
    expect(await seriousViolations(page), colorScheme).toEqual([]);
  }
});
