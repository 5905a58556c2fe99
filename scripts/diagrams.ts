/**
 * `npm run diagrams`: renders every ```mermaid fence in content/ to a light and
 * a dark SVG in public/diagrams/<hash>.{light,dark}.svg (committed), and removes
 * SVGs no fence uses any more. The build only reads these files, so serving the
 * site never needs a browser. `--check` renders nothing and exits 1 when
 * anything is missing or stale.
 */
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { chromium } from '@playwright/test';
import { chromiumLaunchOptions } from '../tests/e2e/helpers/chromium.ts';
import { DIAGRAM_DIR, diagramFiles } from '../src/markdown/diagram-hash.ts';
import { diagramThemes } from '../src/markdown/diagram-theme.ts';
import { findDiagrams } from './find-diagrams.ts';
import { fitSvg } from './fit-svg.ts';

const checkOnly = process.argv.includes('--check');
const diagrams = findDiagrams('content');
const wanted = new Map(diagrams.map((d) => [d.hash, d]));
mkdirSync(DIAGRAM_DIR, { recursive: true });
const present = new Set(readdirSync(DIAGRAM_DIR).filter((name) => name.endsWith('.svg')));

const missing = [...wanted.values()].filter((d) => {
  const files = diagramFiles(d.hash);
  return !present.has(files.light) || !present.has(files.dark);
});
const wantedFiles = new Set([...wanted.keys()].flatMap((hash) => Object.values(diagramFiles(hash))));
const stale = [...present].filter((name) => !wantedFiles.has(name));

if (checkOnly) {
  for (const d of missing) console.error(`not rendered: ${d.file}:${d.line}`);
  for (const name of stale) console.error(`unused: ${DIAGRAM_DIR}/${name}`);
  if (missing.length || stale.length) {
    console.error('Run `npm run diagrams` and commit public/diagrams/.');
    process.exit(1);
  }
  console.log(`${diagrams.length} diagrams, all rendered.`);
  process.exit(0);
}

for (const name of stale) {
  rmSync(`${DIAGRAM_DIR}/${name}`);
  console.log(`removed unused ${DIAGRAM_DIR}/${name}`);
}

if (missing.length > 0) {
  const mermaidBundle = createRequire(import.meta.url).resolve('mermaid/dist/mermaid.min.js');
  const browser = await chromium.launch(chromiumLaunchOptions());
  try {
    const page = await browser.newPage();
    // A blank page with mermaid from node_modules: no network, no dev server.
    await page.setContent('<!doctype html><html><head><meta charset="utf-8"></head><body></body></html>');
    await page.addScriptTag({ path: mermaidBundle });
    for (const d of missing) {
      for (const theme of ['light', 'dark'] as const) {
        const svg = await page.evaluate(
          async ({ source, config, id }) => {
            const mermaid = (globalThis as any).mermaid;
            mermaid.initialize(config);
            return (await mermaid.render(id, source)).svg as string;
          },
          { source: d.source, config: diagramThemes[theme], id: `d${d.hash}-${theme}` },
        );
        writeFileSync(`${DIAGRAM_DIR}/${diagramFiles(d.hash)[theme]}`, fitSvg(svg));
      }
      console.log(`rendered ${d.file}:${d.line} → ${DIAGRAM_DIR}/${d.hash}.{light,dark}.svg`);
    }
  } finally {
    await browser.close();
  }
}
console.log(`${diagrams.length} diagrams: ${missing.length} rendered, ${stale.length} removed.`);
