/**
 * Writes the Python worker's built URL into every page that starts Python early
 * (src/runtime/early-start-script.ts). The worker chunk's name carries a content hash known only
 * after bundling, and the inline script must stay constant for its CSP hash, so the URL lives in a
 * <meta> that this step fills in. Fails the build when the chunk is missing or ambiguous.
 */
import type { AstroIntegration } from 'astro';
import { readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PYTHON_WORKER_PLACEHOLDER } from '../runtime/early-start-script.ts';

/** The Python worker's chunk among the built assets: worker-<hash>.js (Monaco's are editor.worker-…). */
export function pythonWorkerChunk(assets: string[]): string {
  const found = assets.filter((name) => /^worker-[\w-]+\.js$/.test(name));
  if (found.length !== 1) throw new Error(`expected one Python worker chunk (worker-*.js) in _astro/, found ${found.length}`);
  return found[0];
}

export function pythonWorkerUrl(): AstroIntegration {
  return {
    name: 'python-worker-url',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const root = fileURLToPath(dir);
        const url = `/_astro/${pythonWorkerChunk(await readdir(join(root, '_astro')))}`;
        let pages = 0;
        for (const file of await readdir(root, { recursive: true })) {
          if (!file.endsWith('.html')) continue;
          const html = await readFile(join(root, file), 'utf8');
          if (!html.includes(PYTHON_WORKER_PLACEHOLDER)) continue;
          await writeFile(join(root, file), html.replaceAll(PYTHON_WORKER_PLACEHOLDER, url));
          pages++;
        }
        logger.info(`Python worker ${url} written into ${pages} pages`);
      },
    },
  };
}
