import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Every page of the built site that wears the site frame (src/layouts/Base.astro,
 * recognised by its skip link), as URL paths: "/", "/phases/what-wsgi-is/", ...
 * 404.html is left out (tests reach it through an unknown URL); so are documents
 * that are not reader pages, such as the sandboxed HTML preview.
 */
export function builtPages(dist = process.env.SITE_DIST ?? 'dist'): string[] {
  return readdirSync(dist, { recursive: true, encoding: 'utf8' })
    // preview/ is the editors' sandboxed HTML preview frame (public/preview/), not a page of the site.
    .filter((file) => file.endsWith('.html') && !file.startsWith('pagefind') && !file.startsWith('preview/') && file !== '404.html')
    .filter((file) => readFileSync(join(dist, file), 'utf8').includes('class="skip-link"'))
    .map((file) => '/' + file.replace(/(^|\/)index\.html$/, '$1').replace(/\.html$/, '/'))
    .sort();
}

/** The phase pages of the built site, in reading order (the order the landing page lists them). */
export function phasePages(dist = process.env.SITE_DIST ?? 'dist'): string[] {
  const built = new Set(builtPages(dist).filter((path) => /^\/phases\/[^/]+\/$/.test(path)));
  const landing = readFileSync(join(dist, 'index.html'), 'utf8');
  const ordered = [...new Set([...landing.matchAll(/href="(\/phases\/[^/"]+\/)"/g)].map((m) => m[1]))];
  return [...ordered.filter((path) => built.has(path)), ...[...built].filter((path) => !ordered.includes(path))];
}

/** Built pages whose HTML contains `marker` (e.g. 'class="diagram"'). */
export function pagesContaining(marker: string, dist = process.env.SITE_DIST ?? 'dist'): string[] {
  return builtPages(dist).filter((path) => readFileSync(join(dist, path, 'index.html'), 'utf8').includes(marker));
}

/** A file-name-safe label for a page path. */
export function pageLabel(path: string): string {
  return path === '/' ? 'home' : path.replace(/^\/|\/$/g, '').replace(/\//g, '-');
}
