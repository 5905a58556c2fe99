/**
 * The playground page's script: files (tabs, add, remove), one editor for the open file, the
 * composer, the server mode, Run / Stop, saving as the reader types, share links and downloads.
 * A share link opens as its own workspace: nothing runs until the reader clicks Run, and the
 * reader's own saved playground is never touched. Pasting another link while on the page opens it
 * (hashchange). Shared workspaces kept in this browser are listed under the editor, each deletable.
 */
import { createCodeEditor, type CodeEditor } from '../../editor/code-editor.ts';
import type { RunHandle, ServerMode } from '../../runtime/client.ts';
import { Composer } from '../../lesson/composer/composer.ts';
import { fromPreset, requestBytes } from '../../lesson/composer/request-state.ts';
import { executeRun } from '../../lesson/live-editor/execute-run.ts';
import { renderNotice } from '../../lesson/live-editor/notices.ts';
import { RunStatus, preloadNear } from '../../lesson/live-editor/run-status.ts';
import { showPlainCode } from '../../lesson/live-editor/static-code.ts';
import { downloadFiles, runCommands } from './download.ts';
import { decodeShare, encodeShare } from './share.ts';
import { PRESETS } from './presets.ts';
import { STARTER } from './starter.ts';
import { checkFileName, deleteShared, listShared, loadState, saveState, workspaceKey, type PlaygroundState } from './workspace.ts';

const root = document.querySelector<HTMLElement>('[data-playground]')!;
const $ = <T extends HTMLElement = HTMLElement>(selector: string) => root.querySelector<T>(selector)!;
const host = $('[data-code-host]');
const banner = document.querySelector<HTMLElement>('[data-banner]')!;
const modeSelect = $<HTMLSelectElement>('[data-mode]');
const appSpecInput = $<HTMLInputElement>('[data-app-spec]');
const status = RunStatus.for($('[data-status]'));
const composer = new Composer($('[data-composer]'), PRESETS, () => scheduleSave());
const isDark = () => document.documentElement.dataset.theme === 'dark';

const fresh = (): PlaygroundState => ({ files: { 'app.py': STARTER }, active: 'app.py', request: fromPreset(PRESETS[0]), mode: 'reference', appSpec: 'app:app' });
let state: PlaygroundState = fresh();
let key = workspaceKey(null);
let baseRev = 0;
let editor: CodeEditor | null = null;
let editorWanted = false;
let running: RunHandle | null = null;
let saveTimer: ReturnType<typeof setTimeout> | undefined;
let unsaved = false;
const tab: { last?: string } = {};

function show() {
  const tabs = $('[data-file-tabs]');
  tabs.replaceChildren(...Object.keys(state.files).map((name) => {
    const b = document.createElement('button');
    Object.assign(b, { type: 'button', className: 'le-tab', textContent: name });
    b.setAttribute('role', 'tab');
    b.setAttribute('aria-selected', String(name === state.active));
    b.tabIndex = name === state.active ? 0 : -1;
    b.dataset.file = name;
    return b;
  }));
  $<HTMLButtonElement>('[data-remove-file]').disabled = Object.keys(state.files).length < 2;
  modeSelect.value = state.mode;
  appSpecInput.value = state.appSpec;
  $('[data-commands]').textContent = runCommands(state.appSpec, state.mode);
  void showCode();
}

async function showCode() {
  const code = state.files[state.active] ?? '';
  host.style.setProperty('--le-lines', String(code.split('\n').length));
  if (!editorWanted) {
    const pre = host.querySelector('pre')!;
    showPlainCode(pre, code);
    pre.setAttribute('aria-label', `Code of ${state.active}. Focus or click to edit.`);
    return;
  }
  // One editor per open file: its undo history belongs to that file alone.
  const focus = editor !== null && host.contains(document.activeElement);
  editor?.dispose();
  editor = null;
  const made = await createCodeEditor(host, { value: code, label: `Code of ${state.active}, editable`, dark: isDark(), describedBy: 'pg-keys' });
  const file = state.active;
  made.onChange((value) => { state.files[file] = value; scheduleSave(); });
  made.onRun(() => void run());
  editor = made;
  if (focus) made.focus();
}

function openEditor() {
  if (editorWanted) return;
  editorWanted = true;
  void showCode().then(() => editor?.focus());
}

function scheduleSave() {
  clearTimeout(saveTimer);
  unsaved = true;
  saveTimer = setTimeout(saveNow, 300);
}

