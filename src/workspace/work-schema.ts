/**
 * The shape of work that comes from outside the page's own code: a share link, a saved entry read
 * back from storage, an imported progress file. Each check returns what is wrong in plain words,
 * naming the field (`request.headers`), or null when the value has the expected shape and size.
 * Unit-tested in tests/unit/playground-share.test.ts.
 */
import { fileNameProblem } from './workspace-names.ts';
import { SERVER_MODE_NAMES } from '../runtime/server-modes.ts';

/** What a workspace may hold: enough for any lesson-sized app, far from what fills a browser's storage. */
export const WORK_LIMITS = { files: 20, totalChars: 200_000, headers: 100, requestChars: 100_000 };
/** The core's modes (generated from its mode classes: src/runtime/server-modes.ts). */
export const SERVER_MODES = SERVER_MODE_NAMES;

/** A value described for a message: "null", "a list", "the number 5", "text". */
export function describe(value: unknown): string {
  if (value === null) return 'null';
  if (value === undefined) return 'missing';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'string') return 'text';
  if (typeof value === 'number' || typeof value === 'boolean') return `${typeof value === 'number' ? 'the number' : ''} ${String(value)}`.trim();
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Files: an object of name → text, every name valid by the one rule, within the limits. */
export function filesProblem(value: unknown, path = 'files'): string | null {
  if (!isObject(value)) return `${path} is ${describe(value)}; it should be an object of file names and their text.`;
  const names = Object.keys(value);
  if (names.length === 0) return `${path} is empty: there must be at least one file.`;
  if (names.length > WORK_LIMITS.files) return `${path} has ${names.length} files; at most ${WORK_LIMITS.files} are kept.`;
  let total = 0;
  for (const name of names) {
    const problem = fileNameProblem(name);
    if (problem) return `${path}: ${problem}`;
    const text = value[name];
    if (typeof text !== 'string') return `${path}[${JSON.stringify(name)}] is ${describe(text)}; a file's content must be text.`;
    total += text.length;
  }
  if (total > WORK_LIMITS.totalChars) return `${path} hold ${total.toLocaleString('en')} characters; at most ${WORK_LIMITS.totalChars.toLocaleString('en')} are kept.`;
  return null;
}

/** A composed request (RequestState): form or raw, headers as [name, value] pairs of text. */
export function requestProblem(value: unknown, path = 'request'): string | null {
  if (!isObject(value)) return `${path} is ${describe(value)}; it should be an object with method, target, headers and body.`;
  if (value.mode !== 'form' && value.mode !== 'raw') return `${path}.mode is ${describe(value.mode)}; it should be "form" or "raw".`;
  for (const field of ['method', 'target', 'body', 'raw'] as const) {
    if (typeof value[field] !== 'string') return `${path}.${field} is ${describe(value[field])}; it should be text.`;
  }
  if (value.halfClose !== undefined && typeof value.halfClose !== 'boolean') return `${path}.halfClose is ${describe(value.halfClose)}; it should be true or false.`;
  const headers = value.headers;
  if (!Array.isArray(headers)) return `${path}.headers is ${describe(headers)}; it should be a list of [name, value] pairs.`;
  if (headers.length > WORK_LIMITS.headers) return `${path}.headers has ${headers.length} entries; at most ${WORK_LIMITS.headers} are kept.`;
  let chars = (value.target as string).length + (value.body as string).length + (value.raw as string).length;
  for (const [i, pair] of headers.entries()) {
    if (!Array.isArray(pair) || pair.length !== 2 || typeof pair[0] !== 'string' || typeof pair[1] !== 'string') {
      return `${path}.headers[${i}] is ${describe(pair)}; each header should be a [name, value] pair of text.`;
    }
    chars += pair[0].length + pair[1].length;
  }
  if (chars > WORK_LIMITS.requestChars) return `${path} holds ${chars.toLocaleString('en')} characters; at most ${WORK_LIMITS.requestChars.toLocaleString('en')} are kept.`;
  return null;
}

/** One of the server modes the core imitates. */
export function modeProblem(value: unknown, path = 'mode'): string | null {
  return (SERVER_MODES as readonly unknown[]).includes(value) ? null : `${path} is ${typeof value === 'string' ? JSON.stringify(value.slice(0, 40)) : describe(value)}; it should be one of ${SERVER_MODES.join(', ')}.`;
}

/** An application spec, "module:callable", both Python identifiers (it is written into shell commands). */
export function appSpecProblem(value: unknown, path = 'appSpec'): string | null {
  return typeof value === 'string' && /^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*(:[A-Za-z_][A-Za-z0-9_]*)?$/.test(value)
    ? null : `${path} is ${typeof value === 'string' ? JSON.stringify(value.slice(0, 40)) : describe(value)}; it should be module:callable, e.g. app:app.`;
}
