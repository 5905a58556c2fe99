/**
 * Serves the self-hosted Pyodide under /pyodide/: copied from node_modules/pyodide into the built
 * site (never committed), served straight from node_modules by `astro dev`. It also tells the
 * worker bundle each file's size (__PYODIDE_FILE_SIZES__), so the load progress bar has a total
 * even when the server compresses and sends no Content-Length.
 */
import type { AstroIntegration } from 'astro';
import { copyFile, mkdir } from 'node:fs/promises';
import { createReadStream, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeSnapshot } from './pyodide-snapshot.ts';
import { SNAPSHOT_FILE } from '../runtime/snapshot-pages.ts';

/** The files Pyodide's core needs at run time (the npm package holds nothing else we use). */
export const PYODIDE_FILES = ['pyodide.mjs', 'pyodide.asm.mjs', 'pyodide.asm.wasm', 'python_stdlib.zip', 'pyodide-lock.json'];

const TYPES: Record<string, string> = {
  '.mjs': 'text/javascript', '.wasm': 'application/wasm', '.zip': 'application/zip', '.json': 'application/json',
};

function pyodideDir(): string {
  return dirname(createRequire(import.meta.url).resolve('pyodide/package.json'));
}

/** The Astro integration; `base` is the folder under the site root ("pyodide"). */
export function pyodideFiles(base = 'pyodide'): AstroIntegration {
  const source = pyodideDir();
  const sizes = Object.fromEntries(PYODIDE_FILES.map((f) => [f, statSync(join(source, f)).size]));
  return {
    name: 'pyodide-files',
    hooks: {
      'astro:config:setup': ({ updateConfig }) => {
        updateConfig({ vite: { define: { __PYODIDE_FILE_SIZES__: JSON.stringify(sizes) } } });
      },
      'astro:server:setup': ({ server }) => {
        server.middlewares.use((req, res, next) => {
          const path = (req.url ?? '').split('?')[0];
          const file = path.startsWith(`/${base}/`) ? path.slice(base.length + 2) : '';
          if (!PYODIDE_FILES.includes(file)) return next();
          res.setHeader('Content-Type', TYPES[file.slice(file.lastIndexOf('.'))] ?? 'application/octet-stream');
          res.setHeader('Content-Length', String(sizes[file]));
          createReadStream(join(source, file)).pipe(res);
        });
      },
      'astro:build:done': async ({ dir, logger }) => {
        const target = join(fileURLToPath(dir), base);
        await mkdir(target, { recursive: true });
        await Promise.all(PYODIDE_FILES.map((f) => copyFile(join(source, f), join(target, f))));
        logger.info(`copied ${PYODIDE_FILES.length} Pyodide files to ${base}/`);
        // The warm start: the worker restores this instead of starting Python (falls back when it is missing).
        const t0 = Date.now();
        const made = await writeSnapshot(target, fileURLToPath(new URL('../runtime/python', import.meta.url)), join(target, SNAPSHOT_FILE));
        logger.info(`memory snapshot ${base}/${SNAPSHOT_FILE}: ${(made.bytes / 1e6).toFixed(1)} MB gzip, ${made.modules} stdlib imports, ${Date.now() - t0} ms`);
      },
    },
  };
}
