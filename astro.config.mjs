// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';

// Cross-origin isolation lets the runtime interrupt runaway Python through a
// SharedArrayBuffer; every response of `astro dev` and `astro preview` carries it.
const isolationHeaders = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
};

export default defineConfig({
  site: 'https://wsgi-ground-up.example',
  integrations: [mdx()],
  server: { headers: isolationHeaders },
  vite: {
    worker: { format: 'es' },
    optimizeDeps: { exclude: ['pyodide'] },
  },
});
