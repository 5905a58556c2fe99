import { describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inlineScripts, scriptHash, SITE_CSP, unlistedInlineScripts } from '../../src/integrations/csp.ts';
import { precacheManifest, serviceWorkerSource, urlPathOf } from '../../src/integrations/service-worker/index.ts';
import { themeScript, themeScriptHash } from '../../src/components/theme-script.ts';

// The two build steps of issue 10: the CSP check that fails a build with an unlisted inline script,
// and the service worker's file list and version.

function site(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'hardening-unit-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

describe('csp', () => {
  it('lists the theme script and nothing looser', () => {
    expect(SITE_CSP).toContain(`script-src 'self' ${themeScriptHash} 'wasm-unsafe-eval'`);
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
