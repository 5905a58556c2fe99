import { defineConfig } from '@playwright/test';
import { chromiumLaunchOptions } from './tests/e2e/helpers/chromium.ts';

/**
 * Every spec in tests/e2e/ runs against the BUILT site (stage 10 builds it)
 * served by `astro preview` on 127.0.0.1. PREVIEW_PORT picks another port when
 * two runs share a machine; SITE_DIST serves another build directory. The browser is found by tests/e2e/helpers/chromium.ts.
 */
const port = Number(process.env.PREVIEW_PORT ?? 4321);
// SITE_DIST serves a private build (e.g. `astro build --outDir /tmp/x`) instead of the shared dist/.
const outDir = process.env.SITE_DIST ? ` --outDir ${process.env.SITE_DIST}` : '';

export default defineConfig({
  testDir: 'tests/e2e',
  // PW_OUTPUT keeps parallel runs from deleting each other's traces.
  outputDir: process.env.PW_OUTPUT ?? 'test-results',
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
    // The site's service worker precaches ~20 MB per context: off for every spec except the ones
    // that test it (tests/e2e/hardening-*.spec.ts opt in with test.use({ serviceWorkers: 'allow' })).
    serviceWorkers: 'block',
  },
  webServer: {
    // --ignore-lock: Astro 7 allows one tracked preview per project; parallel runs on other ports must not clash.
    command: `npx astro preview --ignore-lock --host 127.0.0.1 --port ${port}${outDir}`,
    url: `http://127.0.0.1:${port}/`,
    reuseExistingServer: false,
    // Generous: two shared cores are often busy with other suites.
    timeout: 180_000,
    stdout: 'ignore',
    stderr: 'pipe',
  },
});
