/**
 * Brings every <Exercise> on the page to life: its code is a workspace CodeBox (opened on a click or
 * Enter, saved as the reader types), "Run checks" runs them through the page's one Python, and
 * hints and the solution (behind a confirmation, as a diff against the reader's code) work at once.
 * The editor and Python load only when the reader edits the code or runs the checks.
 */
import { markExercisePassed, phaseProgress } from '../../progress/progress.ts';
import { onStorageProblem } from '../../progress/storage.ts';
import { CodeBox, EXERCISE_PREFIX, lineDiff, reportDamaged, runtime } from '../../workspace/index.ts';
import { markWaiting, showOutcome } from './check-list.ts';
import { pageParts } from '../../components/page-parts.ts';
import type { CheckOutcome, CheckSpec } from './run-checks.ts';

const template = (root: HTMLElement, selector: string) =>
  root.querySelector<HTMLTemplateElement>(`template[${selector}]`)?.content.textContent ?? '';

function wire(root: HTMLElement): void {
  const $ = <T extends HTMLElement = HTMLElement>(selector: string) => root.querySelector<T>(selector)!;
  const name = root.dataset.exercise!;
  const slug = root.dataset.phaseSlug!;
  const kind = root.dataset.kind === 'asgi' ? 'asgi' : 'wsgi';
  const starter = template(root, 'data-starter');
  const checks = JSON.parse(template(root, 'data-checks')) as CheckSpec[];
  const runButton = $<HTMLButtonElement>('[data-run]');
  const summary = $('[data-summary]');
  const key = EXERCISE_PREFIX + name;
  reportDamaged(root, key);
  const box = new CodeBox({
    host: $('[data-editor-host]'), original: starter, key, notices: root, opensOn: 'enter',
    label: `Code of the exercise ${root.querySelector('h3')?.firstChild?.textContent?.trim() ?? name}`,
    describedBy: root.querySelector('.exercise-keys')?.id, onRun: () => void run(), onEscape: () => runButton.focus(),
  });
  $('[data-saved-note]').hidden = !box.restored || box.restored.code === starter;
  onStorageProblem((message) => { Object.assign($('[data-storage-notice]'), { textContent: message, hidden: false }); });
  const showPassed = () => { $('[data-passed-badge]').hidden = !phaseProgress(slug).exercises[name]; };
  showPassed();

  async function run(): Promise<void> {
    if (runButton.disabled) return;
    runButton.disabled = true;
    box.save();
    markWaiting(root);
    summary.textContent = 'Starting Python for the checks… (the first time takes a few seconds)';
    const outcomes: CheckOutcome[] = [];
    try {
      const { runChecks } = await import('./run-checks.ts');
      const client = runtime();
      await client.load();
      summary.textContent = `Running ${checks.length} checks…`;
      await runChecks(client, kind, box.code, checks, (o) => { outcomes.push(o); showOutcome(root, checks, o); });
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

  const hintButton = $<HTMLButtonElement>('[data-hint]');
  const hints = [...root.querySelectorAll<HTMLTemplateElement>('template[data-hint-text]')].map((t) => t.content.textContent ?? '');
  const hintList = $<HTMLOListElement>('[data-hints]');
  hintButton.addEventListener('click', () => {
    const shown = hintList.children.length;
    if (shown >= hints.length) return;
    hintList.append(Object.assign(document.createElement('li'), { textContent: hints[shown] }));
    hintList.hidden = false;
    const left = hints.length - shown - 1;
    hintButton.textContent = left ? `Show another hint (${left} left)` : 'No more hints';
    hintButton.disabled = left === 0;
  });

  $('[data-reset-code]').addEventListener('click', () => {
    box.reset(); // undoable in the editor (Ctrl+Z)
    $('[data-saved-note]').hidden = true;
    summary.textContent = 'The code is back to the starter.' + (box.view.opened ? ' Ctrl+Z in the editor undoes this.' : '');
  });

  const panel = $('[data-solution-panel]');
  $('[data-solution]').addEventListener('click', () => {
    panel.hidden = false;
    panel.querySelector<HTMLButtonElement>('[data-solution-yes]')!.focus();
  });
  panel.querySelector('[data-solution-yes]')!.addEventListener('click', () => {
    const diff = panel.querySelector<HTMLElement>('[data-diff]')!;
    diff.replaceChildren(...lineDiff(box.code.replace(/\n$/, ''), template(root, 'data-solution-text').replace(/\n$/, '')).map((line) => Object.assign(document.createElement('span'), {
      className: line.op === '+' ? 'diff-added' : line.op === '-' ? 'diff-removed' : 'diff-same',
      textContent: `${line.op === '-' ? '−' : line.op} ${line.text}`,
    })));
    panel.querySelector<HTMLElement>('[data-solution-confirm]')!.hidden = true;
    panel.querySelector<HTMLElement>('[data-solution-body]')!.hidden = false;
    diff.focus();
  });
}

/** Wires every exercise on the page once. */
export async function startExercises(): Promise<void> {
  await pageParts(); // the checks, hints and solution come back after load (deferred-parts.ts)
  for (const root of document.querySelectorAll<HTMLElement>('[data-exercise]:not([data-ready])')) {
    root.dataset.ready = '';
    wire(root);
  }
}
