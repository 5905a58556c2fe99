/**
 * The one rule for the names of a workspace's files, wherever they come from: a file the reader adds
 * in the playground, a share link, saved or imported work, and the names written into the zip download.
 * A name is a Python module file in the workspace's own folder (`helpers.py`): no folders, no `..`,
 * no absolute paths, nothing the worker would write outside the reader's directory.
 */

/** The longest file name accepted (Python itself allows more; a shared link needs no more). */
export const MAX_NAME_LENGTH = 64;
const MODULE_FILE = /^[A-Za-z_][A-Za-z0-9_]*\.py$/;

/** Why `name` cannot be a workspace file, in plain words, or null when it can. */
export function fileNameProblem(name: unknown): string | null {
  if (typeof name !== 'string') return 'A file name must be text.';
  const shown = JSON.stringify(name.length > 40 ? `${name.slice(0, 40)}…` : name);
  if (name === '') return 'A file name cannot be empty.';
  if (name.length > MAX_NAME_LENGTH) return `The file name ${shown} is longer than ${MAX_NAME_LENGTH} characters.`;
  if (/[/\\]/.test(name) || name === '.' || name === '..') {
    return `The file name ${shown} is a path: a file can only live in the workspace's own folder, e.g. helpers.py.`;
  }
  if (!MODULE_FILE.test(name)) return `The file name ${shown} is not a Python module name ending in .py, e.g. helpers.py.`;
  return null;
}

/** The names among `names` that break the rule, each with its reason. */
export function badFileNames(names: Iterable<string>): { name: string; problem: string }[] {
  const bad: { name: string; problem: string }[] = [];
  for (const name of names) {
    const problem = fileNameProblem(name);
    if (problem) bad.push({ name, problem });
  }
  return bad;
}
