/**
 * Download the playground's files: one file as itself, several as a zip (fflate, pinned), each with
 * a final newline as an editor would save it; and the exact commands that run them on a real server.
 */
import { strToU8, zipSync } from 'fflate';
import type { ServerMode, Workspace } from '../../runtime/client.ts';

function save(blob: Blob, name: string) {
  const url = URL.createObjectURL(blob);
  const a = Object.assign(document.createElement('a'), { href: url, download: name });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

const withNewline = (text: string) => (text.endsWith('\n') ? text : `${text}\n`);

/** Start the download; returns the file name used. */
export function downloadFiles(files: Workspace): string {
  const names = Object.keys(files);
  if (names.length === 1) {
    save(new Blob([withNewline(files[names[0]])], { type: 'text/x-python' }), names[0]);
    return names[0];
  }
  const zip = zipSync(Object.fromEntries(names.map((n) => [n, strToU8(withNewline(files[n]))])));
  save(new Blob([zip as BlobPart], { type: 'application/zip' }), 'wsgi-app.zip');
  return 'wsgi-app.zip';
}

/** The commands that serve `appSpec` ("module:callable") on 127.0.0.1:8000, for the chosen server. */
export function runCommands(appSpec: string, mode: ServerMode): string {
  const [module, callable = 'application'] = appSpec.split(':');
  if (mode === 'gunicorn') return `python3 -m pip install gunicorn\ngunicorn --bind 127.0.0.1:8000 ${module}:${callable}`;
  if (mode === 'waitress') return `python3 -m pip install waitress\nwaitress-serve --listen=127.0.0.1:8000 ${module}:${callable}`;
  return `python3 -c "from wsgiref.simple_server import make_server; from ${module} import ${callable}; make_server('127.0.0.1', 8000, ${callable}).serve_forever()"`;
}
