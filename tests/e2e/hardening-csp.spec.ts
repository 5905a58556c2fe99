import { test, expect } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { builtPages } from './helpers/pages.ts';
import { watchPage } from './helpers/watch-page.ts';
import { liveEditor, openEditor, PHASE1, typeCode } from './editor-page.ts';

// The strict Content-Security-Policy holds on every page: it is there, the same everywhere, strict
// (src/integrations/csp.ts), and nothing the site does (editor, Python worker, search) violates it.
const dist = process.env.SITE_DIST ?? 'dist';

/** The policy in a built page's <meta>, or null. */
export function metaPolicy(path: string): string | null {
  const html = readFileSync(join(dist, path, 'index.html'), 'utf8');
  const meta = html.match(/<meta http-equiv="Content-Security-Policy" content="([^"]*)"/);
  return meta ? meta[1].replace(/&#39;/g, "'").replace(/&amp;/g, '&') : null;
}

test.setTimeout(180_000);

test('every built page carries the same strict policy before any script', () => {
  const pages = builtPages();
  expect(pages.length).toBeGreaterThan(5);
  const policy = metaPolicy('/')!;
  // Three hashed inline scripts (theme, early Python start, the Python sandbox frame's host); blob: only
  // for the sandbox frame's worker and modules (docs/decisions/reader-code-sandbox.md).
  expect(policy).toMatch(/^default-src 'self'; script-src 'self'( 'sha256-[A-Za-z0-9+/=]{44}'){3} 'wasm-unsafe-eval' blob:; worker-src 'self' blob:;/);
  expect(policy).not.toMatch(/'unsafe-eval'|script-src[^;]*unsafe-inline|https?:|\*/);
  for (const path of pages) {
    const html = readFileSync(join(dist, path, 'index.html'), 'utf8');
    expect(metaPolicy(path), path).toBe(policy);
    expect(html.indexOf('http-equiv="Content-Security-Policy"'), path).toBeLessThan(html.indexOf('<script'));
  }
});

test('every page loads without a CSP violation or a request to another origin', async ({ page }) => {
  const watch = watchPage(page);
  for (const path of builtPages()) {
    await page.goto(path);
    await page.waitForLoadState('load');
  }
  expect(watch.problems()).toEqual([]);
});

test('the editor and Python run under the policy (Monaco, its worker, the Python worker, wasm)', async ({ page }) => {
  const watch = watchPage(page);
  await page.goto(PHASE1);
  const editor = liveEditor(page, 'hello.py');
  const input = await openEditor(editor);
  await typeCode(page, input, 'def app(environ, start_response):\n    start_response("200 OK", [("Content-Type", "text/plain")])\n    return [b"under the policy"]\n');
  await editor.getByRole('button', { name: /^Run/ }).click();
  // Generous: Python's first start on two busy shared cores can take far longer than on a laptop.
  await expect(editor.locator('.le-response .le-status')).toHaveText('200 OK', { timeout: 90_000 });
  await expect(editor.getByLabel('Response body')).toHaveText('under the policy');
  expect(watch.problems()).toEqual([]);
});

test('an inline script injected into a page is refused (the policy is enforced, not just present)', async ({ page }) => {
  const violations: string[] = [];
  await page.exposeFunction('reportViolation', (text: string) => violations.push(text));
  await page.goto('/');
  const ran = await page.evaluate(async () => {
    document.addEventListener('securitypolicyviolation', (e) => (window as any).reportViolation(e.effectiveDirective));
    const script = document.createElement('script');
    script.textContent = 'window.__injected = true';
    document.body.append(script);
    await new Promise((resolve) => setTimeout(resolve, 100));
    return (window as any).__injected === true;
  });
  expect(ran).toBe(false);
  await expect.poll(() => violations).toContain('script-src-elem');
});
