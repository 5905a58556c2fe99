/** Finds every ```mermaid fence in the MDX under a folder, parsed by the same Sätteri parser the build uses. */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { mdxToJs } from 'satteri';
import { diagramHash } from '../src/markdown/diagram-hash.ts';

export interface FoundDiagram {
  file: string;
  line: number | undefined;
  source: string;
  meta: string | null | undefined;
  hash: string;
}

/** Every .mdx/.md file below `dir`, sorted for stable output. */
function markdownFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((name) => /\.mdx?$/.test(name))
    .map((name) => join(dir, name))
    .sort();
}

/** The mermaid fences in all MDX files under `dir`, with their content hashes. */
export function findDiagrams(dir: string): FoundDiagram[] {
  const found: FoundDiagram[] = [];
  for (const file of markdownFiles(dir)) {
    const source = readFileSync(file, 'utf8');
    mdxToJs(source, {
      fileURL: pathToFileURL(file),
      mdastPlugins: [
        {
          name: 'collect-mermaid',
          options: { position: true },
          code(node) {
            if (node.lang !== 'mermaid') return;
            found.push({ file, line: node.position?.start.line, source: node.value, meta: node.meta, hash: diagramHash(node.value) });
          },
        },
      ],
    });
  }
  return found;
}
