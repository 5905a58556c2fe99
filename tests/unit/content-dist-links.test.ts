import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// No broken internal link in the built site: every href/src that stays on the site points to a
// file that exists, and every #fragment to an id on the target page.
const dist = process.env.SITE_DIST ?? 'dist';
const skip = /^(pagefind|pyodide|_astro)\//;
const htmlFiles = existsSync(dist)
  ? readdirSync(dist, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.html') && !skip.test(f))
  : [];

const ids = new Map<string, Set<string>>();
function idsOf(file: string): Set<string> {
  if (!ids.has(file)) ids.set(file, new Set(attributesOf(readFileSync(file, 'utf8')).filter(([name]) => name === 'id').map(([, value]) => value)));
  return ids.get(file)!;
}

/**
 * The attributes of the document's tags, as [lower-case name, value] pairs. Only real start tags count:
 * text (a code sample showing `<a href="/logout">` is text, its `<` escaped), comments and the insides
 * of script and style elements are not markup, so nothing in them is a link of the site.
 */
const tagPattern = /<!--[\s\S]*?-->|<(script|style)\b((?:[^>"']|"[^"]*"|'[^']*')*)>[\s\S]*?<\/\1\s*>|<[a-zA-Z][^\s/>]*((?:[^>"']|"[^"]*"|'[^']*')*)>/gi;
const attributePattern = /([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;
export function attributesOf(html: string): [string, string][] {
  const found: [string, string][] = [];
  for (const tag of html.matchAll(tagPattern)) {
    const attrs = tag[2] ?? tag[3];
    if (attrs === undefined) continue; // a comment
    for (const a of attrs.matchAll(attributePattern)) found.push([a[1].toLowerCase(), a[2] ?? a[3] ?? a[4] ?? '']);
  }
  return found;
}

/** The built file a site path is served from, or null. */
function fileFor(pathname: string): string | null {
  const p = decodeURIComponent(pathname);
  for (const candidate of [join(dist, p), join(dist, p, 'index.html'), join(dist, `${p.replace(/\/$/, '')}.html`)]) {
    if (existsSync(candidate) && !candidate.endsWith('/') && readdirSafe(candidate)) return candidate;
  }
  return null;
}
function readdirSafe(file: string): boolean {
  try {
    readFileSync(file);
    return true;
  } catch {
    return false; // a directory
  }
}

describe('internal links of the built site', () => {
  it('reads links from tags only, not from code text, comments or scripts', () => {
    const html = `<p><a href="/a" class=x>a</a><img src='/b.svg' alt=""></p><!-- <a href="/c"> -->
      <pre><code><span>&#x3C;a href="/logout">Log out&#x3C;/a></span></code></pre>
      <script src="/d.js">const s = '<a href="/e">';</script><div title="1 > 0" id="f"></div>`;
    expect(attributesOf(html).filter(([name]) => ['href', 'src', 'id'].includes(name))).toEqual([
      ['href', '/a'], ['src', '/b.svg'], ['src', '/d.js'], ['id', 'f'],
    ]);
  });

  it('finds the built pages', () => {
    expect(htmlFiles.length, 'run the build first').toBeGreaterThan(3);
  });

  it.each(htmlFiles)('%s', (file) => {
    const html = readFileSync(join(dist, file), 'utf8');
    const base = new URL(`http://site/${file.replace(/index\.html$/, '')}`);
    const broken: string[] = [];
    for (const [attr, value] of attributesOf(html)) {
      if (attr !== 'href' && attr !== 'src') continue;
      if (/^[a-z][a-z0-9+.-]*:/i.test(value) && !value.startsWith('http://site/')) continue; // another scheme or origin
      const url = new URL(value.replace(/&amp;/g, '&'), base);
      const target = fileFor(url.pathname);
      if (!target) { broken.push(`${attr}="${value}": no such file`); continue; }
      const fragment = decodeURIComponent(url.hash.slice(1));
      if (fragment && target.endsWith('.html') && !idsOf(target).has(fragment)) broken.push(`${attr}="${value}": no id "${fragment}"`);
    }
    expect(broken).toEqual([]);
  });
});
