import { defineConfig } from '@playwright/test';
import base from '../../playwright.config.ts';

/**
 * The nginx browser tests (tests/stages/72-e2e-nginx.sh): the shared settings, but the site is served
 * by real nginx with deploy/nginx/site.conf (tests/e2e/nginx/run-nginx.ts) on NGINX_PORT (8480).
 */
const port = Number(process.env.NGINX_PORT ?? 8480);

export default defineConfig({
  ...base,
  testDir: '.',
  testMatch: 'hardening-nginx.spec.ts',
  use: { ...base.use, baseURL: `http://127.0.0.1:${port}` },
  webServer: {
    command: `npx node tests/e2e/nginx/run-nginx.ts ${process.env.SITE_DIST ?? 'dist'} ${port}`,
    cwd: '../..',
    url: `http://127.0.0.1:${port}/`,
    reuseExistingServer: false,
    timeout: 30_000,
    stdout: 'ignore',
    stderr: 'pipe',
  },
});
