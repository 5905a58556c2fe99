/**
 * Builds the site search index (Pagefind) inside `astro build`, into <outDir>/pagefind/, so it exists
 * before the service worker integration lists the built files: search then works offline after one
 * visit like every other page. Pages opt in through `data-pagefind-body` (src/layouts/Base.astro).
 */
import type { AstroIntegration } from 'astro';
import * as pagefind from 'pagefind';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterBuild } from './after-build.ts';

/** Pagefind's own count of indexed pages, per language, from the entry file it wrote to `bundle`. */
export async function indexedPages(bundle: string): Promise<number> {
  const entry = JSON.parse(await readFile(join(bundle, 'pagefind-entry.json'), 'utf8')) as { languages: Record<string, { page_count: number }> };
  return Object.values(entry.languages).reduce((sum, language) => sum + language.page_count, 0);
}

/**
 * Indexes the HTML pages under `site` (only those with data-pagefind-body, once any page has it) and
 * writes the index to `site`/pagefind, as `pagefind --site` would; returns files read and pages indexed.
 */
export async function writeSearchIndex(site: string): Promise<{ files: number; pages: number }> {
  try {
    const { index, errors } = await pagefind.createIndex({});
    if (!index) throw new Error(`pagefind: cannot create an index: ${errors.join('; ')}`);
    const added = await index.addDirectory({ path: site });
    if (added.errors.length) throw new Error(`pagefind: indexing ${site} failed: ${added.errors.join('; ')}`);
    const bundle = join(site, 'pagefind');
    const written = await index.writeFiles({ outputPath: bundle });
    if (written.errors.length) throw new Error(`pagefind: writing the index failed: ${written.errors.join('; ')}`);
    const pages = await indexedPages(bundle);
    // A build that indexes nothing would ship a search page that never finds anything: fail it instead.
    if (pages === 0) throw new Error(`pagefind: none of the ${added.page_count} HTML files under ${site} was indexed`);
    return { files: added.page_count, pages };
  } finally {
    // Pagefind runs as a child process; left running, it would keep `astro build` from exiting.
    await pagefind.close();
  }
}

/** The Astro integration; list it before serviceWorker(), which precaches what this writes. */
export function pagefindIndex(): AstroIntegration {
  return afterBuild('pagefind-index', async (dist, logger) => {
    const t0 = Date.now();
    const { files, pages } = await writeSearchIndex(dist);
    logger.info(`search index pagefind/: ${pages} pages indexed (of ${files} HTML files) in ${Date.now() - t0} ms`);
  });
}
