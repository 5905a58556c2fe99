import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join, normalize, posix } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * No feature folder reaches into another's internals. Feature folders: src/browser, src/playground,
 * src/progress, src/workspace and each folder of src/lesson/ (onion, results, exercise, ...). The rest
 * of src/ is shared by all (SHARED: the runtime, the editor, the site's components, src/dom/, ...) or
 * puts features together (src/pages/ routes and src/lesson/'s own tags). An import from one feature
 * folder into another must name one of its entries: index.ts, pure.ts (no DOM), an .astro tag, or a
 * file the folder's documentation names its entry (DECLARED).
 */

const ROOT = normalize(join(dirname(new URL(import.meta.url).pathname), '../..'));
const SHARED = new Set(['components', 'dom', 'editor', 'integrations', 'layouts', 'markdown', 'pages', 'reference', 'runtime', 'styles']);
/** Entries a folder names besides index.ts and pure.ts (see each file's opening comment). */
const DECLARED = new Set(['src/workspace/early.ts', 'src/lesson/results/ResultsView.ts']);

/** The folder an src/ path belongs to: a top-level folder, or src/lesson/<folder>; null for shared code. */
function featureOf(path: string): string | null {
  const parts = path.split('/');
  if (parts[0] !== 'src' || parts.length < 3) return null;
  if (parts[1] === 'lesson') return parts.length > 3 ? `src/lesson/${parts[2]}` : null;
  return SHARED.has(parts[1]) ? null : `src/${parts[1]}`;
}

function isEntry(path: string): boolean {
  return /\/(index|pure)\.ts$/.test(path) || path.endsWith('.astro') || DECLARED.has(path);
}

/** The relative module specifiers of a source text: static and dynamic imports and re-exports. */
function importsOf(text: string): string[] {
  const found = text.matchAll(/\b(?:from\s*|import\s*\(\s*|import\s+)(['"])(\.{1,2}\/[^'"]+)\1/g);
  return [...found].map((m) => m[2].split('?')[0]);
}

interface Crossing { from: string; to: string; entry: boolean }

function crossings(): Crossing[] {
  const files = execFileSync('git', ['ls-files', '-co', '--exclude-standard', 'src'], { cwd: ROOT, encoding: 'utf8' })
    .split('\n')
    .filter((f) => /\.(ts|mts|js|mjs|astro)$/.test(f));
  const out: Crossing[] = [];
  for (const from of files) {
    const own = featureOf(from);
    if (!own) continue;
    for (const spec of importsOf(readFileSync(join(ROOT, from), 'utf8'))) {
      const to = posix.normalize(posix.join(posix.dirname(from), spec));
      const other = featureOf(to);
      if (other && other !== own) out.push({ from, to, entry: isEntry(to) });
    }
  }
  return out;
}

describe('feature folders', () => {
  it('import each other only through their entries', () => {
    const all = crossings();
    expect(all.length, 'the feature folders import each other (this test reads them)').toBeGreaterThan(0);
    expect(all.filter((c) => !c.entry).map((c) => `${c.from} -> ${c.to}`)).toEqual([]);
  });

  it('tells a folder from shared code, and an entry from an internal module', () => {
    expect(featureOf('src/lesson/onion/model.ts')).toBe('src/lesson/onion');
    expect(featureOf('src/lesson/manifest.ts')).toBeNull();
    expect(featureOf('src/browser/request.ts')).toBe('src/browser');
    expect(featureOf('src/runtime/client.ts')).toBeNull();
    expect(isEntry('src/browser/pure.ts')).toBe(true);
    expect(isEntry('src/browser/request.ts')).toBe(false);
    expect(importsOf(`import { a } from './a.ts';\nexport { b } from "../b/index.ts";\nconst c = () => import('../c.ts?raw');\nimport './d.css';\nimport x from 'astro';`))
      .toEqual(['./a.ts', '../b/index.ts', '../c.ts', './d.css']);
  });
});
