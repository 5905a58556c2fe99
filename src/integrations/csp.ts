/**
 * The site's Content-Security-Policy, in one place. Pages carry it as a <meta> (src/layouts/Base.astro);
 * every server we ship sends it as a header too, with frame-ancestors (headerPolicies(), served through
 * ./serving-policy.ts), and the nginx test (tests/e2e/hardening-nginx.spec.ts) fails if they drift apart. After a build, every
 * built page is checked: an inline script whose hash the policy does not list fails the build, because
 * the browser would refuse to run it.
 */
import type { AstroIntegration } from 'astro';
import { createHash } from 'node:crypto';
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterBuild } from './after-build.ts';
import { themeScriptHash } from '../components/theme-script.ts';
import { earlyStartScriptHash } from '../runtime/early-start-script.ts';
import { frameHostScript } from '../runtime/sandbox/srcdoc.ts';

/** Hashes of every inline script the site's pages may run: the no-flash theme script, the early
 * Python start of pages with live editors, and the host script of the Python sandbox frame (a srcdoc
 * document runs under the policy of the page that made it). */
export const INLINE_SCRIPT_HASHES: readonly string[] = [themeScriptHash, earlyStartScriptHash, scriptHash(frameHostScript)];

/** The policy of every page of the site (not of the sandboxed HTML preview, which has its own). */
export function sitePolicy(hashes: readonly string[] = INLINE_SCRIPT_HASHES): string {
  return [
    "default-src 'self'",
    // 'wasm-unsafe-eval' lets Pyodide compile its WebAssembly; no other eval of any kind. blob: is for
    // the Python sandbox (docs/decisions/reader-code-sandbox.md): its frame inherits this policy and
    // starts the worker, and imports the runtime and Pyodide, from blob: URLs of its own opaque origin.
    `script-src 'self' ${hashes.join(' ')} 'wasm-unsafe-eval' blob:`,
    "worker-src 'self' blob:",
    // Style attributes: shiki colours tokens with style="--shiki-…" and Monaco positions its views
    // with them. <style> elements: Monaco writes its theme and decorations into <style> elements it
    // creates at run time, with no nonce hook (microsoft/monaco-editor#271), so they must be allowed.
    "style-src 'self'",
    "style-src-elem 'self' 'unsafe-inline'",
    "style-src-attr 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "frame-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
  ].join('; ');
}

/** The policy as one string, for the page <meta>. */
export const SITE_CSP = sitePolicy();

/** The HTML preview frame's own policy (public/preview/index.html carries it as a <meta>): no network at all. */
export const PREVIEW_CSP =
  "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data: blob:; font-src data:; media-src data: blob:; form-action 'none'; base-uri 'none'";

/** The in-page browser's host page (public/preview/browser/index.html, docs/decisions/in-page-browser.md):
 * the preview's policy, except that the site's page may set its <base> (the reader's page resolves its
 * URLs against it). frame-src stays 'none': that is what stops and reports each navigation of the page. */
export const BROWSER_CSP = PREVIEW_CSP.replace("base-uri 'none'", "base-uri 'self'");

/**
 * The policies as response headers, by path prefix (./serving-policy.ts serves them): the page policies
 * plus what only a header can say. frame-ancestors: no other origin may frame the site (a framed "Reset
 * progress" is one click away from clickjacking); the preview frame is framed by the site's own pages.
 * A <meta> policy ignores frame-ancestors (with a console error), so it is never in the <meta>.
 */
export function headerPolicies(site: string = SITE_CSP): Record<string, string> {
  return {
    '/': `${site}; frame-ancestors 'none'`,
    '/preview/': `${PREVIEW_CSP}; frame-ancestors 'self'`,
    '/preview/browser/': `${BROWSER_CSP}; frame-ancestors 'self'`,
  };
}

/** Executable inline scripts of an HTML document (data blocks such as type="application/json" are not run). */
export function inlineScripts(html: string): string[] {
  const found: string[] = [];
  for (const match of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
    const attrs = match[1];
    if (/\bsrc\s*=/i.test(attrs)) continue;
    const type = attrs.match(/\btype\s*=\s*["']?([^"'\s>]+)/i)?.[1]?.toLowerCase();
    if (type && !['module', 'text/javascript', 'application/javascript'].includes(type)) continue;
    found.push(match[2]);
  }
  return found;
}

/** The CSP source expression for one inline script body. */
export function scriptHash(body: string): string {
  return `'sha256-${createHash('sha256').update(body, 'utf8').digest('base64')}'`;
}

/** Pages whose inline scripts the policy does not allow, one line each ("" when all is well). */
export async function unlistedInlineScripts(dist: string, hashes: readonly string[] = INLINE_SCRIPT_HASHES): Promise<string[]> {
  const problems: string[] = [];
  const files = (await readdir(dist, { recursive: true })).filter((f) => f.endsWith('.html'));
  for (const file of files) {
    // The HTML preview frame is not a site page: its own <meta> policy allows its inline script.
    if (file.startsWith('preview/')) continue;
    for (const body of inlineScripts(await readFile(join(dist, file), 'utf8'))) {
      const hash = scriptHash(body);
      if (!hashes.includes(hash)) problems.push(`${file}: inline script ${hash} (${body.trim().slice(0, 60)}…)`);
    }
  }
  return problems;
}

/** The Astro integration: fails the build when a built page has an inline script the CSP would block. */
export function cspCheck(): AstroIntegration {
  return afterBuild('csp-check', async (dist, logger) => {
    const problems = await unlistedInlineScripts(dist);
    if (problems.length) {
      throw new Error(
        `Content-Security-Policy: ${problems.length} inline script(s) are not allowed by src/integrations/csp.ts:\n  ` +
          `${problems.join('\n  ')}\nMove the code into a module script (Astro bundles it as a file), or add its hash to INLINE_SCRIPT_HASHES.`,
      );
    }
    logger.info('every inline script is listed in the Content-Security-Policy');
  });
}
