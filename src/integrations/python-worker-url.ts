/**
 * Writes the early-start module's built URL into every page that starts Python early
 * (src/runtime/early-start-script.ts). The chunk's name carries a content hash known only after
 * bundling, and the inline script must stay constant for its CSP hash, so the URL lives in a
 * <meta> that this step fills in. Fails the build when the chunk is missing or ambiguous.
 */
import type { AstroIntegration } from 'astro';
import type { Plugin } from 'vite';
import { readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PYTHON_EARLY_PLACEHOLDER } from '../runtime/early-start-script.ts';

/** The one built chunk among `assets` whose name is `<stem>-<hash>.js` or `<stem>.<hash>.js`. */
function chunkNamed(assets: string[], stem: string): string {
  const found = assets.filter((name) => new RegExp(`^${stem}[.-][\\w-]+\\.js$`).test(name));
  if (found.length !== 1) throw new Error(`expected one ${stem} chunk (${stem}-*.js) in _astro/, found ${found.length}`);
  return found[0];
}

/** The Python worker's chunk among the built assets: worker-<hash>.js (Monaco's are editor.worker-…). */
export function pythonWorkerChunk(assets: string[]): string {
  return chunkNamed(assets, 'worker');
}

/** The early-start module's chunk: early-python-<hash>.js. */
export function earlyPythonChunk(assets: string[]): string {
  return chunkNamed(assets, 'early-python');
}

const EARLY_MODULE = fileURLToPath(new URL('../runtime/sandbox/early-python.ts', import.meta.url));

/** Vite plugin: the early-start module becomes a chunk of the page bundle (sharing its modules), though
 * no page script imports it — only the inline head script does, by URL. */
function emitEarlyChunk(): Plugin {
  return {
    name: 'emit-early-python',
    apply: 'build',
    applyToEnvironment: (environment) => environment.name === 'client',
    buildStart() { this.emitFile({ type: 'chunk', id: EARLY_MODULE, name: 'early-python' }); },
  };
}

export function pythonWorkerUrl(): AstroIntegration {
  return {
    name: 'python-worker-url',
    hooks: {
      'astro:config:setup': ({ updateConfig }) => { updateConfig({ vite: { plugins: [emitEarlyChunk()] } }); },
      'astro:build:done': async ({ dir, logger }) => {
        const root = fileURLToPath(dir);
        const assets = await readdir(join(root, '_astro'));
        pythonWorkerChunk(assets); // exactly one, or the sandbox would fetch the wrong source
        const url = `/_astro/${earlyPythonChunk(assets)}`;
        let pages = 0;
        for (const file of await readdir(root, { recursive: true })) {
          if (!file.endsWith('.html')) continue;
          const html = await readFile(join(root, file), 'utf8');
          if (!html.includes(PYTHON_EARLY_PLACEHOLDER)) continue;
          await writeFile(join(root, file), html.replaceAll(PYTHON_EARLY_PLACEHOLDER, url));
          pages++;
        }
        logger.info(`early Python start ${url} written into ${pages} pages`);
      },
    },
  };
}
