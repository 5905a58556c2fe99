import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * Every test runs: each test file under tests/ is named by some tests/stages/*.sh (`npm test` runs the
 * stages, nothing else), directly, by a glob or a Vitest/Playwright path filter the stage passes, by the
 * directory a `python3 -m unittest discover` searches, or by the testMatch of a Playwright config the
 * stage uses. A file no stage names is an orphan and fails this test, named.
 */

const ROOT = normalize(join(dirname(new URL(import.meta.url).pathname), '../..'));
const STAGES = join(ROOT, 'tests/stages');

/** Every file under dir (repo-relative, '/'-separated), skipping output and caches. */
function walk(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(join(ROOT, dir))) {
    if (name === 'output' || name === '__pycache__' || name === 'node_modules') continue;
    const path = `${dir}/${name}`;
    if (statSync(join(ROOT, path)).isDirectory()) out.push(...walk(path));
    else out.push(path);
  }
  return out;
}

/** A Node script under tests/content or tests/python that exports nothing is run, not imported. */
function isEntryScript(path: string): boolean {
  return /^tests\/(content|python)\/.*\.ts$/.test(path) && !/^export\b/m.test(readFileSync(join(ROOT, path), 'utf8'));
}

/** The files under tests/ that are tests: unit, e2e, Python tests and the runner and check scripts. */
export function testFiles(): string[] {
  return walk('tests').filter(
    (path) =>
      /^tests\/unit\/.*\.test\.ts$/.test(path) ||
      /^tests\/e2e\/.*\.spec\.ts$/.test(path) ||
      /\/test_[^/]*\.py$/.test(path) ||
      /\/(check|run)_[^/]*\.py$/.test(path) ||
      isEntryScript(path),
  );
}

/** A shell glob (`*`, `?`) as an anchored regular expression. */
function globToRegExp(glob: string): RegExp {
  const body = glob.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[^/]*').replace(/\?/g, '[^/]');
  return new RegExp(`^${body}$`);
}

/** How one stage names files: predicates over repo-relative paths. */
export function stageMatchers(script: string): Array<(path: string) => boolean> {
  const matchers: Array<(path: string) => boolean> = [];
  let cwd = '';
  for (const raw of script.split('\n')) {
    const line = raw.replace(/(^|\s)#.*$/, '').trim();
    if (!line) continue;
    // cd "$(dirname "$0")/REL": the stage moves relative to tests/stages/.
    const cd = line.match(/cd "\$\(dirname "\$0"\)\/([^"]*)"/);
    if (cd) cwd = normalize(join('tests/stages', cd[1])).replace(/^\.$/, '');
    const words = line.split(/\s+/).map((w) => w.replace(/^["']|["']$/g, ''));
    const resolve = (word: string) => normalize(join(cwd, word)).replace(/\/$/, '');
    // python3 -m unittest discover -s DIR [-p PATTERN]: test*.py directly in DIR.
    if (words.includes('discover')) {
      const dirAt = words.indexOf('-s');
      const patAt = words.indexOf('-p');
      const dir = dirAt >= 0 ? resolve(words[dirAt + 1]) : cwd;
      const pattern = globToRegExp(patAt >= 0 ? words[patAt + 1] : 'test*.py');
      matchers.push((path) => dirname(path) === dir && pattern.test(path.slice(dir.length + 1)));
      continue;
    }
    for (let i = 0; i < words.length; i++) {
      const word = words[i];
      // A Playwright config: its testDir + testMatch name the specs it runs.
      if (word === '--config') {
        const config = resolve(words[++i]);
        const text = readFileSync(join(ROOT, config), 'utf8');
        const testDir = text.match(/testDir:\s*'([^']*)'/)?.[1] ?? '.';
        const testMatch = text.match(/testMatch:\s*'([^']*)'/)?.[1] ?? '*.spec.ts';
        const re = globToRegExp(normalize(join(dirname(config), testDir, testMatch)));
        matchers.push((path) => re.test(path));
        continue;
      }
      if (!/^[\w.][\w./*?-]*$/.test(word) || !/[/.]/.test(word) || word.startsWith('-')) continue;
      const target = resolve(word);
      if (/[*?]/.test(target)) {
        const re = globToRegExp(target);
        matchers.push((path) => re.test(path));
      } else {
        // An existing file names itself; anything else under tests/ is a Vitest/Playwright path filter.
        matchers.push((path) => path === target || (target.startsWith('tests/') && path.startsWith(target)));
      }
    }
  }
  return matchers;
}

/** The test files no stage names. */
export function orphans(): string[] {
  const matchers = readdirSync(STAGES)
    .filter((name) => name.endsWith('.sh'))
    .flatMap((name) => stageMatchers(readFileSync(join(STAGES, name), 'utf8')));
  return testFiles().filter((path) => !matchers.some((m) => m(path)));
}

describe('every test file runs in some stage', () => {
  it('finds the test files it is meant to guard', () => {
    const files = testFiles();
    expect(files).toContain('tests/unit/meta-stages.test.ts');
    expect(files).toContain('tests/e2e/hardening-nginx.spec.ts');
    expect(files).toContain('tests/python/unit/test_api.py');
    expect(files).toContain('tests/content/check_examples.py');
    expect(files).toContain('tests/content/pyodide_examples.ts');
    expect(files).not.toContain('tests/content/pyodide_run.ts');
  });

  it('reads globs, filters, discover and Playwright configs', () => {
    const named = (script: string, path: string) => stageMatchers(script).some((m) => m(path));
    expect(named('npx vitest run tests/unit/site-', 'tests/unit/site-schema.test.ts')).toBe(true);
    expect(named('npx vitest run tests/unit/site-', 'tests/unit/editor-x.test.ts')).toBe(false);
    expect(named('npx playwright test tests/e2e/runtime-*.spec.ts', 'tests/e2e/runtime-basics.spec.ts')).toBe(true);
    expect(named('cd "$(dirname "$0")/../.."\npython3 -m unittest discover -s tests/python/unit -t tests/python/unit', 'tests/python/unit/test_api.py')).toBe(true);
    expect(named('cd "$(dirname "$0")/../content"\ntimeout 300 python3 check_examples.py', 'tests/content/check_examples.py')).toBe(true);
    expect(named('npx playwright test --config tests/e2e/nginx.playwright.config.ts', 'tests/e2e/hardening-nginx.spec.ts')).toBe(true);
    expect(named('# npx vitest run tests/unit/editor-', 'tests/unit/editor-x.test.ts')).toBe(false);
  });

  it('has no orphan', () => {
    const found = orphans();
    if (found.length) console.log(`Test files no tests/stages/*.sh runs:\n  ${found.join('\n  ')}`);
    expect(found, 'add each to the stage that owns it (tests/stages/)').toEqual([]);
  });

  it('names only paths that exist', () => {
    // A stage that names a file that is gone runs nothing for it and says nothing.
    const missing: string[] = [];
    for (const name of readdirSync(STAGES).filter((n) => n.endsWith('.sh'))) {
      for (const raw of readFileSync(join(STAGES, name), 'utf8').split('\n')) {
        const line = raw.replace(/(^|\s)#.*$/, '');
        for (const [path] of line.matchAll(/\btests\/[\w./-]+\.(?:ts|py)\b/g)) {
          if (!existsSync(join(ROOT, path))) missing.push(`${name}: ${path}`);
        }
      }
    }
    expect(missing).toEqual([]);
  });
});
