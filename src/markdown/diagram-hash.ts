import { createHash } from 'node:crypto';
import { diagramThemes } from './diagram-theme.ts';

/** Where the rendered SVGs live in the repo; served as /diagrams/<file>. */
export const DIAGRAM_DIR = 'public/diagrams';
export const DIAGRAM_URL = '/diagrams';

/** Normalises a fence body so whitespace-only edits at the ends don't force a re-render. */
export function normaliseDiagramSource(source: string): string {
  return source.replace(/\r\n?/g, '\n').replace(/[ \t]+$/gm, '').trim();
}

/**
 * The content hash a diagram's files are named by: the source plus the theme
 * configuration, so changing either one calls for `npm run diagrams`.
 */
export function diagramHash(source: string): string {
  return createHash('sha256')
    .update(normaliseDiagramSource(source))
    .update('\0')
    .update(JSON.stringify(diagramThemes))
    .digest('hex')
    .slice(0, 16);
}

/** The light and dark file names for a hash. */
export function diagramFiles(hash: string): { light: string; dark: string } {
  return { light: `${hash}.light.svg`, dark: `${hash}.dark.svg` };
}