function saveNow(force = false) {
  clearTimeout(saveTimer);
  unsaved = false;
  state.request = composer.state;
  const outcome = saveState(key, state, baseRev, force);
  if (outcome.ok) { const first = baseRev === 0; baseRev = outcome.rev; if (first) showShared(); }
  else if (outcome.reason === 'conflict') {
    const loaded = loadState(key);
    const theirs = loaded && 'state' in loaded ? loaded : null;
    renderNotice(root, 'conflict', JSON.stringify(theirs?.state.files, null, 1), JSON.stringify(state.files, null, 1), {
      useOther: () => { if (theirs) { state = theirs.state; baseRev = theirs.rev; composer.state = state.request; show(); } },
      keepMine: () => saveNow(true),
    });
  } else renderNotice(root, 'storage', '', '', {}, outcome.message);
}

async function run() {
  if (running) return;
  saveNow();
  const [module] = state.appSpec.split(':');
  const mark = await executeRun({
    files: { ...state.files }, file: `${module}.py`, kind: 'request', bytes: requestBytes(composer.state),
    mode: state.mode, appSpec: state.appSpec, halfClose: composer.state.halfClose, results: $('[data-results]'), status,
    runButton: $<HTMLButtonElement>('[data-action="run"]'), stopButton: $<HTMLButtonElement>('[data-action="stop"]'), tab,
    goToLine: (line) => { state.active = `${module}.py`; editorWanted = true; show(); void showCode().then(() => editor?.goToLine(line)); },
    onHandle: (handle) => { running = handle; },
  });
  if (mark && state.active === `${module}.py`) editor?.markLine(mark);
}

async function share() {
  saveNow();
  const out = $('[data-share-status]');
  const fragment = await encodeShare({ v: 1, files: state.files, request: composer.state, mode: state.mode });
  const url = `${location.origin}${location.pathname}${fragment}`;
  try {
    await navigator.clipboard.writeText(url);
    out.textContent = `Share link copied (${url.length} characters). Whoever opens it sees these files as their own copy; nothing runs until they click Run.`;
  } catch {
    out.textContent = url;
  }
  root.dataset.shareUrl = url;
}

function wire() {
  host.addEventListener('focusin', openEditor);
  host.addEventListener('pointerdown', openEditor);
  $('[data-file-tabs]').addEventListener('click', (event) => {
    const name = (event.target as HTMLElement).closest<HTMLElement>('[data-file]')?.dataset.file;
    if (!name || name === state.active) return;
    state.active = name;
    show();
    scheduleSave();
  });
  $('[data-file-tabs]').addEventListener('keydown', (event) => {
    const names = Object.keys(state.files);
    const i = names.indexOf(state.active);
    const next = event.key === 'ArrowRight' ? i + 1 : event.key === 'ArrowLeft' ? i - 1 : null;
    if (next === null) return;
    state.active = names[(next + names.length) % names.length];
    show();
    $<HTMLElement>(`[data-file="${state.active}"]`).focus();
  });
  const form = $<HTMLFormElement>('[data-new-file]');
  $('[data-add-file]').addEventListener('click', (event) => {
    form.hidden = !form.hidden;
    (event.currentTarget as HTMLElement).setAttribute('aria-expanded', String(!form.hidden));
    if (!form.hidden) form.querySelector('input')!.focus();
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const input = form.querySelector('input')!;
    const name = input.value.trim();
    const error = checkFileName(name, state.files);
    form.querySelector('[data-new-file-error]')!.textContent = error ?? '';
    if (error) return;
    state.files[name] = `# ${name}: import it from app.py with: import ${name.slice(0, -3)}\n`;
    state.active = name;
    input.value = '';
    form.hidden = true;
    show();
    saveNow();
  });
  $('[data-remove-file]').addEventListener('click', () => {
    const names = Object.keys(state.files);
    if (names.length < 2) return;
    delete state.files[state.active];
    state.active = Object.keys(state.files)[0];
    show();
    saveNow();
  });
  modeSelect.addEventListener('change', () => { state.mode = modeSelect.value as ServerMode; show(); scheduleSave(); });
  appSpecInput.addEventListener('input', () => { state.appSpec = appSpecInput.value.trim() || 'app:app'; $('[data-commands]').textContent = runCommands(state.appSpec, state.mode); scheduleSave(); });
  root.addEventListener('click', (event) => {
    const target = event.target as HTMLElement;
    if (target.closest('[data-action="run"]')) void run();
    if (target.closest('[data-action="stop"]')) running?.cancel();
    if (target.closest('[data-share]')) void share();
    if (target.closest('[data-download]')) {
      saveNow();
      $('[data-share-status]').textContent = `Downloaded ${downloadFiles(state.files)}. The commands to run it are below.`;
      root.querySelector<HTMLDetailsElement>('.pg-real')!.open = true;
    }
  });
  root.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey) && !editor?.focusTarget.contains(event.target as Node)) {
      event.preventDefault();
      void run();
    }
  });
  addEventListener('storage', (event) => {
    if (event.key !== key) return;
    const newer = loadState(key);
    if (!newer || !('state' in newer) || newer.rev <= baseRev) return;
    if (unsaved) { saveNow(); return; }
    state = newer.state;
    baseRev = newer.rev;
    composer.state = state.request;
    show();
  });
  addEventListener('pagehide', () => { if (unsaved) saveNow(); });
  addEventListener('hashchange', () => { if (unsaved) saveNow(); void open(); });
  $('[data-shared-list]').addEventListener('click', (event) => {
    const item = (event.target as HTMLElement).closest<HTMLElement>('[data-delete-shared]');
    if (!item) return;
    const gone = item.dataset.deleteShared!;
    deleteShared(gone);
    if (gone === key) { location.assign(location.pathname); return; }
    showShared();
  });
  document.addEventListener('visibilitychange', () => { if (document.hidden && unsaved) saveNow(); });
  new MutationObserver(() => editor?.setDark(isDark())).observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] });
}

