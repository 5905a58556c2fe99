import { fileURLToPath } from 'node:url';
import type { MdastPluginDefinition } from 'satteri';
import { phaseSlug } from '../components/phase-order.ts';
import { recordLessonTag } from '../lesson/manifest.ts';

/**
 * A Sätteri mdast plugin that changes nothing: it records every ```python fence of a phase page in
 * the lesson manifest (kind "Fence", named by its line; config { lang, code }), so
 * tests/content/check_examples.py finds the code a page shows without parsing the MDX.
 */
export function pythonFences(): MdastPluginDefinition {
  return {
    name: 'python-fences',
    options: { position: true },
    code(node, ctx) {
      if (!node.lang?.startsWith('python') || !ctx.fileURL) return;
      const file = fileURLToPath(ctx.fileURL).replace(/\\/g, '/');
      const folder = /\/content\/phases\/([^/]+)\/index\.mdx?$/.exec(file)?.[1];
      if (!folder) return;
      recordLessonTag(`/phases/${phaseSlug(folder)}/`, 'Fence', `line-${node.position?.start.line ?? 0}`, { lang: node.lang, code: node.value });
    },
  };
}
