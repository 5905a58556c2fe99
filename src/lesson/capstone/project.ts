/**
 * The capstone's project as the reader downloads it: their app.py, a requirements.txt naming gunicorn,
 * and a README with the commands that serve it. Pure (no DOM), so CI builds the same zip from the
 * solution and serves it under real gunicorn (tests/content/capstone_gunicorn.ts).
 */
import { strToU8, zipSync } from 'fflate';
import { EXERCISE_PREFIX, readWork } from '../../workspace/pure.ts';

/** The exercise's saved code as its editor shows it (the workspace's saved work), or null (nothing saved, storage refused, or damaged); `storage`: this browser's. */
export function savedExerciseCode(name: string, storage?: Pick<Storage, 'getItem'> | null): string | null {
  const key = EXERCISE_PREFIX + name;
  return (storage === undefined ? readWork(key) : readWork(key, storage as Storage | null))?.code ?? null;
}

/** The command the README and the page show; CI runs it with another port. */
export const GUNICORN_COMMAND = 'gunicorn --workers 3 --bind 127.0.0.1:8000 app:app';

/** What the reader types, in order. */
export const PROJECT_COMMANDS = [
  'python3 -m pip install -r requirements.txt',
  GUNICORN_COMMAND,
  'curl -i http://127.0.0.1:8000/users/42',
];

const README = `# My WSGI framework

The capstone of "WSGI from the Ground Up": a router with path parameters, a Request object, a
Response helper and a middleware stack (logging, errors, auth) in one file, app.py, using only the
standard library. Any WSGI server can serve it; this project names gunicorn.

    ${PROJECT_COMMANDS.join('\n    ')}

gunicorn starts a master and three sync worker processes, each importing app.py and serving one
request at a time. Each request's log line (from the logging middleware) goes to wsgi.errors, which
gunicorn writes to its error log: the terminal it runs in. /admin/... needs the header
"Authorization: Bearer letmein" (the token in app.py).
`;

/** The project's files: app.py is exactly the reader's code, with a final newline. */
export function projectFiles(code: string): Record<string, string> {
  return {
    'app.py': code.endsWith('\n') ? code : `${code}\n`,
    'requirements.txt': 'gunicorn\n',
    'README.md': README,
  };
}

/** The project as zip bytes, its files in a folder named my-framework/. */
export function projectZip(code: string): Uint8Array {
  const files = projectFiles(code);
  return zipSync(Object.fromEntries(Object.entries(files).map(([name, text]) => [`my-framework/${name}`, strToU8(text)])));
}