function showBanner(parts: (string | HTMLElement)[]) {
  const p = document.createElement('p');
  p.append(...parts);
  banner.replaceChildren(p);
  banner.hidden = parts.length === 0;
}

/** The shared workspaces this browser keeps, each with a Delete button. */
function showShared() {
  const box = $<HTMLDetailsElement>('[data-shared-list]');
  const entries = listShared();
  box.hidden = entries.length === 0;
  box.querySelector('summary')!.textContent = `Shared workspaces kept in this browser (${entries.length})`;
  box.querySelector('ul')!.replaceChildren(...entries.map((entry) => {
    const li = document.createElement('li');
    const files = entry.files.join(', ') || 'unreadable files';
    const when = entry.savedAt ? new Date(entry.savedAt).toLocaleString() : 'unknown date';
    const current = entry.key === key ? ' (open now)' : '';
    li.textContent = `${files}: ${Math.ceil(entry.chars / 1000)} KB, saved ${when}${current} `;
    const del = Object.assign(document.createElement('button'), { type: 'button', className: 'le-button le-small', textContent: 'Delete' });
    del.dataset.deleteShared = entry.key;
    del.setAttribute('aria-label', `Delete shared workspace ${files}${current}`);
    li.append(del);
    return li;
  }));
}

/** Open the workspace the URL names: a share link's own workspace, else the reader's playground. */
async function open() {
  running?.cancel();
  let fragment = false;
  let shown: (string | HTMLElement)[] = [];
  key = workspaceKey(null);
  state = fresh();
  baseRev = 0;
  try {
    const shared = await decodeShare(location.hash);
    if (shared) {
      fragment = true;
      key = workspaceKey(shared.id);
      const { files, request, mode } = shared.work;
      state = { files, active: Object.keys(files)[0], request, mode, appSpec: 'app:app' };
      const back = Object.assign(document.createElement('a'), { href: location.pathname, textContent: 'Back to my own playground' });
      shown = ['You opened a share link: this is its own workspace. Nothing has run yet; click Run when you are ready. Your own playground is saved separately and was not changed. ', back];
    }
  } catch (err) {
    shown = [`${(err as Error).message} Your own playground is shown instead.`];
  }
  const saved = loadState(key);
  if (saved && 'damaged' in saved) {
    shown.push(` The copy kept in this browser could not be read (${saved.damaged}), so ${fragment ? 'the link’s own files are' : 'the starting example is'} shown; it replaces the damaged copy when you edit.`);
    baseRev = saved.rev;
  } else if (saved) { state = saved.state; baseRev = saved.rev; }
  $('[data-shared-tag]').hidden = !fragment;
  showBanner(shown);
  composer.state = state.request;
  $('[data-results]').hidden = true;
  show();
  showShared();
}

async function start() {
  await open();
  wire();
  if (document.readyState === "complete") preloadNear([root]);
  else addEventListener("load", () => preloadNear([root]), { once: true });
}

void start();
