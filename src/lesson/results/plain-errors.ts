/**
 * Python's error messages, said in plain words for someone learning, with the line to mark in the
 * editor. The real message and traceback are always shown as well; this only adds a first sentence.
 * Pure functions, unit-tested in tests/unit/editor-results-format.test.ts.
 */
export interface PythonError {
  kind: string;
  message: string;
  traceback: string;
  line: number | null;
  file: string | null;
}

const PATTERNS: [RegExp, (m: RegExpMatchArray) => string][] = [
  [/'([([{])' was never closed/, (m) => `An opening ${m[1]} on this line is never closed: add the matching ${({ '(': ')', '[': ']', '{': '}' } as Record<string, string>)[m[1]]}.`],
  [/unmatched '([)\]}])'/, (m) => `There is a closing ${m[1]} here with no opening bracket before it.`],
  [/closing parenthesis '(.)' does not match opening parenthesis '(.)'/, (m) => `A ${m[1]} closes a ${m[2]}: the brackets are mixed up.`],
  [/unterminated (triple-quoted )?string literal/, () => 'A string starts on this line but its closing quote is missing.'],
  [/expected ':'/, () => 'A colon (:) is missing at the end of this line (after def, class, if, for, while, with, try...).'],
  [/expected an indented block/, () => 'The line after one ending in a colon must be indented (4 spaces more).'],
  [/unexpected indent/, () => 'This line is indented more than the code around it.'],
  [/unindent does not match any outer indentation level/, () => "This line's indentation does not line up with any line above it."],
  [/inconsistent use of tabs and spaces/, () => 'This line mixes tabs and spaces for indentation: use spaces only.'],
  [/invalid syntax\. Perhaps you forgot a comma\?/, () => 'Python could not read this line: a comma seems to be missing between two items.'],
  [/invalid syntax/, () => 'Python could not read this line. Look for a missing bracket, quote, colon or comma, here or at the end of the line before.'],
  [/name '(\w+)' is not defined/, (m) => `${m[1]} is used here but was never defined: check the spelling, or the import it needs.`],
  [/Failed to find attribute '(\w+)' in '(\w+)'/, (m) => `The server looked for a callable named ${m[1]} in ${m[2]}.py and found none: name your WSGI application ${m[1]}.`],
  [/No module named '([\w.]+)'/, (m) => `Python found no module named ${m[1]}. Only the standard library and your own files are available here.`],
  [/takes (\d+) positional arguments? but (\d+) (?:were|was) given/, (m) => `A function was called with ${m[2]} arguments but accepts ${m[1]}. A WSGI app takes exactly two: environ and start_response.`],
  [/'(\w+)' object is not callable/, (m) => `Something of type ${m[1]} was called like a function.`],
  [/KeyError: (.+)/, (m) => `The key ${m[1]} is not in the dict. For environ keys that may be missing, use environ.get(key, default).`],
  [/division by zero/, () => 'A number was divided by zero.'],
  [/can't concat str to bytes|can only concatenate str \(not "bytes"\)/, () => 'Text (str) and bytes were joined. Encode the text first: text.encode("utf-8").'],
];

/** The error's message without Python's "(file, line N)" suffix and "Type:" prefix. */
export function bareMessage(message: string): string {
  return message.replace(/\s*\([^()]*, line \d+\)\s*$/, '').replace(/^[A-Za-z_.]*(Error|Exception|Interrupt|Exit): /, '');
}

/** One sentence in plain words about this error (falls back to Python's own message). */
export function plainWords(error: Pick<PythonError, 'message'>): string {
  for (const [pattern, say] of PATTERNS) {
    const match = error.message.match(pattern);
    if (match) return say(match);
  }
  return bareMessage(error.message);
}

/** The line to mark in the editor showing `file`, or null when the error is not in that file. */
export function errorLine(error: Pick<PythonError, 'line' | 'file' | 'traceback'>, file: string): number | null {
  if (error.line !== null && error.file !== null && (error.file === file || error.file.endsWith(`/${file}`))) return error.line;
  // A traceback's last frame in the reader's file, when the core pointed elsewhere (its own frames).
  const frames = [...error.traceback.matchAll(/File "([^"]+)", line (\d+)/g)]
    .filter(([, name]) => name === file || name.endsWith(`/${file}`));
  const last = frames.at(-1);
  return last ? Number(last[2]) : null;
}
