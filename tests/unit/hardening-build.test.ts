import { describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inlineScripts, scriptHash, SITE_CSP, unlistedInlineScripts } from '../../src/integrations/csp.ts';
import { precacheManifest, serviceWorkerSource, urlPathOf } from '../../src/integrations/service-worker/index.ts';
import { themeScript, themeScriptHash } from '../../src/components/theme-script.ts';
import { earlyStartScriptHash } from '../../src/runtime/early-start-script.ts';
import { writeSearchIndex } from '../../src/integrations/pagefind-index.ts';

// The build steps of issue 10: the CSP check that fails a build with an unlisted inline script, the
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
  it('lists the theme script and the early Python start, and nothing looser', () => {
    expect(SITE_CSP).toContain(`script-src 'self' ${themeScriptHash} ${earlyStartScriptHash} 'wasm-unsafe-eval'`);
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

  it('precaches every file but the test bench and maps; the version follows the content', async () => {
    const files = { 'index.html': 'home', 'phases/x/index.html': 'x', '_astro/a.js': 'a', '_astro/a.js.map': '{}', 'runtime-test/index.html': 't' };
    const first = await precacheManifest(site(files));
    expect(first.files).toEqual(['/_astro/a.js', '/', '/phases/x/']);
    expect((await precacheManifest(site(files))).version).toBe(first.version);
    expect((await precacheManifest(site({ ...files, '_astro/a.js': 'changed' }))).version).not.toBe(first.version);
    const source = await serviceWorkerSource(first.files, first.version);
    expect(source).toContain(`const VERSION = "${first.version}"`);
    expect(source).toContain('const FILES = ["/_astro/a.js","/","/phases/x/"]');
    expect(source).not.toContain('__');
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
    const listed = JSON.parse(/const FILES = (\[.*?\]);/.exec(readFileSync(join(dist, 'sw.js'), 'utf8'))![1]) as string[];
    const needed = readdirSync(join(dist, 'pagefind'), { recursive: true, encoding: 'utf8' })
      .filter((file) => /^(pagefind\.js|pagefind-worker\.js|pagefind-entry\.json|.*\.pagefind|.*\.pf_\w+)$/.test(file.replace(/^.*\//, '')))
      .map((file) => `/pagefind/${file}`);
    expect(needed).toContain('/pagefind/pagefind.js');
    expect(needed.filter((url) => !listed.includes(url))).toEqual([]);
  });
});
