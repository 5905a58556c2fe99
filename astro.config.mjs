// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import { satteri } from '@astrojs/markdown-satteri';
import { mermaidFigures } from './src/markdown/mermaid-figures.ts';
import { pythonFences } from './src/markdown/python-fences.ts';
import { pyodideFiles } from './src/integrations/pyodide-files.ts';
import { monacoCss } from './src/editor/monaco-css-plugin.ts';
import { cspCheck } from './src/integrations/csp.ts';
import { pagefindIndex } from './src/integrations/pagefind-index.ts';
import { servingFiles } from './src/integrations/serving-files.ts';
import { serviceWorker } from './src/integrations/service-worker/index.ts';
import { pythonWorkerUrl } from './src/integrations/python-worker-url.ts';
import { isolatedPreview } from './src/integrations/preview/index.ts';
import { lessonManifest } from './src/integrations/lesson-manifest.ts';
import { deferredParts } from './src/integrations/deferred-parts.ts';

// Cross-origin isolation lets the runtime interrupt runaway Python through a
// SharedArrayBuffer; every response of `astro dev` carries it (server.headers), and of
// `astro preview` too (isolatedPreview serves the build with the production headers).
const isolationHeaders = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
};

export default defineConfig({
  site: 'https://wsgi-ground-up.example',
  trailingSlash: 'ignore',
  // serviceWorker() lists the built files, so it comes after every integration that adds some;
  // servingFiles() writes the serving policy and moves the test-only pages out of the build before it.
  integrations: [mdx(), pyodideFiles(), cspCheck(), pythonWorkerUrl(), pagefindIndex(), servingFiles(), lessonManifest(), deferredParts(), serviceWorker(), isolatedPreview()],
  server: { headers: isolationHeaders },
  markdown: {
    // Sätteri (Astro 7's default processor) runs its own mdast/hast plugins; MDX inherits them.
    // pythonFences() records each ```python fence in the lesson manifest (tests read it there).
    processor: satteri({ mdastPlugins: [mermaidFigures(new URL('./', import.meta.url)), pythonFences()] }),
    syntaxHighlight: { type: 'shiki', excludeLangs: ['mermaid'] },
    shikiConfig: {
      // Both palettes ship as CSS variables; src/styles/code.css picks one by the site theme.
      themes: { light: 'github-light-default', dark: 'github-dark-default' },
      defaultColor: false,
      wrap: false,
    },
  },
  vite: {
    worker: { format: 'es' },
    // Monaco's CSS as one file the editor adds on demand, never hoisted into pages (src/editor/monaco-css-plugin.ts).
    plugins: [monacoCss()],
    optimizeDeps: { exclude: ['pyodide'] },
    // Never inline a script: a strict CSP lists only the hashed theme script (src/components/theme-script.ts).
    build: {
      assetsInlineLimit: 0,
      // after-load.ts rides in the chunk every page already loads: a chunk of its own would cost a
      // request and bytes before load (tests/e2e/site-budget.spec.ts).
      rollupOptions: { output: { manualChunks: (id) => (/src\/components\/(after-load|page-parts)\.ts$/.test(id) ? 'page-parts' : undefined) } },
    },
  },
});
