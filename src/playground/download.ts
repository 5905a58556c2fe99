/**
 * Download the playground's files: one file as itself, several as a zip (fflate, pinned), each with
 * a final newline as an editor would save it; and the exact commands that run them on a real server.
 * Only names that follow the workspace rule (workspace-names.ts) are written: no paths, no `..`.
 */
import { strToU8, zipSync } from 'fflate';
import type { ServerMode, Workspace } from '../runtime/client.ts';
import { SERVER_MODES } from '../runtime/server-modes.ts';
import { appSpecProblem, fileNameProblem } from '../workspace/pure.ts';

function save(blob: Blob, name: string) {
  const url = URL.createObjectURL(blob);
  const a = Object.assign(document.createElement('a'), { href: url, download: name });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

const withNewline = (text: string) => (text.endsWith('\n') ? text : `${text}\n`);

/** The zip's entries: only safe relative names, with what was left out. */
export function zipEntries(files: Workspace): { entries: Record<string, Uint8Array>; skipped: string[] } {
  const entries: Record<string, Uint8Array> = {};
  const skipped: string[] = [];
  for (const [name, text] of Object.entries(files)) {
    if (fileNameProblem(name) || typeof text !== 'string') skipped.push(name);
    else entries[name] = strToU8(withNewline(text));
  }
  return { entries, skipped };
}

/** Start the download; returns what the reader is told (the file name used, and any file left out). */
export function downloadFiles(files: Workspace): string {
  const { entries, skipped } = zipEntries(files);
  const names = Object.keys(entries);
  const left = skipped.length ? ` (left out, not a file name the workspace allows: ${skipped.map((n) => JSON.stringify(n)).join(', ')})` : '';
  if (names.length === 0) return `nothing${left}`;
  if (names.length === 1) {
    save(new Blob([entries[names[0]] as BlobPart], { type: 'text/x-python' }), names[0]);
    return `${names[0]}${left}`;
  }
  save(new Blob([zipSync(entries) as BlobPart], { type: 'application/zip' }), 'wsgi-app.zip');
  return `wsgi-app.zip${left}`;
}

/** "Download" in `root`: downloads `files()`, says what in [data-share-status], and opens the commands to run them. */
export function wireDownload(root: HTMLElement, files: () => Workspace): void {
  root.querySelector('[data-download]')!.addEventListener('click', () => {
    root.querySelector('[data-share-status]')!.textContent = `Downloaded ${downloadFiles(files())}. The commands to run it are below.`;
    root.querySelector<HTMLDetailsElement>('.pg-real')!.open = true;
  });
}

/** `text` as one shell word: unchanged when it is plainly safe, else in single quotes. */
export function shellQuote(text: string): string {
  return /^[A-Za-z0-9_.:/=@%+-]+$/.test(text) ? text : `'${text.replace(/'/g, `'\\''`)}'`;
}

/** The commands that serve `appSpec` ("module:callable") on 127.0.0.1:8000, for the chosen server: the
 * mode's own `pip_package` and `serve_command` (src/runtime/server-modes.ts, from the mode classes). */
export function runCommands(appSpec: string, mode: ServerMode): string {
  const [module, callable = 'application'] = appSpec.split(':');
  const spec = shellQuote(`${module}:${callable}`);
  const info = SERVER_MODES.find((m) => m.name === mode) ?? SERVER_MODES[0];
  const template: string = info.serveCommand;
  // A command that writes the names into Python code ({module}, {callable}): only identifiers may go there.
  if (template.includes('{module}') && appSpecProblem(appSpec)) return `# The application ${spec} is not module:callable (e.g. app:app); fix it above to get the command.`;
  const command = template.replace('{app}', spec).replaceAll('{module}', module).replaceAll('{callable}', callable);
  return info.pipPackage ? `python3 -m pip install ${info.pipPackage}\n${command}` : command;
}
