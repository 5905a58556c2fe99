/**
 * The playground page: a workspace of several files on the workspace's parts — one CodeView showing
 * the open file, a WorkStore saving everything as the reader types, a RunPanel, the composer — plus
 * what only the playground has: file tabs, the server mode and app spec, share links and downloads.
 * A share link opens as its own workspace: nothing runs until the reader clicks Run, and the
 * reader's own saved playground is never touched. Pasting another link while on the page opens it
 * (hashchange). Shared workspaces kept in this browser are listed under the editor, each deletable.
 */
import { afterLoad, CodeView, Composer, fromPreset, preloadNear, readFiles, requestBytes, RunPanel, WorkStore, type SavedFiles, type ServerMode } from '../workspace/index.ts';
import { runCommands, wireDownload } from './download.ts';
import { FileTabs } from './file-tabs.ts';
import { PRESETS } from './presets.ts';
import { openFromUrl } from './opening.ts';
import { wireShare } from './share.ts';
import { sharedList, showBanner } from './shared-list.ts';
import { STARTER } from './starter.ts';
import { saveState, stateOf, workspaceKey, type PlaygroundState } from './workspaces.ts';

const root = document.querySelector<HTMLElement>('[data-playground]')!;
const $ = <T extends HTMLElement = HTMLElement>(selector: string) => root.querySelector<T>(selector)!;
const fresh = (): PlaygroundState => ({ files: { 'app.py': STARTER }, active: 'app.py', request: fromPreset(PRESETS[0]), mode: 'reference', appSpec: 'app:app' });

class Playground {
  private state = fresh();
  private readonly composer = new Composer($('[data-composer]'), PRESETS, () => this.store.changed());
  private readonly panel = new RunPanel(root, () => void this.run());
  private readonly listShared = sharedList($<HTMLDetailsElement>('[data-shared-list]'), () => this.store.key);
  private readonly tabs = new FileTabs(root, () => this.state, {
    opened: (save) => { this.show(); if (save) this.store.changed(); },
    listChanged: () => { this.show(); this.store.saveNow(); },
  });
  private readonly view = new CodeView({
    host: $('[data-code-host]'), code: STARTER, label: 'Code of app.py, editable', describedBy: 'pg-keys',
    onChange: (value) => { this.state.files[this.state.active] = value; this.store.changed(); },
    onRun: () => void this.run(),
  });
  private readonly store: WorkStore<SavedFiles> = new WorkStore<SavedFiles>({
    key: workspaceKey(null), notices: root, read: (key) => readFiles(key), write: (key, body, rev, { force }) => saveState(key, body, rev, force),
    snapshot: () => ({ ...this.state, request: this.composer.state }),
    apply: (work) => { this.state = stateOf(work); this.composer.state = this.state.request; this.show(); },
    text: (work) => JSON.stringify(work.files, null, 1),
    saved: (first) => { if (first) this.listShared(); },
  });

  constructor() {
    const modeSelect = $<HTMLSelectElement>('[data-mode]');
    modeSelect.addEventListener('change', () => { this.state.mode = modeSelect.value as ServerMode; this.show(); this.store.changed(); });
    const appSpec = $<HTMLInputElement>('[data-app-spec]');
    appSpec.addEventListener('input', () => { this.state.appSpec = appSpec.value.trim() || 'app:app'; this.showCommands(); this.store.changed(); });
    wireShare(root, () => { this.store.saveNow(); return { v: 1, files: this.state.files, request: this.composer.state, mode: this.state.mode }; });
    wireDownload(root, () => { this.store.saveNow(); return this.state.files; });
    addEventListener('hashchange', () => { if (this.store.unsaved) this.store.saveNow(); void this.open(); });
  }

  private showCommands() {
    $('[data-commands]').textContent = runCommands(this.state.appSpec, this.state.mode);
  }

  private show(): Promise<void> {
    this.tabs.render();
    $<HTMLSelectElement>('[data-mode]').value = this.state.mode;
    $<HTMLInputElement>('[data-app-spec]').value = this.state.appSpec;
    this.showCommands();
    return this.view.swap(this.state.files[this.state.active] ?? '', `Code of ${this.state.active}, editable`);
  }

  private async run() {
    if (this.panel.running) return;
    this.store.saveNow();
    const { files, appSpec, mode } = this.state;
    const file = `${appSpec.split(':')[0]}.py`;
    const { mark } = await this.panel.request({
      files: { ...files }, file, kind: 'request', bytes: requestBytes(this.composer.state), mode, appSpec, halfClose: this.composer.state.halfClose,
      goToLine: (line) => { this.state.active = file; void this.show().then(() => this.view.goToLine(line)); },
    });
    if (mark && this.state.active === file && this.view.opened) this.view.markLine(mark);
  }

  /** Open the workspace the URL names: a share link's own workspace, else the reader's playground. */
  async open() {
    this.panel.stop();
    const opened = await openFromUrl(location.hash, location.pathname, fresh());
    this.store.moveTo(opened.key, opened.rev);
    this.state = opened.state;
    $('[data-shared-tag]').hidden = !opened.shared;
    showBanner(document.querySelector<HTMLElement>('[data-banner]')!, opened.banner);
    this.composer.state = this.state.request;
    this.panel.results.hidden = true;
    void this.show();
    this.listShared();
  }
}

const playground = new Playground();
void playground.open().then(() => afterLoad(() => preloadNear([root])));
