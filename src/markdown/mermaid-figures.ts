import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { MdastPluginDefinition } from 'satteri';
import { parseFenceMeta } from './fence-meta.ts';
import { DIAGRAM_DIR, DIAGRAM_URL, diagramFiles, diagramHash } from './diagram-hash.ts';
import { svgSize } from './svg-size.ts';

/** An author-facing build error: names the file, the diagram and the fix. */
export class DiagramError extends Error {
  override name = 'DiagramError';
}

function where(fileURL: URL | undefined, line: number | undefined): string {
  const file = fileURL ? fileURLToPath(fileURL) : '<unknown file>';
  return line ? `${file}:${line}` : file;
}

/** Describes the <figure> a ```mermaid fence becomes; throws a DiagramError when the fence or its SVGs are wrong. */
export function diagramFigure(
  source: string,
  meta: string | null | undefined,
  root: URL,
  location: string,
) {
  let attrs: Record<string, string>;
  try {
    attrs = parseFenceMeta(meta);
  } catch (error) {
    throw new DiagramError(`${location}: mermaid diagram: ${(error as Error).message}`);
  }
  const alt = attrs.alt?.trim();
  if (!alt) {
    throw new DiagramError(
      `${location}: mermaid diagram has no text alternative. ` +
        'Describe what it shows in the fence meta: ```mermaid alt="The server calls the app once per request"',
    );
  }
  const hash = diagramHash(source);
  const files = diagramFiles(hash);
  const images = (['light', 'dark'] as const).map((theme) => {
    const path = new URL(`${DIAGRAM_DIR}/${files[theme]}`, root);
    if (!existsSync(path)) {
      throw new DiagramError(
        `${location}: mermaid diagram is not rendered (missing ${DIAGRAM_DIR}/${files[theme]}): ` +
          'its source or the diagram theme changed since the SVGs were made. Run `npm run diagrams` and commit public/diagrams/.',
      );
    }
    const { width, height } = svgSize(readFileSync(path, 'utf8'));
    return { theme, src: `${DIAGRAM_URL}/${files[theme]}`, width, height };
  });
  return { alt, caption: attrs.caption?.trim() || undefined, hash, images };
}

/**
 * A Sätteri mdast plugin: every ```mermaid fence becomes a <figure> with the
 * committed light and dark SVGs (rendered by `npm run diagrams`), so serving
 * the site never needs a browser. `root` is the project root.
 */
export function mermaidFigures(root: URL): MdastPluginDefinition {
  return {
    name: 'mermaid-figures',
    options: { position: true },
    code(node, ctx) {
      if (node.lang !== 'mermaid') return;
      const figure = diagramFigure(node.value, node.meta, root, where(ctx.fileURL, node.position?.start.line));
      const children: any[] = figure.images.map((image) => ({
        type: 'image',
        url: image.src,
        alt: figure.alt,
        data: {
          hProperties: {
            className: [`diagram-${image.theme}`],
            width: image.width,
            height: image.height,
            // The other theme's copy stays display:none, and lazy images that are not displayed are never fetched.
            loading: 'lazy',
            decoding: 'async',
          },
        },
      }));
      if (figure.caption) {
        children.push({ type: 'paragraph', data: { hName: 'figcaption' }, children: [{ type: 'text', value: figure.caption }] });
      }
      ctx.replaceNode(node, {
        type: 'paragraph',
        data: { hName: 'figure', hProperties: { className: ['diagram'], dataDiagram: figure.hash } },
        children,
      });
    },
  };
}
