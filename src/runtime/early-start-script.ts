/**
 * The inline <head> script of pages with live editors (issue 9): for a returning reader (Python
 * started in this browser before, so its files are cached), it creates the Python worker and sends
 * it `init` before the page is parsed and laid out. A worker created by the page's module scripts
 * starts only after the first layout of a long lesson (100–200 ms of main thread); from the head,
 * the warm first Run came 90 ms sooner (median 1121 → 1031 ms, A/B). The runtime client adopts
 * the worker (early-start.ts). Its text is constant, so its CSP hash is too; the worker's URL comes
 * from a <meta> the build fills in (src/integrations/python-worker-url.ts).
 */
import { createHash } from 'node:crypto';
import source from './early-start-init.js?raw';

export const earlyStartScript: string = source.trim();
export const earlyStartScriptHash = `'sha256-${createHash('sha256').update(earlyStartScript, 'utf8').digest('base64')}'`;

/** What the <meta> holds until the build writes the worker chunk's URL over it. */
export const PYTHON_WORKER_PLACEHOLDER = '__PYTHON_WORKER_URL__';
