import { test, expect } from '@playwright/test';
import { seriousViolations } from './helpers/axe.ts';
import { liveEditor, openEditor, PHASE1 } from './editor-page.ts';

test.setTimeout(150_000);

// axe-core on a phase page with an editor open, its composer unfolded and every result view shown.
for (const colorScheme of ['light', 'dark'] as const) {
  test(`axe finds nothing serious with an editor and its results open (${colorScheme})`, async ({ page }) => {
    await page.emulateMedia({ colorScheme });
    await page.goto(PHASE1);
    const editor = liveEditor(page, 'pitfall_str_body.py');
    await openEditor(editor);
    await editor.getByText('Request:').click();
    await editor.getByText('Headers and body').click();
    await editor.getByRole('button', { name: 'Add header' }).click();
    await editor.getByRole('button', { name: 'Run' }).click();
    await expect(editor.getByRole('group', { name: 'Rule broken' })).toBeVisible({ timeout: 90_000 });
    for (const tab of ['Response', 'Environ', 'Timeline', 'Output', 'Raw HTTP']) {
      await editor.getByRole('tab', { name: tab }).click();
      await expect(editor.getByRole('tabpanel')).toBeVisible();
      expect(await seriousViolations(page), `${tab} tab`).toEqual([]);
    }
  });
}
