import { readdirSync } from 'node:fs';

/** Every page of the built site (dist/), as URL paths: "/", "/phases/what-wsgi-is/", ... (404.html excluded). */
export function builtPages(dist = 'dist'): string[] {
  return readdirSync(dist, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.html') && !file.startsWith('pagefind') && file !== '404.html')
    .map((file) => '/' + file.replace(/(^|\/)index\.html$/, '$1').replace(/\.html$/, '/'))
    .sort();
}

/** The phase pages of the built site. */
export function phasePages(dist = 'dist'): string[] {
  return builtPages(dist).filter((path) => /^\/phases\/[^/]+\/$/.test(path));
}

/** A file-name-safe label for a page path. */
export function pageLabel(path: string): string {
  return path === '/' ? 'home' : path.replace(/^\/|\/$/g, '').replace(/\//g, '-');
}
