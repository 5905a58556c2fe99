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
  // One retry, in a new worker and page: CI runs two browser stages, the unit job and the real-server
  // stages on 2 cores, and there tests that pass on every quiet run failed now and then, a different
  // one each time (a wait that never returned, a bound outrun at load ~45). A test that fails twice fails the
  // run; one that passed only on its retry is listed at the end of `npm test` (tests/run-all.sh).
  // PW_RETRIES=0 to see every failure at once.
  retries: Number(process.env.PW_RETRIES ?? 1),
  // Bounds that catch a hang, not a speed check (speed has its own specs and `npm run bench`). In CI
  // two browser stages, the unit job and the real-server stages share 2 cores: a test that takes 15 s
  // alone took 1.6 min there (quiz-shuffle, 2026-12-04), and a 5 s wait for a page's script ran out.
  timeout: 120_000,
  expect: { timeout: 15_000 },
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    browserName: 'chromium',
    launchOptions: chromiumLaunchOptions(),
    // A trace of the retry only: recording one for every test and dropping it when it passed cost
    // ~22 % of a Python spec set's CPU (runtime-basics + runtime-isolation, all processes, 3 runs each:
    // 50-60 s recorded, 39-46 s not). A test that fails twice leaves the trace of its second run.
    trace: 'on-first-retry',
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
