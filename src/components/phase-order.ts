/** Pure rules for the phase navigation: URLs, order and neighbours. No Astro imports, so unit tests can use them. */

export interface PhaseLike {
  id: string;
  data: { phase: number; title: string };
}

/** "01-what-wsgi-is" or "01-what-wsgi-is/index" → "what-wsgi-is": the stable URL segment of a phase. */
export function phaseSlug(id: string): string {
  const folder = id.replace(/\/index(\.mdx?)?$/, '').split('/').pop() ?? id;
  return folder.replace(/^\d+-/, '');
}

/** The number in a folder name such as "03-server-and-middleware", or null when it has none. */
export function folderNumber(id: string): number | null {
  const match = id.match(/^(\d+)-/);
  return match ? Number(match[1]) : null;
}

/** The file an entry id came from, for error messages. */
export function phaseFile(id: string): string {
  return `content/phases/${id.replace(/\/index$/, '')}/index.mdx`;
}

/** A phase's page URL. */
export function phaseHref(id: string): string {
  return `/phases/${phaseSlug(id)}/`;
}

/**
 * Sorts phases by their `phase` number and checks the set is coherent: numbers
 * unique, matching the folder's NN- prefix, and slugs unique. Errors name the fix.
 */
export function orderPhases<T extends PhaseLike>(entries: readonly T[]): T[] {
  const byNumber = new Map<number, T>();
  const bySlug = new Map<string, T>();
  for (const entry of entries) {
    const { phase } = entry.data;
    const folder = folderNumber(entry.id);
    if (folder !== null && folder !== phase) {
      throw new Error(
        `${phaseFile(entry.id)}: frontmatter says phase: ${phase} but the folder is numbered ${folder}; make them agree.`,
      );
    }
    const clash = byNumber.get(phase);
    if (clash) {
      throw new Error(`${phaseFile(entry.id)} and ${phaseFile(clash.id)} both say phase: ${phase}; each phase needs its own number.`);
    }
    const slug = phaseSlug(entry.id);
    const slugClash = bySlug.get(slug);
    if (slugClash) {
      throw new Error(`${phaseFile(entry.id)} and ${phaseFile(slugClash.id)} would share the URL /phases/${slug}/; rename one folder.`);
    }
    byNumber.set(phase, entry);
    bySlug.set(slug, entry);
  }
  return [...entries].sort((a, b) => a.data.phase - b.data.phase);
}

/** The phases before and after position `index` of an ordered list (undefined at the ends). */
export function neighbours<T>(ordered: readonly T[], index: number): { prev?: T; next?: T } {
  return { prev: index > 0 ? ordered[index - 1] : undefined, next: ordered[index + 1] };
}
