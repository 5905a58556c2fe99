/**
 * Writes /sw.js after `astro build`: the reviewed template beside this file with every built file and
 * the SHA-256 of its bytes (the worker serves nothing from its cache that does not match), a hash of them
 * all as its version, so any change to any file is a new version and an unchanged build is byte-identical
 * (no needless update for readers), and the response headers of ../serving-policy.ts.
 */
import type { AstroIntegration } from 'astro';
import { createHash } from 'node:crypto';
import { readFile, readdir, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterBuild } from '../after-build.ts';
import { COMMON_HEADERS, DEPLOY_DIR, ISOLATION_HEADERS, MIME_TYPES, readServingPolicy } from '../serving-policy.ts';

// Test-only pages (../serving-files.ts moves them out of the build anyway), the build's deploy files and
// source maps are never worth a reader's disk space, nor Pagefind's ready-made search UIs (~430 KB): the
// search page runs its own (src/components/search-client.ts) on pagefind.js, whose worker, wasm and
// index files are kept.
const SKIP = [/^runtime-test\//, new RegExp(`^${DEPLOY_DIR}/`), /\.map$/, /^sw\.js$/, /^pagefind\/pagefind-(ui|modular-ui|component-ui|highlight)\.(js|css)$/];

/** The URL path a built file is fetched by: "phases/x/index.html" → "/phases/x/". */
export function urlPathOf(file: string): string {
  return '/' + file.replace(/\\/g, '/').replace(/(^|\/)index\.html$/, '$1');
}

export interface PrecacheManifest {
  files: string[];
  /** URL path → SHA-256 of the file's bytes, base64 (as crypto.subtle.digest gives it in the worker). */
  integrity: Record<string, string>;
  version: string;
}

/** Every file of the built site the service worker precaches, with the hash of each and of them all. */
export async function precacheManifest(dist: string): Promise<PrecacheManifest> {
  const entries = (await readdir(dist, { recursive: true })).map((f) => f.replace(/\\/g, '/')).sort();
  const hash = createHash('sha256');
  const files: string[] = [];
  const integrity: Record<string, string> = {};
  for (const file of entries) {
    if (SKIP.some((re) => re.test(file)) || !(await stat(join(dist, file))).isFile()) continue;
    const bytes = await readFile(join(dist, file));
    hash.update(file).update('\0').update(bytes).update('\0');
    files.push(urlPathOf(file));
    integrity[urlPathOf(file)] = createHash('sha256').update(bytes).digest('base64');
  }
  return { files, integrity, version: hash.digest('hex').slice(0, 16) };
}

/** The headers the worker adds to its answers: the serving policy of the build in `dist`. */
export function workerPolicy(dist: string): { isolation: Record<string, string>; common: Record<string, string>; csp: Record<string, string>; types: Record<string, string> } {
  return { isolation: { ...ISOLATION_HEADERS }, common: { ...COMMON_HEADERS }, csp: readServingPolicy(dist)?.csp ?? {}, types: { ...MIME_TYPES } };
}

/** The service worker source for a manifest and a header policy. */
export async function serviceWorkerSource(manifest: PrecacheManifest, policy: ReturnType<typeof workerPolicy>): Promise<string> {
  const template = await readFile(new URL('./sw-template.js', import.meta.url), 'utf8');
  return template
    .replace("'__VERSION__'", () => JSON.stringify(manifest.version))
    .replace('__INTEGRITY__', () => JSON.stringify(manifest.integrity))
    .replace('__POLICY__', () => JSON.stringify(policy));
}

/** The Astro integration; list it after every integration that adds files to the build (pyodide-files, pagefind-index). */
export function serviceWorker(): AstroIntegration {
  return afterBuild('service-worker', async (dist, logger) => {
    const manifest = await precacheManifest(dist);
    await writeFile(join(dist, 'sw.js'), await serviceWorkerSource(manifest, workerPolicy(dist)));
    logger.info(`sw.js: version ${manifest.version}, ${manifest.files.length} files precached and verified by SHA-256`);
  });
}
