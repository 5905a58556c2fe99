/**
 * The playground's files bar: a tab per file (arrow keys move between them), "Add file" with its
 * name form, and "Remove this file". It edits the file list it is given and says when it did.
 */
import { checkFileName } from './workspaces.ts';
import type { PlaygroundState } from './workspaces.ts';

export interface FileTabsEvents {
  /** The open file changed (`save`: the reader chose it by a click, which is saved with the work). */
  opened(save: boolean): void;
  /** A file was added or removed: save now. */
  listChanged(): void;
}

export class FileTabs {
  constructor(private readonly root: HTMLElement, private readonly state: () => PlaygroundState, events: FileTabsEvents) {
    const tabs = this.$('[data-file-tabs]');
    tabs.addEventListener('click', (event) => {
      const name = (event.target as HTMLElement).closest<HTMLElement>('[data-file]')?.dataset.file;
      if (!name || name === this.state().active) return;
      this.state().active = name;
      events.opened(true);
    });
    tabs.addEventListener('keydown', (event) => {
      const s = this.state();
      const names = Object.keys(s.files);
      const i = names.indexOf(s.active);
      const next = event.key === 'ArrowRight' ? i + 1 : event.key === 'ArrowLeft' ? i - 1 : null;
      if (next === null) return;
      s.active = names[(next + names.length) % names.length];
      events.opened(false);
      this.$(`[data-file="${s.active}"]`).focus();
    });
    const form = this.$<HTMLFormElement>('[data-new-file]');
    this.$('[data-add-file]').addEventListener('click', (event) => {
      form.hidden = !form.hidden;
      (event.currentTarget as HTMLElement).setAttribute('aria-expanded', String(!form.hidden));
      if (!form.hidden) form.querySelector('input')!.focus();
    });
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      const input = form.querySelector('input')!;
      const name = input.value.trim();
      const s = this.state();
      const error = checkFileName(name, s.files);
      form.querySelector('[data-new-file-error]')!.textContent = error ?? '';
      if (error) return;
      s.files[name] = `# ${name}: import it from app.py with: import ${name.slice(0, -3)}\n`;
      s.active = name;
      input.value = '';
      form.hidden = true;
      events.listChanged();
    });
    this.$('[data-remove-file]').addEventListener('click', () => {
      const s = this.state();
      if (Object.keys(s.files).length < 2) return;
      delete s.files[s.active];
      s.active = Object.keys(s.files)[0];
      events.listChanged();
    });
  }

  private $<T extends HTMLElement = HTMLElement>(selector: string): T {
    return this.root.querySelector<T>(selector)!;
  }

  /** Draw the tabs for the current files. */
  render(): void {
    const { files, active } = this.state();
    this.$('[data-file-tabs]').replaceChildren(...Object.keys(files).map((name) => {
      const b = Object.assign(document.createElement('button'), { type: 'button', className: 'le-tab', textContent: name });
      b.setAttribute('role', 'tab');
      b.setAttribute('aria-selected', String(name === active));
      b.tabIndex = name === active ? 0 : -1;
      b.dataset.file = name;
      return b;
    }));
    this.$<HTMLButtonElement>('[data-remove-file]').disabled = Object.keys(files).length < 2;
  }
}
