/**
 * Friendly cards above the results: a broken PEP 3333 rule (what happened, the rule, how to fix it),
 * an exception or a load failure (in plain words, with the line and the real traceback), or a notice
 * from the runtime (time limit, stopped, restarted).
 */
import type { Notice } from '../../runtime/client.ts';
import type { Violation } from '../../runtime/server-result.ts';
import { h, pepLink } from '../../dom/elements.ts';
import { plainWords, type PythonError } from './plain-errors.ts';

function traceback(text: string): HTMLElement | null {
  if (!text) return null;
  return h('details', { class: 'le-traceback' }, h('summary', {}, 'The real traceback'), h('pre', { tabindex: '0' }, text));
}

/** A card for one broken rule; `tb` is the traceback of the error it caused, if any. */
export function violationCard(v: Violation, tb = ''): HTMLElement {
  return h('section', { class: 'le-card le-card-violation', role: 'group', 'aria-label': 'Rule broken' },
    h('h4', {}, 'Your app broke a WSGI rule'),
    h('p', {}, h('strong', {}, 'What happened: '), v.message),
    h('p', {}, h('strong', {}, 'The rule: '), pepLink(v.pep)),
    h('p', {}, h('strong', {}, 'How to fix it: '), v.fix),
    traceback(tb));
}

/** Card titles by the core's error kind; any other kind is an exception raised by the app. */
const ERROR_TITLES: Record<string, string> = {
  app_load: 'The server could not load your app',
  script: 'Your script raised an exception',
  internal: 'The simulator itself failed (not your code)',
  // The connection stays open and the server needs more bytes (src/runtime/python/README.md, half_close).
  timeout: 'The server is still waiting for the rest of the request',
  bad_request: 'The server refused the request before your app ran',
};

/** A card for an exception or a failed import; `line` is where it is marked in the editor. */
export function errorCard(error: PythonError, line: number | null, goToLine: (line: number) => void): HTMLElement {
  const title = ERROR_TITLES[error.kind] ?? 'Your app raised an exception';
  return h('section', { class: 'le-card le-card-error', role: 'group', 'aria-label': 'Error' },
    h('h4', {}, title),
    h('p', {}, h('strong', {}, line ? `Line ${line}: ` : ''), plainWords(error)),
    h('p', { class: 'le-muted' }, h('code', {}, error.message)),
    line ? h('button', { type: 'button', class: 'le-button le-small', onclick: () => goToLine(line) }, `Go to line ${line}`) : null,
    traceback(error.traceback));
}

/** A card for a runtime notice (the run was stopped, Python restarted, output cut...). */
export function noticeCard(notice: Notice): HTMLElement {
  return h('section', { class: 'le-card le-card-notice', role: 'group', 'aria-label': 'Notice' },
    h('h4', {}, notice.kind === 'cancelled' ? 'Stopped' : notice.kind === 'time-limit' ? 'Time limit reached' : 'Notice'),
    h('p', {}, notice.message));
}
