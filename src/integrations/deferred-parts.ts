/**
 * After `astro build`: the parts of a page nobody reads before its load event leave its HTML for one
 * JSON file per page, which src/components/restore-parts.ts fetches and puts back after load:
 * - the colours and line spans of every highlighted code block (shiki's per-token spans were the
 *   largest part of a phase page: 9.7 of phase 3's 45 KB gzip), each block's as it comes near the
 *   viewport; the text and so every block's size stay, so nothing moves when they arrive. The line
 *   spans (`.line`, which error and onion marks use) of a block the reader runs are back before its
 *   Run can mark one (the block is on screen);
 * - exercises' starters, hints, solutions and checks, and predict questions' configurations (read
 *   only once those start, after load);
 * - the result views' stylesheet, which the script that renders a result loads with it (Vite's
 *   preload of that dynamic import lists it): nothing on a page uses it before a Run.
 * Phase pages must stay under 50 KB gzip before load (tests/e2e/site-budget.spec.ts). Search indexes
 * the pages before this runs (pagefind-index.ts), so it still finds every word of the code.
 */
import type { AstroIntegration } from 'astro';
import { createHash } from 'node:crypto';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PAGE_PARTS_META, type PageParts } from '../components/page-parts-format.ts';

// Shiki's output is regular: a block's <code> holds line spans, each holding flat token spans whose
// text is escaped (so "</code></pre>" cannot occur inside it).
const BLOCK = /(<pre class="astro-code[^"]*"[^>]*>)<code>([\s\S]*?)<\/code><\/pre>/g;
const TOKEN = /<span(?: style="[^"]*")?>([^<]*)<\/span>/g;
const LINE = /<span class="line">([^<]*)<\/span>/g;
// Every block's own default colours, the same for all (src/styles/code.css sets them instead).
const BLOCK_STYLE = / style="--shiki-light:#1f2328;--shiki-dark:#e6edf3;--shiki-light-bg:#ffffff;--shiki-dark-bg:#0d1117; ?overflow-x: ?auto;?"/;
const PREDICT = /<section class="predict"[^>]*>[\s\S]*?<\/section>/g;
const CONFIG = /<script type="application\/json" data-config>([\s\S]*?)<\/script>/;
// Search has read the page already (pagefind-index.ts runs before this): its markers are dead weight.
const PAGEFIND = / data-pagefind-(?:ignore|body)\b(?:="[^"]*")?/g;
const TEMPLATE = /(<template (?:data-starter|data-hint-text|data-solution-text|data-checks)\b[^>]*)>([\s\S]*?)<\/template>/g;
// The result views' stylesheet (onion, browser, results): named after its first module by Vite.
const RESULTS_CSS = /^ResultsView\.[\w-]+\.css$/;

/** A page's HTML with its deferred parts taken out (each numbered by `data-colours` or
 * `data-deferred`), and the parts themselves. */
export function splitParts(html: string, onDemandCss: ReadonlySet<string> = new Set()): { html: string; parts: PageParts } {
  const parts: PageParts = { colours: [], templates: [], configs: [] };
  const plain = html
    .replace(/<link rel="stylesheet" href="[^"]*\/_astro\/([^"/]+\.css)">/g, (link, name: string) => (onDemandCss.has(name) ? '' : link))
    .replace(BLOCK, (_, pre: string, inner: string) => {
      const tagged = pre.replace(/^<pre /, `<pre data-colours="${parts.colours.length}" `).replace(BLOCK_STYLE, '');
      parts.colours.push(inner);
      return `${tagged}<code>${inner.replace(TOKEN, '$1').replace(LINE, '$1')}</code></pre>`;
    })
    .replace(TEMPLATE, (_, open: string, inner: string) => {
      const tagged = `${open} data-deferred="${parts.templates.length}"></template>`;
      parts.templates.push(inner);
      return tagged;
    })
    .replace(PREDICT, (section) => section.replace(CONFIG, (_, json: string) => {
      parts.configs.push(json);
      return `<script type="application/json" data-config data-deferred-config="${parts.configs.length - 1}"></script>`;
    }))
    .replace(PAGEFIND, '');
  return { html: plain, parts };
}

/** Stylesheets of the result views that a script loads on demand (named in a dynamic import's preload list). */
async function onDemandStylesheets(dist: string): Promise<Set<string>> {
  const found = new Set<string>();
  for (const file of await readdir(join(dist, '_astro'))) {
    if (!file.endsWith('.js')) continue;
    for (const [, name] of (await readFile(join(dist, '_astro', file), 'utf8')).matchAll(/"_astro\/([^"/]+\.css)"/g)) {
      if (RESULTS_CSS.test(name)) found.add(name);
    }
  }
  return found;
}

async function htmlFiles(dist: string): Promise<string[]> {
  const all = await readdir(dist, { recursive: true });
  return all.map((f) => f.replace(/\\/g, '/')).filter((f) => f.endsWith('.html') && !f.startsWith('_deploy/'));
}

export function deferredParts(): AstroIntegration {
  let base = '/';
  return {
    name: 'deferred-parts',
    hooks: {
      'astro:config:done': ({ config }) => { base = config.base.endsWith('/') ? config.base : `${config.base}/`; },
      'astro:build:done': async ({ dir, logger }) => {
        const dist = fileURLToPath(dir);
        let pages = 0;
        const onDemand = await onDemandStylesheets(dist);
        for (const file of await htmlFiles(dist)) {
          const path = join(dist, file);
          const { html, parts } = splitParts(await readFile(path, 'utf8'), onDemand);
          if (!parts.colours.length && !parts.templates.length && !parts.configs.length) { await writeFile(path, html); continue; }
          const json = JSON.stringify(parts);
          const name = `_astro/page-parts.${createHash('sha256').update(json).digest('hex').slice(0, 12)}.json`;
          await writeFile(join(dist, name), json);
          await writeFile(path, html.replace('</head>', `<meta name="${PAGE_PARTS_META}" content="${base}${name}"></head>`));
          pages++;
        }
        logger.info(`${pages} pages get their code colours and exercise templates after load; loaded with the first result: ${[...onDemand].join(', ') || 'no stylesheet'}`);
      },
    },
  };
}
