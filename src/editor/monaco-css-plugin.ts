/**
 * Keeps Monaco's CSS off every page's critical path. Astro hoists the CSS of dynamically imported
 * modules into the page head (withastro/astro#9495), so in a build this plugin turns each
 * `import './x.css'` inside monaco-editor into an empty module, and emits Monaco's own bundled
 * stylesheet (min/vs/editor/editor.main.css, in Monaco's order) as one hashed file, with its
 * codicon font split out so the font downloads only if a glyph is drawn. `virtual:monaco-css`
 * exports that file's URL; src/editor/monaco-styles.ts adds the <link> when the editor loads.
 * In `astro dev` nothing is stripped (Vite injects the CSS itself) and the URL is null.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Plugin } from 'vite';

const VIRTUAL = 'virtual:monaco-css';
const RESOLVED = '\0virtual:monaco-css';
const EMPTY = '\0monaco-css-stripped:';
const FONT = /url\(data:font\/ttf;base64,([^)]*)\)/;

function hash(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex').slice(0, 10);
}

/** The stylesheet and font as files: [css text, font bytes, font file name]. */
export function splitMonacoCss(css: string): { css: string; font: Uint8Array | null; fontName: string | null } {
  const match = FONT.exec(css);
  if (!match) return { css, font: null, fontName: null };
  const font = new Uint8Array(Buffer.from(match[1], 'base64'));
  const fontName = `codicon.${hash(font)}.ttf`;
  return { css: css.slice(0, match.index) + `url(./${fontName})` + css.slice(match.index + match[0].length), font, fontName };
}

/** The Vite plugin; `base` is Astro's base path ("/" by default). */
export function monacoCss(base = '/'): Plugin {
  let building = false;
  const prefix = base.endsWith('/') ? base : `${base}/`;
  return {
    name: 'wsgi-monaco-css',
    enforce: 'pre',
    configResolved(config) { building = config.command === 'build'; },
    resolveId(source, importer) {
      if (source === VIRTUAL) return RESOLVED;
      if (building && importer && source.endsWith('.css') && /[\\/]monaco-editor[\\/]esm[\\/]/.test(importer)) {
        return `${EMPTY}${source}.js`; // not ending in .css, or Vite's CSS plugin would take it
      }
      return null;
    },
    load(id) {
      if (id.startsWith(EMPTY)) return 'export {};';
      if (id !== RESOLVED) return null;
      if (!building) return 'export const monacoCssHref = null;';
      // The exports map hides min/; find the package folder from its main entry.
      const main = createRequire(import.meta.url).resolve('monaco-editor');
      const root = main.slice(0, main.lastIndexOf('monaco-editor') + 'monaco-editor'.length);
      const file = `${root}/min/vs/editor/editor.main.css`;
      const { css, font, fontName } = splitMonacoCss(readFileSync(file, 'utf8'));
      if (font && fontName) this.emitFile({ type: 'asset', fileName: `_astro/${fontName}`, source: font });
      const cssName = `_astro/monaco.${hash(css)}.css`;
      this.emitFile({ type: 'asset', fileName: cssName, source: css });
      return `export const monacoCssHref = ${JSON.stringify(prefix + cssName)};`;
    },
  };
}
