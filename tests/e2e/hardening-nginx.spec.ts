import { test, expect } from '@playwright/test';
import { get } from 'node:http';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { watchPage } from './helpers/watch-page.ts';
import { liveEditor, openEditor, PHASE1, typeCode } from './editor-page.ts';
import { readServingPolicy, responseHeaders } from '../../src/integrations/serving-policy.ts';
import { correctIndex } from './helpers/quiz-answers.ts';

// The reader's main journey against real nginx with deploy/nginx/site.conf (tests/e2e/nginx.playwright.config.ts
// starts it): the serving policy's headers on every response (the ones the preview server and the service
// worker send, from src/integrations/serving-policy.ts through the includes the build writes), gzip where
// it pays, long caching only for hashed files, and the CSP nginx sends is the one the build put in every
// page, plus frame-ancestors.
test.setTimeout(240_000);

const dist = process.env.SITE_DIST ?? 'dist';
const PHASE1_PATH = PHASE1.split('?')[0];

/** GET `path` from nginx asking for gzip; the headers and the bytes on the wire. */
function fetchRaw(baseURL: string, path: string): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; wireBytes: number }> {
  return new Promise((resolve, reject) => {
    get(baseURL + path, { headers: { 'Accept-Encoding': 'gzip' } }, (res) => {
      let wireBytes = 0;
      res.on('data', (chunk: Buffer) => { wireBytes += chunk.length; });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, wireBytes }));
    }).on('error', reject);
  });
}

test('headers, gzip and caching as site.conf promises', async ({ baseURL }) => {
  const policy = readServingPolicy(dist);
  expect(policy, `${dist}/_deploy/serving-policy.json: rebuild`).not.toBeNull();
  const meta = readFileSync(join(dist, 'index.html'), 'utf8').match(/http-equiv="Content-Security-Policy" content="([^"]*)"/)![1].replace(/&#39;/g, "'");
  // A worker's script: its CSP comes from its own response's header.
  const pythonWorker = `/_astro/${readdirSync(join(dist, '_astro')).find((file) => /^worker-.*\.js$/.test(file))}`;
  const astroJs = readFileSync(join(dist, 'phases/what-wsgi-is/index.html'), 'utf8').match(/src="(\/_astro\/[^"]+\.js)"/)![1];
  const ratios: string[] = [];
  for (const [path, gzip, cache] of [
    ['/', true, /no-cache/], [PHASE1_PATH, true, /no-cache/], ['/pyodide/pyodide.asm.wasm', true, /max-age=86400/],
    ['/pyodide/pyodide.asm.mjs', true, /max-age=86400/], [astroJs, null, /max-age=31536000, immutable/], ['/sw.js', true, /no-cache/],
    ['/no-such-page/', true, /no-cache/], ['/_deploy/nginx-maps.conf', true, /no-cache/], [pythonWorker, true, /immutable/],
  ] as [string, boolean | null, RegExp][]) {
    const res = await fetchRaw(baseURL!, path);
    const missing = /^\/(no-such|_deploy)/.test(path);
    expect(res.status, path).toBe(missing ? 404 : 200);
    // Every header of the policy, exactly as the preview server and the service worker send it.
    for (const [name, value] of Object.entries(responseHeaders(policy, missing ? '/404.html' : path))) {
      expect(res.headers[name.toLowerCase()], `${name} on ${path}`).toBe(value);
    }
    expect(res.headers['content-security-policy'], path).toBe(`${meta}; frame-ancestors 'none'`);
    expect(res.headers['cache-control'], path).toMatch(cache);
    if (gzip) expect(res.headers['content-encoding'], path).toBe('gzip');
    const file = join(dist, path.endsWith('/') ? join(path, 'index.html') : path);
    if (gzip && !missing) ratios.push(`${path}: ${(res.wireBytes / readFileSync(file).length).toFixed(2)}`);
  }
  console.log('gzip wire/raw:', ratios.join(', '));
  const preview = await fetchRaw(baseURL!, '/preview/');
  expect(preview.headers['content-security-policy']).toBe(responseHeaders(policy, '/preview/')['Content-Security-Policy']);
  expect(preview.headers['content-security-policy']).toMatch(/^default-src 'none'; script-src 'unsafe-inline'.*; frame-ancestors 'self'$/);
});

test('the main reader journey behind nginx: open phase 1, edit, run, read, answer the quiz', async ({ page, baseURL }) => {
  const watch = watchPage(page, { origin: new URL(baseURL!).origin });
  const encodings = new Map<string, string>();
  page.on('response', (r) => { if (r.url().endsWith('.wasm')) encodings.set(r.url(), r.headers()['content-encoding'] ?? 'none'); });
  await page.goto('/');
  await page.getByRole('link', { name: /^Start with phase 1:/ }).click();
  await expect(page).toHaveURL(new RegExp(`${PHASE1_PATH}$`));
  await page.goto(PHASE1); // the editor tests' longer run limit for a busy machine
  expect(await page.evaluate(() => crossOriginIsolated)).toBe(true);

  const editor = liveEditor(page, 'hello.py');
  const input = await openEditor(editor);
  await typeCode(page, input, 'def app(environ, start_response):\n    start_response("200 OK", [("Content-Type", "text/plain")])\n    return [b"hello from behind nginx"]\n');
  await editor.getByRole('button', { name: /^Run/ }).click();
  await expect(editor.locator('.le-response .le-status')).toHaveText('200 OK', { timeout: 120_000 });
  await expect(editor.getByLabel('Response body')).toHaveText('hello from behind nginx');
  expect([...encodings.values()]).toEqual(['gzip']);

  const quiz = page.getByRole('region', { name: 'Quick check' });
  const q1 = quiz.getByRole('group', { name: /^Question 1\./ });
  await q1.getByRole('radio').nth(await correctIndex(q1)).check();
  await quiz.getByRole('button', { name: 'Check question 1' }).click();
  await expect(q1.locator('xpath=..').getByRole('status')).toContainText('Right.');
  expect(watch.problems()).toEqual([]);
});
