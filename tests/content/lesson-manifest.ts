/**
 * The build's lesson manifest (`_deploy/lessons.json`, written by src/integrations/lesson-manifest.ts):
 * every LiveEditor, OnionView, ConcurrencyView, Exercise and Quiz of every page with the configuration
 * it rendered with. Tests read the lesson tags here, never by parsing the MDX.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { phaseSlug } from '../../src/components/phase-order.ts';
import { LESSON_MANIFEST, type LessonTag } from '../../src/lesson/manifest.ts';

export type { LessonTag };

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const read = new Map<string, LessonTag[]>();

/** Every tag of the build in `dist` ($SITE_DIST, else dist/); fails naming the build command when there is none. */
export function lessonTags(dist = process.env.SITE_DIST ?? 'dist'): LessonTag[] {
  if (!read.has(dist)) {
    const file = resolve(ROOT, dist, LESSON_MANIFEST);
    if (!existsSync(file)) throw new Error(`${file} is missing: run \`npm run build\` first (stage 10 does), or set SITE_DIST to a build.`);
    read.set(dist, (JSON.parse(readFileSync(file, 'utf8')) as { tags: LessonTag[] }).tags);
  }
  return read.get(dist)!;
}

/** The tags of one phase page, by its content folder ("01-what-wsgi-is") or its path. */
export function phaseTags(phase: string, kind?: LessonTag['kind']): LessonTag[] {
  const page = phase.startsWith('/') ? phase : `/phases/${phaseSlug(phase)}/`;
  return lessonTags().filter((t) => t.page === page && (!kind || t.kind === kind));
}
