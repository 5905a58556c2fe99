import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, normalize, posix } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/**
 * Comments that rot: a comment in src/, tests/, bench/ or scripts/ that names a repository path (rooted
 * at a top-level folder, relative with ./ or ../, or a document ending in .md, by a partial path or
 * a bare name) must name one that exists. Build output and other
 * ignored paths (dist/, bench/results/) count as named on purpose; placeholders (NN-slug, <name>, NAME,
 * one-letter names) are skipped; a path on this machine outside the repo is dead. And no comment or
 * document names an issue number of a tracker the repository does not hold (issueReferences below).
 */

const ROOT = normalize(join(dirname(new URL(import.meta.url).pathname), '../..'));
const SCANNED = ['src', 'tests', 'bench', 'scripts'];

const files = execFileSync('git', ['ls-files', '-co', '--exclude-standard', ...SCANNED], { cwd: ROOT, encoding: 'utf8' })
  .split('\n')
  .filter((f) => /\.(ts|mts|js|mjs|astro|py|sh|css)$/.test(f) && existsSync(join(ROOT, f)));
const everyFile = execFileSync('git', ['ls-files', '-co', '--exclude-standard'], { cwd: ROOT, encoding: 'utf8' }).split('\n').filter(Boolean);
const everyDir = new Set(everyFile.flatMap((f) => f.split('/').slice(0, -1).map((_, i, parts) => parts.slice(0, i + 1).join('/'))));
const TOP = new Set(everyFile.map((f) => f.split('/')[0]).filter((top) => everyDir.has(top)));
const IGNORED = readFileSync(join(ROOT, '.gitignore'), 'utf8')
  .split('\n')
  .map((l) => l.trim().replace(/^\//, '').replace(/\/$/, ''))
  .filter((l) => l && !l.startsWith('#') && !l.includes('*'));

/** The comments of a TypeScript/JavaScript text: every leading and trailing comment range of the AST. */
function tsComments(text: string): string[] {
  const source = ts.createSourceFile('x.ts', text, ts.ScriptTarget.Latest, false, ts.ScriptKind.TS);
  const seen = new Set<number>();
  const out: string[] = [];
  const take = (ranges: ts.CommentRange[] | undefined) => {
    for (const r of ranges ?? []) if (!seen.has(r.pos)) (seen.add(r.pos), out.push(text.slice(r.pos, r.end)));
  };
  const visit = (node: ts.Node) => {
    take(ts.getLeadingCommentRanges(text, node.getFullStart()));
    take(ts.getTrailingCommentRanges(text, node.getEnd()));
    node.forEachChild(visit);
  };
  visit(source);
  take(ts.getLeadingCommentRanges(text, source.endOfFileToken.getFullStart()));
  return out;
}

/** The comments of a Python text: # comments and docstrings (a triple-quoted string that starts a line). */
function pyComments(text: string): string[] {
  const out: string[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (c === '#') {
      const end = text.indexOf('\n', i);
      out.push(text.slice(i, end < 0 ? text.length : end));
      i = end < 0 ? text.length : end;
    } else if (c === '"' || c === "'") {
      const triple = text.startsWith(c.repeat(3), i);
      const quote = triple ? c.repeat(3) : c;
      let j = i + quote.length;
      while (j < text.length && !text.startsWith(quote, j) && (triple || text[j] !== '\n')) j += text[j] === '\\' ? 2 : 1;
      const lineStart = text.lastIndexOf('\n', i - 1) + 1;
      const prefix = text.slice(lineStart, i);
      if (triple && /^\s*[rRuUbBfF]?$/.test(prefix.replace(/[rRuUbBfF]$/, ''))) out.push(text.slice(i, j));
      i = j + quote.length;
    } else i++;
  }
  return out;
}

/** The comments of one file, by its kind. */
export function commentsOf(path: string, text: string): string[] {
  if (/\.(ts|mts|js|mjs)$/.test(path)) return tsComments(text);
  if (path.endsWith('.py')) return pyComments(text);
  if (path.endsWith('.sh')) return [...text.matchAll(/(?:^|\s)(#.*)$/gm)].map((m) => m[1]);
  if (path.endsWith('.css')) return [...text.matchAll(/\/\*[\s\S]*?\*\//g)].map((m) => m[0]);
  // .astro: the frontmatter and every <script> are TypeScript; the template has <!-- --> and {/* */}.
  const out: string[] = [];
  const front = text.match(/^---\n([\s\S]*?)\n---/);
  if (front) out.push(...tsComments(front[1]));
  const rest = front ? text.slice(front[0].length) : text;
  for (const [, body] of rest.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/g)) out.push(...tsComments(body));
  const template = rest.replace(/<script\b[^>]*>[\s\S]*?<\/script>/g, '');
  out.push(...[...template.matchAll(/<!--[\s\S]*?-->|\/\*[\s\S]*?\*\//g)].map((m) => m[0]));
  return out;
}

const parsed = new Map<string, string[]>();
/** The comments of a scanned file, read and parsed once for every check here. */
function fileComments(file: string): string[] {
  if (!parsed.has(file)) parsed.set(file, commentsOf(file, readFileSync(join(ROOT, file), 'utf8')));
  return parsed.get(file)!;
}

/** Candidate paths in a comment: rooted, ./ or ../, a document (*.md) by a partial path or bare name. */
export function pathsIn(comment: string): string[] {
  const out: string[] = [];
  for (const [token] of comment.matchAll(/(?<![\w/.:@-])(?:\/work\/|\.{1,2}\/)?[\w.-]+(?:\/[\w.*<>-]+)*\/?/g)) {
    const path = token.replace(/[.,:;]+$/, '');
    if (/[<>{}$]|\bNN\b|NN-|\bNAME\b/.test(path) || /(^|\/)[a-z](\.\w+)?(\/|$)/.test(path) || /^\.\w/.test(path)) continue;
    const rooted = path.includes('/') && TOP.has(path.split('/')[0]);
    // Partial paths to code mostly name other projects' files (gunicorn/http/wsgi.py); documents are ours.
    const partial = path.includes('/') && path.endsWith('.md');
    if (/^(\/work\/|\.{1,2}\/)/.test(path) || rooted || partial || /^[\w-]+\.md$/.test(path)) out.push(path);
  }
  return out;
}

/** Whether a path named in `file`'s comments exists (repo-rooted, relative to the file, a glob, or ignored). */
export function resolves(file: string, path: string): boolean {
  if (path.startsWith('/')) return false;
  const clean = path.replace(/\/$/, '');
  const rooted = TOP.has(clean.split('/')[0]);
  // A partial path (a tag's usage note importing ./examples/hello.py from a phase folder): the end of a real one.
  const tail = clean.replace(/^\.\//, '');
  if (!rooted && !clean.startsWith('../') && tail.includes('/') && everyFile.some((f) => f.endsWith(`/${tail}`))) return true;
  const candidates = path.startsWith('.')
    ? [posix.normalize(posix.join(posix.dirname(file), clean))]
    : /^[\w-]+\.md$/.test(clean)
      // A bare document name: beside the file or in a folder above it.
      ? posix.dirname(file).split('/').map((_, i, parts) => posix.join(...parts.slice(0, parts.length - i), clean)).concat(clean)
      : [clean];
  return candidates.some((c) => {
    if (IGNORED.some((ignored) => c === ignored || c.startsWith(`${ignored}/`))) return true;
    if (c.includes('*')) {
      const re = new RegExp(`^${c.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[^/]*')}`);
      return everyFile.some((f) => re.test(f));
    }
    return existsSync(join(ROOT, c));
  });
}

/** Every dead path named in a comment, as "file: path". */
export function deadReferences(): string[] {
  const dead: string[] = [];
  for (const file of files) {
    for (const comment of fileComments(file)) {
      for (const path of pathsIn(comment)) if (!resolves(file, path)) dead.push(`${file}: ${path}`);
    }
  }
  return [...new Set(dead)];
}

/**
 * References to the numbered issues of a tracker that is not in the repository (the word issue and a number)
 * in comments, in the documents under the scanned folders and docs/, and in README.md: a reader of the
 * repository cannot follow them. Say what the thing is instead (or link docs/decisions/).
 */
export function issueReferences(): string[] {
  const docs = execFileSync('git', ['ls-files', '-co', '--exclude-standard', ...SCANNED, 'docs', 'README.md'], { cwd: ROOT, encoding: 'utf8' })
    .split('\n').filter((f) => /\.(md|ya?ml)$/.test(f) && existsSync(join(ROOT, f)));
  const found: string[] = [];
  const scan = (file: string, text: string) => {
    for (const [ref] of text.matchAll(/\bissues? #?\d+\b/gi)) found.push(`${file}: ${ref}`);
  };
  for (const file of files) for (const comment of fileComments(file)) scan(file, comment);
  for (const file of docs) scan(file, readFileSync(join(ROOT, file), 'utf8'));
  return [...new Set(found)];
}

describe('comments name no issue of another tracker', () => {
  it('finds none', () => {
    const refs = issueReferences();
    if (refs.length) console.log(`Issue numbers in comments and documents:\n  ${refs.join('\n  ')}`);
    expect(refs, 'say what it is instead of its issue number (the tracker is not in the repository)').toEqual([]);
  }, 60_000); // parses every scanned file: seconds on a busy machine
});

describe('paths named in comments exist', () => {
  it('reads comments, not code', () => {
    const code = "const url = 'tests/unit/nowhere.test.ts'; // see src/lesson/README.md\n/** Tested in tests/unit/gone.test.ts */\n";
    expect(commentsOf('a.ts', code).flatMap(pathsIn)).toEqual(['src/lesson/README.md', 'tests/unit/gone.test.ts']);
    const py = 's = "src/x.py"  # see ../README.md\ndef f():\n    """Rules in server-behaviour.md."""\n';
    expect(commentsOf('a.py', py).flatMap(pathsIn)).toEqual(['../README.md', 'server-behaviour.md']);
  });

  it('resolves rooted, relative, bare and ignored paths', () => {
    expect(resolves('src/runtime/python/wsgisim/api.py', '../README.md')).toBe(true);
    expect(resolves('src/runtime/python/wsgisim/onion/summary.py', 'events.md')).toBe(true);
    expect(resolves('src/lesson/x.ts', 'README.md')).toBe(true);
    expect(resolves('bench/x.ts', 'bench/results/all.json')).toBe(true);
    expect(resolves('tests/x.ts', 'tests/e2e/editor-*.spec.ts')).toBe(true);
    expect(resolves('src/runtime/protocol.ts', 'python-api.md')).toBe(false);
    expect(resolves('tests/x.py', '/work/shared/curriculum.md')).toBe(false);
    expect(resolves('src/x.ts', 'tests/unit/editor-line-diff.test.ts')).toBe(false);
  });

  it('finds no dead path', () => {
    const dead = deadReferences();
    if (dead.length) console.log(`Comments naming paths that do not exist:\n  ${dead.join('\n  ')}`);
    expect(dead, 'fix the comment: name the file that exists now, or say it in words').toEqual([]);
  }, 60_000);
});
