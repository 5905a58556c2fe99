import { describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { headerPolicies, inlineScripts, PREVIEW_CSP, scriptHash, SITE_CSP, unlistedInlineScripts } from '../../src/integrations/csp.ts';
import { precacheManifest, serviceWorkerSource, urlPathOf, workerPolicy } from '../../src/integrations/service-worker/index.ts';
import { moveTestPages, writeServingFiles } from '../../src/integrations/serving-files.ts';
import { cacheControl, nginxIncludes, readServingPolicy, responseHeaders, testPagesDir } from '../../src/integrations/serving-policy.ts';
import { themeScript, themeScriptHash } from '../../src/components/theme-script.ts';
import { earlyStartScriptHash } from '../../src/runtime/early-start-script.ts';
import { frameHostScript } from '../../src/runtime/sandbox/srcdoc.ts';
import { writeSearchIndex } from '../../src/integrations/pagefind-index.ts';

// The hardening build steps: the CSP check that fails a build with an unlisted inline script, the
// service worker's file list and version, and the search index built before that list is made.

function site(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'hardening-unit-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

describe('csp', () => {
  it('lists the theme script, the early Python start and the sandbox frame host, and nothing looser', () => {
    const host = scriptHash(frameHostScript);
    expect(SITE_CSP).toContain(`script-src 'self' ${themeScriptHash} ${earlyStartScriptHash} ${host} 'wasm-unsafe-eval' blob:`);
    expect(SITE_CSP).toContain("worker-src 'self' blob:;");
    expect(SITE_CSP).not.toMatch(/'unsafe-eval'|script-src[^;]*'unsafe-inline'|\*/);
  });

  it('finds executable inline scripts only (not src=, not JSON data blocks)', () => {
    const html = '<script src="/a.js"></script><script type="application/json">{"a":1}</script><script>run()</script><script type="module">go()</script>';
    expect(inlineScripts(html)).toEqual(['run()', 'go()']);
  });

  it('reports a page with an unlisted inline script, accepts the theme script, skips the preview frame', async () => {
    const dir = site({
      'index.html': `<script>${themeScript}</script>`,
      'bad/index.html': '<script>alert(1)</script>',
      'preview/index.html': '<script>anything()</script>',
    });
    const problems = await unlistedInlineScripts(dir);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain(`bad/index.html: inline script ${scriptHash('alert(1)')}`);
  });
});

describe('service worker', () => {
  it('maps built files to the URLs pages fetch', () => {
    expect(urlPathOf('index.html')).toBe('/');
    expect(urlPathOf('phases/x/index.html')).toBe('/phases/x/');
    expect(urlPathOf('_astro/a.B1.js')).toBe('/_astro/a.B1.js');
  });

  it('precaches every file but the test bench, deploy files and maps, each with its SHA-256; the version follows the content', async () => {
    const files = { 'index.html': 'home', 'phases/x/index.html': 'x', '_astro/a.js': 'a', '_astro/a.js.map': '{}', 'runtime-test/index.html': 't', '_deploy/serving-policy.json': '{}' };
    const first = await precacheManifest(site(files));
    expect(first.files).toEqual(['/_astro/a.js', '/', '/phases/x/']);
    expect(first.integrity['/_astro/a.js']).toBe(createHash('sha256').update('a').digest('base64'));
    expect((await precacheManifest(site(files))).version).toBe(first.version);
    expect((await precacheManifest(site({ ...files, '_astro/a.js': 'changed' }))).version).not.toBe(first.version);
    const dir = site(files);
    await writeServingFiles(dir, { csp: headerPolicies("default-src 'self'") });
    const source = await serviceWorkerSource(first, workerPolicy(dir));
    expect(source).toContain(`const VERSION = "${first.version}"`);
    expect(source).toContain(`const INTEGRITY = ${JSON.stringify(first.integrity)}`);
    expect(source).toContain(`"/":"default-src 'self'; frame-ancestors 'none'"`);
    expect(source).toContain('"Permissions-Policy":"accelerometer=()');
    expect(source).not.toContain('__');
  });
});

describe('serving policy', () => {
  it('sends the CSP with frame-ancestors, Referrer- and Permissions-Policy, isolation and cache rules by path', () => {
    const policy = { csp: headerPolicies() };
    const page = responseHeaders(policy, '/phases/x/');
    expect(page['Content-Security-Policy']).toBe(`${SITE_CSP}; frame-ancestors 'none'`);
    expect(page['Cross-Origin-Embedder-Policy']).toBe('require-corp');
    expect(page['Referrer-Policy']).toMatch(/^(no-referrer|same-origin)$/);
    expect(page['Permissions-Policy']).toMatch(/(^|, )camera=\(\)/);
    expect(page['Cache-Control']).toBe('no-cache');
    expect(responseHeaders(policy, '/preview/')['Content-Security-Policy']).toBe(`${PREVIEW_CSP}; frame-ancestors 'self'`);
    expect(responseHeaders(policy, '/_astro/a.js', { isolated: false })).not.toHaveProperty('Cross-Origin-Opener-Policy');
    expect(cacheControl('/_astro/a.js')).toMatch(/immutable/);
    // The <meta> never carries frame-ancestors: browsers ignore it there, with a console error.
    expect(SITE_CSP).not.toContain('frame-ancestors');
  });

  it('the preview frame’s <meta> policy is the one its header sends', () => {
    const html = readFileSync('public/preview/index.html', 'utf8');
    expect(html).toContain(`content="${PREVIEW_CSP}"`);
  });

  it('writes nginx includes with every header, the CSP by path, and nothing nginx would read as a variable', async () => {
    const { maps, headers } = nginxIncludes({ csp: headerPolicies() });
    expect(maps).toContain(`default "${SITE_CSP}; frame-ancestors 'none'";`);
    expect(maps).toContain(`~^/preview/ "${PREVIEW_CSP}; frame-ancestors 'self'";`);
    expect(maps).toContain('~^/_astro/ "public, max-age=31536000, immutable";');
    for (const name of Object.keys(responseHeaders({ csp: headerPolicies() }, '/'))) {
      expect(headers, name).toMatch(new RegExp(`^add_header ${name} .* always;$`, 'm'));
    }
    expect(() => nginxIncludes({ csp: { '/': 'script-src $evil' } })).toThrow(/cannot write/);
    const dir = site({ 'index.html': 'home' });
    await writeServingFiles(dir);
    expect(readServingPolicy(dir)).toEqual({ csp: headerPolicies() });
    expect(readFileSync(join(dir, '_deploy/nginx-maps.conf'), 'utf8')).toBe(maps);
  });

  it('moves the runtime test bench and its script out of the build, beside it', async () => {
    const dir = site({ 'index.html': 'home', 'runtime-test/index.html': 't', '_astro/runtime-test.astro_astro_type_script_index_0_lang.X1.js': 's', '_astro/client.Y.js': 'c' });
    expect(await moveTestPages(dir)).toEqual(['_astro/runtime-test.astro_astro_type_script_index_0_lang.X1.js', 'runtime-test/index.html']);
    expect(existsSync(join(dir, 'runtime-test'))).toBe(false);
    expect(existsSync(join(dir, '_astro/client.Y.js'))).toBe(true);
    expect(readFileSync(join(testPagesDir(dir), 'runtime-test/index.html'), 'utf8')).toBe('t');
  });
});

/** A page as the layout marks it: only <main data-pagefind-body> is indexed. */
const page = (title: string, text: string) =>
  `<!doctype html><html lang="en"><head><title>${title}</title></head><body><nav>Site nav</nav><main data-pagefind-body><h1>${title}</h1><p>${text}</p></main></body></html>`;

describe('search index', () => {
  it('indexes the marked pages into pagefind/, and the service worker precaches what search fetches', async () => {
    const dir = site({
      'index.html': page('Home', 'Start here.'),
      'phases/x/index.html': page('Middleware', 'Middleware wraps an app.'),
      'search/index.html': '<!doctype html><html lang="en"><body><main><h1>Search</h1></main></body></html>',
    });
    expect(await writeSearchIndex(dir)).toEqual({ files: 3, pages: 2 });
    const { files } = await precacheManifest(dir);
    const bundle = files.filter((url) => url.startsWith('/pagefind/'));
    expect(bundle).toEqual(expect.arrayContaining(['/pagefind/pagefind.js', '/pagefind/pagefind-worker.js', '/pagefind/pagefind-entry.json', '/pagefind/wasm.en.pagefind']));
    expect(bundle.some((url) => /^\/pagefind\/index\/.+\.pf_index$/.test(url))).toBe(true);
    expect(bundle.filter((url) => url.startsWith('/pagefind/fragment/'))).toHaveLength(2);
    // Pagefind's ready-made UIs are written but never loaded by the site's own search client.
    expect(existsSync(join(dir, 'pagefind/pagefind-ui.js'))).toBe(true);
    expect(bundle.some((url) => /pagefind-(ui|modular-ui|component-ui|highlight)\./.test(url))).toBe(false);
  });

  it('fails the build when there is nothing to index', async () => {
    await expect(writeSearchIndex(site({ 'robots.txt': 'User-agent: *' }))).rejects.toThrow(/none of the 0 HTML files .* was indexed/);
  });
});

// The real build (stage 10, or SITE_DIST for a private `astro build --outDir`): the index is there and
// in sw.js's list, so search works offline after one visit.
describe('the built site', () => {
  const dist = process.env.SITE_DIST ?? 'dist';

  it('has pagefind/pagefind.js and precaches every index file the search page needs', () => {
    expect(existsSync(join(dist, 'pagefind/pagefind.js')), `${dist}/pagefind/pagefind.js: run \`npm run build\``).toBe(true);
    const listed = Object.keys(JSON.parse(/const INTEGRITY = (\{.*?\});/.exec(readFileSync(join(dist, 'sw.js'), 'utf8'))![1]));
    const needed = readdirSync(join(dist, 'pagefind'), { recursive: true, encoding: 'utf8' })
      .filter((file) => /^(pagefind\.js|pagefind-worker\.js|pagefind-entry\.json|.*\.pagefind|.*\.pf_\w+)$/.test(file.replace(/^.*\//, '')))
      .map((file) => `/pagefind/${file}`);
    expect(needed).toContain('/pagefind/pagefind.js');
    expect(needed.filter((url) => !listed.includes(url))).toEqual([]);
  });

  it('does not contain the runtime test bench (it is beside the build, for the test servers)', () => {
    expect(existsSync(join(dist, 'runtime-test'))).toBe(false);
    expect(readdirSync(join(dist, '_astro')).filter((f) => f.startsWith('runtime-test'))).toEqual([]);
    expect(existsSync(join(testPagesDir(dist), 'runtime-test/index.html'))).toBe(true);
    expect(readFileSync(join(dist, 'sw.js'), 'utf8')).not.toContain('runtime-test');
  });

  it('carries its serving policy: the headers of the CSP in its pages, plus frame-ancestors', () => {
    const meta = readFileSync(join(dist, 'index.html'), 'utf8').match(/http-equiv="Content-Security-Policy" content="([^"]*)"/)![1].replace(/&#39;/g, "'");
    expect(readServingPolicy(dist)?.csp['/']).toBe(`${meta}; frame-ancestors 'none'`);
  });
});
