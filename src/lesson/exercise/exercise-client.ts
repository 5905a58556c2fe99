/**
 * Brings every <Exercise> on the page to life: its code is a workspace CodeBox (opened on a click or
 * Enter, saved as the reader types), "Run checks" runs them through the page's one Python, and
 * hints and the solution (behind a confirmation, as a diff against the reader's code) work at once.
 * The editor and Python load only when the reader edits the code or runs the checks.
 */
import { markExercisePassed, onStorageProblem, phaseProgress } from '../../progress/index.ts';
import { CodeBox, EXERCISE_PREFIX, reportDamaged, runtime } from '../../workspace/index.ts';
import { wireBrowse } from './browse.ts';
import { markWaiting, showOutcome } from './check-list.ts';
import { template, wireHints, wireSolution } from './hints-solution.ts';
import { pageParts } from '../../components/page-parts.ts';
import type { CheckOutcome, CheckSpec } from './run-checks.ts';

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
  const host = $('[data-editor-host]');
  const box = new CodeBox({
    host, original: starter, key, notices: root, opensOn: 'enter',
    label: `Code of the exercise ${root.querySelector('h3')?.firstChild?.textContent?.trim() ?? name}`,
    describedBy: root.querySelector('.exercise-keys')?.id, onRun: () => void run(), onEscape: () => runButton.focus(),
  });
  $('[data-saved-note]').hidden = !box.restored || box.restored.code === starter;
  if (host.dataset.pressed !== undefined) void box.view.open(); // pressed before this ran (Exercise.astro)
  onStorageProblem((message) => { Object.assign($('[data-storage-notice]'), { textContent: message, hidden: false }); });
  const showPassed = () => { $('[data-passed-badge]').hidden = !phaseProgress(slug).exercises[name]; };
  showPassed();
  const browse = root.querySelector<HTMLElement>('[data-browse]');
  if (browse) wireBrowse(browse, box);

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

  $('[data-reset-code]').addEventListener('click', () => {
    box.reset(); // undoable in the editor (Ctrl+Z)
    $('[data-saved-note]').hidden = true;
    summary.textContent = 'The code is back to the starter.' + (box.view.opened ? ' Ctrl+Z in the editor undoes this.' : '');
  });
  wireHints(root);
  wireSolution(root, () => box.code);
}

/** Wires every exercise on the page once. */
export async function startExercises(): Promise<void> {
  await pageParts(); // the checks, hints and solution come back after load (deferred-parts.ts)
  for (const root of document.querySelectorAll<HTMLElement>('[data-exercise]:not([data-ready])')) {
    root.dataset.ready = '';
    wire(root);
  }
}
