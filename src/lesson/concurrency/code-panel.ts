/**
 * One of the view's code boxes: the highlighted copy from the build, replaced by the site's editor
 * (src/editor: Monaco, or a textarea on touch screens) when the reader clicks or focuses it. Edits
 * are kept in localStorage like LiveEditor's, and Reset brings back the lesson's code.
 */
import { createCodeEditor, type CodeEditor } from '../../editor/code-editor.ts';
import { showPlainCode } from '../live-editor/static-code.ts';
import { clearWork, hashText, readWork, workKey, writeWork } from '../live-editor/saved-work.ts';
import type { AppConfig } from './config.ts';

const isDark = () => document.documentElement.dataset.theme === 'dark';

export class CodePanel {
  readonly app: AppConfig;
  private readonly root: HTMLElement;
  private readonly pre: HTMLElement;
  private readonly originalHtml: string;
  private readonly key: string;
  private editor: CodeEditor | null = null;
  private opening: Promise<CodeEditor> | null = null;
  private saveTimer: ReturnType<typeof setTimeout> | undefined;
  code: string;

  constructor(root: HTMLElement, app: AppConfig, viewName: string, private readonly onRun: () => void) {
    this.root = root;
    this.app = app;
    this.pre = root.querySelector('[data-code-host] pre')!;
    this.originalHtml = this.pre.innerHTML;
    this.key = workKey(location.pathname, `${viewName}:${app.file}`);
    this.code = readWork(this.key)?.code ?? app.original;
    if (this.code !== app.original) showPlainCode(this.pre, this.code);
    const host = root.querySelector<HTMLElement>('[data-code-host]')!;
    host.addEventListener('focusin', () => void this.open(true));
    host.addEventListener('pointerdown', () => void this.open(true));
    this.resetButton.addEventListener('click', () => this.reset());
    new MutationObserver(() => this.editor?.setDark(isDark()))
      .observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] });
    addEventListener('pagehide', () => this.save());
    this.updateMarkers();
  }

  /** True when `node` is inside this panel. */
  contains(node: Node): boolean {
    return this.root.contains(node);
  }

  private get resetButton(): HTMLButtonElement {
    return this.root.querySelector('[data-action="reset"]')!;
  }

  /** Replace the static copy with the editor (once); focus it when asked. */
  open(focus: boolean): Promise<CodeEditor> {
    this.opening ??= (async () => {
      const host = this.root.querySelector<HTMLElement>('[data-code-host]')!;
      const editor = await createCodeEditor(host, {
        value: this.code, label: `Code of ${this.app.file}, editable`, dark: isDark(),
        describedBy: this.root.querySelector('[data-keys-hint]')?.id,
      });
      editor.onChange((value) => { this.code = value; this.updateMarkers(); this.scheduleSave(); });
      editor.onRun(this.onRun);
      editor.onEscape(() => this.resetButton.focus());
      this.editor = editor;
      return editor;
    })();
    return this.opening.then((editor) => { if (focus) editor.focus(); return editor; });
  }

  /** Back to the lesson's code (Ctrl+Z in the editor brings the edits back). */
  reset() {
    if (this.editor) this.editor.replaceAll(this.app.original);
    else this.pre.innerHTML = this.originalHtml;
    this.code = this.app.original;
    this.updateMarkers();
    clearWork(this.key);
  }

  private updateMarkers() {
    const modified = this.code !== this.app.original;
    this.root.querySelector<HTMLElement>('[data-modified]')!.hidden = !modified;
    this.resetButton.disabled = !modified;
  }

  private scheduleSave() {
    clearTimeout(this.saveTimer);
    this.saveTimer = setTimeout(() => this.save(), 300);
  }

  private save() {
    clearTimeout(this.saveTimer);
    if (this.code === this.app.original) { clearWork(this.key); return; }
    // No conflict handling across tabs here: the last edit wins, as the code is short and local.
    writeWork(this.key, { code: this.code, request: null, originalHash: hashText(this.app.original) }, 0, { force: true });
  }
}
