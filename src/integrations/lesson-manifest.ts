/**
 * After `astro build`: writes `_deploy/lessons.json`, every lesson tag of every page with the
 * configuration it rendered with (src/lesson/manifest.ts). Tests and CI read it (tests/content/
 * lesson-manifest.ts, tests/content/check_examples.py) instead of parsing MDX with regular expressions.
 */
import type { AstroIntegration } from 'astro';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { clearLessonTags, LESSON_MANIFEST, recordedLessonTags } from '../lesson/manifest.ts';

export function lessonManifest(): AstroIntegration {
  return {
    name: 'lesson-manifest',
    hooks: {
      'astro:build:start': () => clearLessonTags(),
      'astro:build:done': async ({ dir, logger }) => {
        const tags = recordedLessonTags();
        if (!tags.length) throw new Error('lesson manifest: no lesson tag recorded while the pages rendered (src/lesson/manifest.ts)');
        const file = join(fileURLToPath(dir), LESSON_MANIFEST);
        await mkdir(dirname(file), { recursive: true });
        await writeFile(file, JSON.stringify({ tags }, null, 1) + '\n');
        logger.info(`${LESSON_MANIFEST}: ${tags.length} lesson tags on ${new Set(tags.map((t) => t.page)).size} pages`);
      },
    },
  };
}
