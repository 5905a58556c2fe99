/**
 * Writes /sw.js after `astro build`: the reviewed template beside this file with the list of every
 * built file and a content hash of them all as its version, so any change to any file is a new version
 * and an unchanged build is byte-identical (no needless update for readers).
 */
import type { AstroIntegration } from 'astro';
import { createHash } from 'node:crypto';
import { readFile, readdir, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

// Test-only pages and source maps are never worth a reader's disk space, nor Pagefind's ready-made
// search UIs (~430 KB): the search page runs its own (src/components/search-client.ts) on pagefind.js,
// whose worker, wasm and index files are kept.
const SKIP = [/^runtime-test\//, /\.map$/, /^sw\.js$/, /^pagefind\/pagefind-(ui|modular-ui|component-ui|highlight)\.(js|css)$/];

/** The URL path a built file is fetched by: "phases/x/index.html" → "/phases/x/". */
export function urlPathOf(file: string): string {
  return '/' + file.replace(/\\/g, '/').replace(/(^|\/)index\.html$/, '$1');
}

/** Every file of the built site the service worker precaches, with a hash of their contents. */
export async function precacheManifest(dist: string): Promise<{ files: string[]; version: string }> {
  const entries = (await readdir(dist, { recursive: true })).map((f) => f.replace(/\\/g, '/')).sort();
  const hash = createHash('sha256');
  const files: string[] = [];
  for (const file of entries) {
    if (SKIP.some((re) => re.test(file)) || !(await stat(join(dist, file))).isFile()) continue;
    hash.update(file).update('\0').update(await readFile(join(dist, file))).update('\0');
    files.push(urlPathOf(file));
  }
  return { files, version: hash.digest('hex').slice(0, 16) };
}

/** The service worker source for `files` and `version`. */
export async function serviceWorkerSource(files: string[], version: string): Promise<string> {
  const template = await readFile(new URL('./sw-template.js', import.meta.url), 'utf8');
  return template.replace("'__VERSION__'", JSON.stringify(version)).replace('__FILES__', JSON.stringify(files));
}

/** The Astro integration; list it after every integration that adds files to the build (pyodide-files, pagefind-index). */
export function serviceWorker(): AstroIntegration {
  return {
    name: 'service-worker',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const dist = fileURLToPath(dir);
        const { files, version } = await precacheManifest(dist);
        await writeFile(join(dist, 'sw.js'), await serviceWorkerSource(files, version));
        logger.info(`sw.js: version ${version}, ${files.length} files precached`);
      },
    },
  };
}
