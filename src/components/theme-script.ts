import { createHash } from 'node:crypto';
import source from './theme-init.js?raw';

/** The no-flash theme script exactly as inlined in every page's <head>. */
export const themeScript: string = source.trim();

/** CSP source expression for the theme script, e.g. for `script-src 'self' <hash>`. */
export const themeScriptHash = `'sha256-${createHash('sha256').update(themeScript, 'utf8').digest('base64')}'`;
