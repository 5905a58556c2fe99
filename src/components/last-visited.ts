/** "Continue where you left off": the last phase page the reader opened, kept in localStorage. */

const KEY = 'wsgi-last-phase';

export interface LastVisited {
  slug: string;
  title: string;
  phase: number;
}

/** Records a phase visit; a blocked or full storage only loses the reminder. */
export function rememberPhase(visit: LastVisited): void {
  try {
    localStorage.setItem(KEY, JSON.stringify(visit));
  } catch {
    /* storage unavailable: nothing to remember with */
  }
}

/** The last phase visited, or null (never visited, storage blocked, or a value this version can't read). */
export function lastPhase(): LastVisited | null {
  try {
    const value: unknown = JSON.parse(localStorage.getItem(KEY) ?? 'null');
    if (value && typeof value === 'object') {
      const { slug, title, phase } = value as Record<string, unknown>;
      if (typeof slug === 'string' && typeof title === 'string' && typeof phase === 'number') return { slug, title, phase };
    }
  } catch {
    /* unreadable: treat as never visited */
  }
  return null;
}
