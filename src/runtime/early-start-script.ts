/**
 * The inline <head> script of pages with live editors: for a returning reader (Python
 * started in this browser before, so its files are cached), it imports the early-start module
 * (sandbox/early-python.ts), which starts the sandboxed Python worker and sends it `init` before the
 * page's own scripts run and its first layout. The runtime client adopts that worker (early-start.ts).
 * Its text is constant, so its CSP hash is too; the module's URL comes from a <meta> the build fills
 * in (src/integrations/python-worker-url.ts).
 */
import { createHash } from 'node:crypto';
import source from './early-start-init.js?raw';

export const earlyStartScript: string = source.trim();
export const earlyStartScriptHash = `'sha256-${createHash('sha256').update(earlyStartScript, 'utf8').digest('base64')}'`;

/** What the <meta> holds until the build writes the early module's chunk URL over it. */
export const PYTHON_EARLY_PLACEHOLDER = '__PYTHON_EARLY_URL__';
