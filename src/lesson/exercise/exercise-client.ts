/**
 * Brings every <Exercise> on the page to life. Kept small: hints, the solution, saved code and the
 * passed mark work at once; the code editor and Python are imported only when the reader edits the
 * code or runs the checks (dynamic imports), so a phase page stays light until then.
 */
import { markExercisePassed, phaseProgress } from '../../progress/progress.ts';
import { onStorageProblem, readItem, removeItem, writeItem } from '../../progress/storage.ts';
import { EXERCISE_CODE_PREFIX } from '../../progress/transfer.ts';
import type { CodeEditor } from '../../editor/code-editor.ts';
import type { CheckOutcome, CheckSpec } from './run-checks.ts';
import { lineDiff } from '../live-editor/line-diff.ts';
import { showPlainCode } from '../live-editor/static-code.ts';

const template = (root: HTMLElement, selector: string) =>
  root.querySelector<HTMLTemplateElement>(`template[${selector}]`)?.content.textContent ?? '';

function wire(root: HTMLElement): void {
  const name = root.dataset.exercise!;
  const slug = root.dataset.phaseSlug!;
  const kind = root.dataset.kind === 'asgi' ? 'asgi' : 'wsgi';
  const key = EXERCISE_CODE_PREFIX + name;
  const starter = template(root, 'data-starter');
  const solution = template(root, 'data-solution-text');
  const checks = JSON.parse(template(root, 'data-checks')) as CheckSpec[];
  const host = root.querySelector<HTMLElement>('[data-editor-host]')!;
  const highlighted = host.firstElementChild!.cloneNode(true);
  const runButton = root.querySelector<HTMLButtonElement>('[data-run]')!;
  const summary = root.querySelector<HTMLElement>('[data-summary]')!;
  let editor: CodeEditor | null = null;
  let opening: Promise<CodeEditor> | null = null;
  let saveTimer: ReturnType<typeof setTimeout> | undefined;

  const saved = readItem(key);
  let code = saved ?? starter;
  if (saved !== null && saved !== starter) {
    showPlainCode(host.querySelector('pre')!, saved);
    root.querySelector<HTMLElement>('[data-saved-note]')!.hidden = false;
  }
  onStorageProblem((message) => {
    const notice = root.querySelector<HTMLElement>('[data-storage-notice]')!;
    notice.textContent = message;
    notice.hidden = false;
  });
  const showPassed = () => { root.querySelector<HTMLElement>('[data-passed-badge]')!.hidden = !phaseProgress(slug).exercises[name]; };
  showPassed();

  const current = () => editor?.getValue() ?? code;
  const save = (text: string) => {
    code = text;
    clearTimeout(saveTimer);
    saveTimer = setTimeout(() => (text === starter ? removeItem(key) : writeItem(key, text)), 300);
  };

  async function openEditor(): Promise<CodeEditor> {
    opening ??= (async () => {
      const { createCodeEditor } = await import('../../editor/code-editor.ts');
      const dark = () => document.documentElement.dataset.theme === 'dark';
      for (const attr of ['role', 'tabindex', 'aria-label', 'aria-multiline']) host.removeAttribute(attr);
      const made = await createCodeEditor(host, {
        value: code, dark: dark(), label: `Code of the exercise ${root.querySelector('h3')?.firstChild?.textContent?.trim() ?? name}`,
        describedBy: root.querySelector('.exercise-keys')?.id,
      });
      made.onChange(save);
      made.onRun(() => void run());
      made.onEscape(() => runButton.focus());
      new MutationObserver(() => made.setDark(dark())).observe(document.documentElement, { attributeFilter: ['data-theme'] });
      editor = made;
      return made;
    })();
    return opening;
  }
  const openAndFocus = () => void openEditor().then((e) => e.focus());
  host.addEventListener('click', openAndFocus, { once: true });
  host.addEventListener('keydown', (event) => {
    if (editor || (event.key !== 'Enter' && event.key !== ' ')) return;
    event.preventDefault();
    openAndFocus();
  });

  function showOutcome(outcome: CheckOutcome): void {
    const item = [...root.querySelectorAll<HTMLElement>('[data-check]')].find((li) => li.dataset.check === outcome.name);
    if (!item) return;
    const passed = outcome.failures.length === 0;
    item.dataset.state = passed ? 'pass' : 'fail';
    item.querySelector('[data-state-label]')!.textContent = passed ? 'Passed' : 'Failed';
    item.querySelector('dl')?.remove();
    item.querySelector('.check-why')?.remove();
    if (passed) return;
    const why = checks.find((c) => c.name === outcome.name)?.why;
    if (why) {
      const p = document.createElement('p');
      p.className = 'check-why';
      p.textContent = why;
      item.append(p);
    }
    const list = document.createElement('dl');
    for (const f of outcome.failures) {
      const what = document.createElement('div');
      what.className = 'check-what';
      what.textContent = f.what;
      const rows = [['expected', f.expected], ['actual', f.actual]].flatMap(([label, value]) => {
        const dt = document.createElement('dt');
        dt.textContent = label;
        const dd = document.createElement('dd');
        dd.textContent = value;
        return [dt, dd];
      });
      list.append(what, ...rows);
    }
    item.append(list);
  }

  async function run(): Promise<void> {
    if (runButton.disabled) return;
    runButton.disabled = true;
    const text = current();
    for (const li of root.querySelectorAll<HTMLElement>('[data-check]')) {
      li.dataset.state = 'pending';
      li.querySelector('[data-state-label]')!.textContent = 'Waiting';
      li.querySelector('dl')?.remove();
      li.querySelector('.check-why')?.remove();
    }
    summary.textContent = 'Starting Python for the checks… (the first time takes a few seconds)';
    const outcomes: CheckOutcome[] = [];
    try {
      const [{ runtime }, { runChecks }] = await Promise.all([import('../live-editor/python.ts'), import('./run-checks.ts')]);
      const client = runtime();
      await client.load();
      summary.textContent = `Running ${checks.length} checks…`;
      await runChecks(client, kind, text, checks, (o) => { outcomes.push(o); showOutcome(o); });
      const passed = outcomes.filter((o) => o.failures.length === 0).length;
      if (passed === checks.length) {
        markExercisePassed(slug, name);
        showPassed();
        summary.textContent = `All ${checks.length} checks passed. Well done — this exercise is marked as passed.`;
      } else {
        summary.textContent = `${passed} of ${checks.length} checks passed. Each failed check shows what was expected and what your code did.`;
      }
    } catch (error) {
      summary.textContent = `The checks could not run: ${(error as Error).message}. Try Run checks again.`;
    } finally {
      runButton.disabled = false;
    }
  }
  runButton.addEventListener('click', () => void run());

  const hintButton = root.querySelector<HTMLButtonElement>('[data-hint]')!;
  const hints = [...root.querySelectorAll<HTMLTemplateElement>('template[data-hint-text]')].map((t) => t.content.textContent ?? '');
  const hintList = root.querySelector<HTMLOListElement>('[data-hints]')!;
  hintButton.addEventListener('click', () => {
    const shown = hintList.children.length;
    if (shown >= hints.length) return;
    const li = document.createElement('li');
    li.textContent = hints[shown];
    hintList.append(li);
    hintList.hidden = false;
    const left = hints.length - shown - 1;
    hintButton.textContent = left ? `Show another hint (${left} left)` : 'No more hints';
    hintButton.disabled = left === 0;
  });

  root.querySelector('[data-reset-code]')!.addEventListener('click', () => {
    if (editor) editor.replaceAll(starter); // undoable in the editor (Ctrl+Z)
    else host.replaceChildren(highlighted.cloneNode(true));
    save(starter);
    root.querySelector<HTMLElement>('[data-saved-note]')!.hidden = true;
    summary.textContent = 'The code is back to the starter.' + (editor ? ' Ctrl+Z in the editor undoes this.' : '');
  });

  const panel = root.querySelector<HTMLElement>('[data-solution-panel]')!;
  root.querySelector('[data-solution]')!.addEventListener('click', () => {
    panel.hidden = false;
    panel.querySelector<HTMLButtonElement>('[data-solution-yes]')!.focus();
  });
  panel.querySelector('[data-solution-yes]')!.addEventListener('click', () => {
    const diff = panel.querySelector<HTMLElement>('[data-diff]')!;
    diff.replaceChildren(...lineDiff(current().replace(/\n$/, ''), solution.replace(/\n$/, '')).map((line) => {
      const span = document.createElement('span');
      span.className = line.op === '+' ? 'diff-added' : line.op === '-' ? 'diff-removed' : 'diff-same';
      span.textContent = `${line.op === '-' ? '−' : line.op} ${line.text}`;
      return span;
    }));
    panel.querySelector<HTMLElement>('[data-solution-confirm]')!.hidden = true;
    panel.querySelector<HTMLElement>('[data-solution-body]')!.hidden = false;
    diff.focus();
  });
}

/** Wires every exercise on the page once. */
export function startExercises(): void {
  for (const root of document.querySelectorAll<HTMLElement>('[data-exercise]:not([data-ready])')) {
    root.dataset.ready = '';
    wire(root);
  }
}
