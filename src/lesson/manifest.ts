/**
 * The lesson manifest: every lesson tag records, while its page renders at build time, the
 * configuration it rendered with (the props after its own defaults and checks: exactly what the page's
 * script receives). src/integrations/lesson-manifest.ts writes them all to `_deploy/lessons.json` after
 * the build, so tests and CI find each page's examples, exercises and quizzes there instead of
 * re-reading the MDX. Nothing secret goes in (no quiz answers, no exercise solutions): the record is
 * build metadata, not content.
 */

/** One tag on one built page. */
export interface LessonTag {
  /** The page's path, e.g. "/phases/what-wsgi-is/". */
  page: string;
  /** "Fence": a ```python code fence of the page's prose (src/markdown/python-fences.ts). */
  kind: 'LiveEditor' | 'OnionView' | 'ConcurrencyView' | 'Exercise' | 'Quiz' | 'Predict' | 'Fence';
  /** The tag's name on its page (a Quiz is named by its phase slug). */
  name: string;
  config: Record<string, unknown>;
}

/** The manifest file, inside the build folder (beside the serving policy; no server of ours answers it). */
export const LESSON_MANIFEST = '_deploy/lessons.json';

// Pages render in the build's own process, after the integration's module was loaded by another
// module graph: a global registry (keyed, so re-rendering a page in `astro dev` never grows it).
const KEY = Symbol.for('wsgi-ground-up.lesson-manifest');
function registry(): Map<string, LessonTag> {
  const holder = globalThis as { [KEY]?: Map<string, LessonTag> };
  return (holder[KEY] ??= new Map());
}

/** Called by a lesson tag while it renders. */
export function recordLessonTag(page: URL | string, kind: LessonTag['kind'], name: string, config: Record<string, unknown>): void {
  const path = typeof page === 'string' ? page : page.pathname;
  registry().set(`${path}\0${kind}\0${name}`, { page: path, kind, name, config });
}

/** Every tag recorded so far, by page, then in the order the pages rendered them. */
export function recordedLessonTags(): LessonTag[] {
  return [...registry().values()].sort((a, b) => (a.page < b.page ? -1 : a.page > b.page ? 1 : 0));
}

/** Forget every record (at the start of a build). */
export function clearLessonTags(): void {
  registry().clear();
}
