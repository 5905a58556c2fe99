/**
 * One of the view's code boxes: a workspace CodeBox (the highlighted copy, the site's editor on
 * click or focus, edits saved like every editor's) with the panel's "modified" tag and Reset.
 */
import { CodeBox, workKey } from '../../workspace/index.ts';
import type { AppConfig } from './config.ts';

/** The code panel inside `root` for `app`, keyed by the view's name and the file. */
export function codePanel(root: HTMLElement, app: AppConfig, viewName: string, onRun: () => void): { app: AppConfig; box: CodeBox } {
  const reset = root.querySelector<HTMLButtonElement>('[data-action="reset"]')!;
  const box = new CodeBox({
    host: root.querySelector<HTMLElement>('[data-code-host]')!, original: app.original,
    key: workKey(location.pathname, `${viewName}:${app.file}`), notices: root,
    label: `Code of ${app.file}, editable`, describedBy: root.querySelector('[data-keys-hint]')?.id,
    onRun, onEscape: () => reset.focus(),
    onState: ({ modified }) => {
      root.querySelector<HTMLElement>('[data-modified]')!.hidden = !modified;
      reset.disabled = !modified;
    },
  });
  reset.addEventListener('click', () => box.reset());
  return { app, box };
}
