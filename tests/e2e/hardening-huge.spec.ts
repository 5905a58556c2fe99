import { test, expect } from '@playwright/test';
import { watchPage } from './helpers/watch-page.ts';
import { mainThreadSettled, watchLongTasks } from './helpers/long-tasks.ts';
import { liveEditor, openEditor, PHASE1, typeCode } from './editor-page.ts';
import { HUGE_APPS as APPS } from './helpers/huge-apps.ts';

// Whatever the reader's app returns, the page's main thread stays responsive: no task over 200 ms
// (PerformanceObserver 'longtask') from the Run click to the rendered result, nor when the reader
// switches the body's view or opens the Raw HTTP tab. The true size is said; a prefix is shown, more on request.
// While the long tasks are watched, the test finds elements by CSS only: Playwright's role and text
// queries run in the page's main thread too, and on this long page one of them alone took 100-180 ms
// (a CPU profile of this spec), which a busy CI machine pushed past 200 ms.
test.setTimeout(600_000);


for (const app of APPS) {
  test(`${app.name}: the result shows its true size and no main-thread task passes 200 ms`, async ({ page }) => {
    const watch = watchPage(page);
    const tasks = await watchLongTasks(page);
    await page.goto(PHASE1.replace('30000', '120000'));
    const editor = liveEditor(page, 'hello.py');
    const input = await openEditor(editor);
    await typeCode(page, input, app.code);
    const responseTab = editor.getByRole('tab', { name: 'Response' });
    if (await responseTab.count()) await responseTab.click();
    const runButton = editor.locator('button[data-action="run"]');
    const rawTab = editor.locator('.le-tab', { hasText: 'Raw HTTP' });
    await expect(editor.getByRole('button', { name: /^Run/ })).toBeEnabled();
    await tasks.reset();
    const started = Date.now();
    await runButton.click();
    await expect(editor.locator('.le-response .le-status')).toHaveText('200 OK', { timeout: 300_000 });
    const shownAfter = Date.now() - started;
    await expect(editor.locator('.le-body-meta')).toContainText(`Body: ${app.bytes.toLocaleString('en')} bytes`);
    // Trailing work (layout, paint) has run and shown up as a long task if it was one.
    await mainThreadSettled(page);
    const onRun = await tasks.longest();
    for (const view of ['hex', 'text', 'json']) {
      const radio = editor.locator(`.le-body-views input[value="${view}"]`);
      if (await radio.count()) { await radio.check(); await mainThreadSettled(page); }
    }
    await rawTab.click();
    await expect(editor.locator('pre[aria-label="Raw response"]')).toBeVisible();
    await mainThreadSettled(page);
    const overall = await tasks.longest();
    // What the reader reads, checked after the measured window (role and text queries are costly).
    await editor.getByRole('tab', { name: 'Response' }).click();
    if ('said' in app) await expect(editor.getByText(app.said as string)).toBeVisible();
    if (app.name.includes('headers')) await expect(editor.getByText(/^Showing 100 of 100,00\d headers/)).toBeVisible();
    console.log(`${app.name}: results after ${(shownAfter / 1000).toFixed(1)} s; longest main-thread task ${onRun} ms on Run, ${overall} ms after switching views`);
    expect(onRun).toBeLessThan(200);
    expect(overall).toBeLessThan(200);
    expect(watch.problems()).toEqual([]);
  });
}
