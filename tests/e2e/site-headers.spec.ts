import { test, expect } from '@playwright/test';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { join } from 'node:path';
import { phasePages } from './helpers/pages.ts';
import { watchPage } from './helpers/watch-page.ts';

// Cross-origin isolation (for interrupting runaway Python) needs both headers on every response.
const isolation = {
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-embedder-policy': 'require-corp',
};

/** The isolation headers a response lacks, as readable lines. */
function missing(url: string, headers: Record<string, string>): string[] {
  return Object.entries(isolation)
    .filter(([name, value]) => headers[name] !== value)
    .map(([name]) => `${name} missing on ${url}`);
}

test('the preview server sends COOP and COEP on pages and on every asset they load', async ({ page }) => {
  const problems: string[] = [];
  const seen: string[] = [];
  page.on('response', (response) => {
    // blob: URLs (the sandboxed Python worker's script) come from the page's memory, not from a server.
    if (!response.url().startsWith('http')) return;
    problems.push(...missing(response.url(), response.headers()));
    seen.push(new URL(response.url()).pathname);
  });
  await page.goto(phasePages()[0]);
  const diagram = page.locator('figure.diagram img:visible').first();
  if (await diagram.count()) {
    await diagram.scrollIntoViewIfNeeded();
    await expect.poll(() => diagram.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBeGreaterThan(0);
  }
  expect(await page.evaluate(() => crossOriginIsolated)).toBe(true);
  expect(seen.some((path) => path.endsWith('.css'))).toBe(true);
  expect(seen.some((path) => path.endsWith('.js'))).toBe(true);
  expect(problems).toEqual([]);
});

test('the search page, its index, the icon and a 404 carry them too', async ({ request }) => {
  const paths = { '/pagefind/pagefind.js': 200, '/favicon.svg': 200, '/search/': 200, '/no-such-page/': 404, '/_astro/missing.js': 404 };
  const problems: string[] = [];
  for (const [path, status] of Object.entries(paths)) {
    const response = await request.get(path);
    expect(response.status(), path).toBe(status);
    problems.push(...missing(path, response.headers()));
  }
  expect(problems).toEqual([]);
});

test('a mistyped address shows the site’s 404 page, cross-origin isolated', async ({ page }) => {
  const response = await page.goto('/phases/no-such-phase/');
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  expect(await page.evaluate(() => crossOriginIsolated)).toBe(true);
});

// Every server we ship sends the serving policy (src/integrations/serving-policy.ts) on every response:
// the CSP as a header with frame-ancestors (workers take their policy from their script's response),
// Referrer-Policy, Permissions-Policy, plus isolation; 404s, redirects and bad requests included.
const dist = process.env.SITE_DIST ?? 'dist';
const metaPolicy = () => readFileSync(join(dist, 'index.html'), 'utf8').match(/http-equiv="Content-Security-Policy" content="([^"]*)"/)![1].replace(/&#39;/g, "'");

/** What a response lacks of the serving policy, as readable lines. */
function policyProblems(path: string, status: number, headers: Record<string, string>): string[] {
  const problems = missing(`${path} (${status})`, headers);
  const csp = headers['content-security-policy'] ?? '';
  const frame = path.startsWith('/preview/') && status === 200 ? "frame-ancestors 'self'" : "frame-ancestors 'none'";
  if (!csp.split(/;\s*/).includes(frame)) problems.push(`${path} (${status}): CSP header without ${frame}: ${csp.slice(0, 60)}…`);
  if (frame.endsWith("'none'") && !csp.startsWith(metaPolicy())) problems.push(`${path} (${status}): CSP header is not the pages' policy`);
  if (!/^(no-referrer|same-origin|strict-origin)$/.test(headers['referrer-policy'] ?? '')) problems.push(`${path} (${status}): Referrer-Policy ${headers['referrer-policy']}`);
  if (!/(^|, )camera=\(\)/.test(headers['permissions-policy'] ?? '')) problems.push(`${path} (${status}): Permissions-Policy ${headers['permissions-policy']}`);
  return problems;
}

/** GET a raw request target (not normalised by a URL parser); status and headers, or the socket error. */
function rawGet(baseURL: string, target: string): Promise<{ status: number; headers: Record<string, string> } | { error: string }> {
  const { hostname, port } = new URL(baseURL);
  return new Promise((resolve) => {
    const req = httpRequest({ hostname, port, path: target, method: 'GET' }, (res) => {
      res.resume();
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers as Record<string, string> }));
    });
    req.on('error', (error) => resolve({ error: error.message }));
    req.end();
  });
}

test('every file of the build, workers’ scripts, a redirect and 404s carry the CSP header with frame-ancestors, Referrer- and Permissions-Policy', async ({ request }) => {
  const files = readdirSync(dist, { recursive: true, encoding: 'utf8' })
    .filter((file) => !file.startsWith('_deploy') && statSync(join(dist, file)).isFile())
    .map((file) => '/' + file.replace(/(^|\/)index\.html$/, '$1'));
  expect(files.filter((path) => /worker[^/]*\.js$/.test(path)).length, 'the Python, editor and search workers').toBeGreaterThanOrEqual(3);
  const problems: string[] = [];
  for (const [path, status] of [...files.map((path) => [path, 200] as const), ['/phases/what-wsgi-is', 301], ['/no-such-page/', 404], ['/_astro/missing.js', 404], ['/preview/missing', 404], ['/_deploy/serving-policy.json', 404]] as const) {
    const response = await request.fetch(path, { method: 'HEAD', maxRedirects: 0 });
    expect(response.status(), path).toBe(status);
    problems.push(...policyProblems(path, status, response.headers()));
  }
  expect(problems).toEqual([]);
});

test('a malformed URL is answered 400 with the same headers, and the server keeps serving', async ({ baseURL, request }) => {
  const bad = await rawGet(baseURL!, '/%E0%A4%A');
  expect(bad).toMatchObject({ status: 400 });
  if ('headers' in bad) expect(policyProblems('/%E0%A4%A', 400, bad.headers)).toEqual([]);
  expect((await request.get('/')).status()).toBe(200);
});

test('another origin cannot frame the site; the editors’ preview frame is framed by the site itself', async ({ page, baseURL }) => {
  const watch = watchPage(page);
  await page.goto('/');
  expect(watch.problems(), 'no console error (e.g. an unknown Permissions-Policy feature)').toEqual([]);
  const framer = await page.context().newPage();
  const blocked = new Promise<string>((resolve) => framer.on('console', (m) => { if (/frame-ancestors/.test(m.text())) resolve(m.text()); }));
  await framer.setContent(`<iframe src="${baseURL}/" title="framed home"></iframe><iframe src="${baseURL}/playground/" title="framed playground"></iframe>`);
  expect(await blocked).toMatch(/frame-ancestors 'none'/);
  // Each framed page was replaced by the browser's error page: the site never rendered inside another origin.
  await expect.poll(() => framer.frames().slice(1).map((frame) => frame.url())).toEqual(['chrome-error://chromewebdata/', 'chrome-error://chromewebdata/']);
  // The preview frame is served with frame-ancestors 'self', and the site's own page may frame it.
  const preview = await page.evaluate(async () => {
    const frame = Object.assign(document.createElement('iframe'), { src: '/preview/', sandbox: 'allow-scripts' });
    const ready = new Promise<string>((resolve) => addEventListener('message', (e) => resolve(e.data?.type), { once: true }));
    document.body.append(frame);
    return ready;
  });
  expect(preview).toBe('ready');
});
