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
  if (!ids.has(file)) ids.set(file, new Set([...readFileSync(file, 'utf8').matchAll(/\sid="([^"]+)"/g)].map((m) => m[1])));
  return ids.get(file)!;
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
  it('finds the built pages', () => {
    expect(htmlFiles.length, 'run the build first').toBeGreaterThan(3);
  });

  it.each(htmlFiles)('%s', (file) => {
    const html = readFileSync(join(dist, file), 'utf8');
    const base = new URL(`http://site/${file.replace(/index\.html$/, '')}`);
    const broken: string[] = [];
    for (const [, attr, value] of html.matchAll(/\s(href|src)="([^"]*)"/g)) {
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
