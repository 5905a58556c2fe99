import { defineConfig } from '@playwright/test';
import { chromiumLaunchOptions } from './tests/e2e/helpers/chromium.ts';

/**
 * Every spec in tests/e2e/ runs against the BUILT site (stage 10 builds it)
 * served by `astro preview` on 127.0.0.1. PREVIEW_PORT picks another port when
 * two runs share a machine. The browser is found by tests/e2e/helpers/chromium.ts.
 */
const port = Number(process.env.PREVIEW_PORT ?? 4321);

export default defineConfig({
  testDir: 'tests/e2e',
  outputDir: 'test-results',
  // Two shared cores: one worker per core at most, never more.
  workers: Number(process.env.PW_WORKERS ?? 2),
  fullyParallel: true,
  forbidOnly: true,
  retries: 0,
  timeout: 60_000,
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    browserName: 'chromium',
    launchOptions: chromiumLaunchOptions(),
    trace: 'retain-on-failure',
  },
  webServer: {
    // --ignore-lock: Astro 7 allows one tracked preview per project; parallel runs on other ports must not clash.
    command: `npx astro preview --ignore-lock --host 127.0.0.1 --port ${port}`,
    url: `http://127.0.0.1:${port}/`,
    reuseExistingServer: false,
    timeout: 60_000,
    stdout: 'ignore',
    stderr: 'pipe',
  },
});
