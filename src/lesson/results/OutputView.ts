/** What the code printed (stdout, stderr) and what the server logged, each labelled. */
import { h } from '../../dom/elements.ts';

/** The Output tab: three labelled blocks, "nothing" when empty. */
export function renderOutput(parts: { stdout: string; stderr: string; log: string }): HTMLElement {
  const block = (title: string, text: string) => h('section', { class: 'le-output-part' },
    h('h4', {}, title),
    text ? h('pre', { tabindex: '0', 'aria-label': title }, text) : h('p', { class: 'le-muted' }, 'Nothing.'));
  return h('div', { class: 'le-output' },
    block('Printed (stdout)', parts.stdout),
    block('Errors printed (stderr)', parts.stderr),
    block('Server log (wsgi.errors and tracebacks)', parts.log));
}
