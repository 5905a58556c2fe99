import { test, expect } from '@playwright/test';
import { watchPage } from './helpers/watch-page.ts';
import { watchLongTasks } from './helpers/long-tasks.ts';
import { expectOwnPlaygroundWorks, link } from './helpers/share-link.ts';

// A share link that inflates to 200 MB is refused before it is unpacked, and the page's main thread
// never stalls on it (no task over 200 ms), with Python starting beside it. It bounds a time on the
// page, so it runs in stage 71 with nothing else on the machine (beside the other browser stages, at
// load ~45, its longest task once reached 410 ms).
test.setTimeout(120_000);

test('a 272 KB link that inflates to 200 MB is refused at once; the page never stalls', async ({ page }) => {
  const watch = watchPage(page);
  const tasks = await watchLongTasks(page);
  const bomb = link(`{"v":1,"files":{"app.py":"${'x'.repeat(200_000_000)}"}}`);
  expect(bomb.length).toBeGreaterThan(250_000);
  const started = Date.now();
  await page.goto(`/playground/${bomb}`);
  await expect(page.getByRole('status').filter({ hasText: 'unpacks to more than 1 MB' })).toBeVisible({ timeout: 10_000 });
  const seconds = (Date.now() - started) / 1000;
  const longest = await tasks.longest();
  console.log(`200 MB share link: refused after ${seconds.toFixed(1)} s, longest main-thread task ${longest} ms`);
  expect(longest).toBeLessThan(200);
  await expectOwnPlaygroundWorks(page);
  expect(watch.problems()).toEqual([]);
});
