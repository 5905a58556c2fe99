/** The exercise's list of checks: each one waiting, passed, or failed with why and expected vs actual. */
import type { CheckOutcome, CheckSpec } from './run-checks.ts';

const items = (root: HTMLElement) => [...root.querySelectorAll<HTMLElement>('[data-check]')];

function clear(item: HTMLElement, state: string, label: string): void {
  item.dataset.state = state;
  item.querySelector('[data-state-label]')!.textContent = label;
  item.querySelector('dl')?.remove();
  item.querySelector('.check-why')?.remove();
}

/** Every check back to "Waiting" before a run. */
export function markWaiting(root: HTMLElement): void {
  for (const item of items(root)) clear(item, 'pending', 'Waiting');
}

/** Show one check's outcome: passed, or failed with the check's reason and each expected/actual pair. */
export function showOutcome(root: HTMLElement, checks: CheckSpec[], outcome: CheckOutcome): void {
  const item = items(root).find((li) => li.dataset.check === outcome.name);
  if (!item) return;
  const passed = outcome.failures.length === 0;
  clear(item, passed ? 'pass' : 'fail', passed ? 'Passed' : 'Failed');
  if (passed) return;
  const why = checks.find((c) => c.name === outcome.name)?.why;
  if (why) item.append(Object.assign(document.createElement('p'), { className: 'check-why', textContent: why }));
  const list = document.createElement('dl');
  for (const f of outcome.failures) {
    list.append(Object.assign(document.createElement('div'), { className: 'check-what', textContent: f.what }));
    for (const [label, value] of [['expected', f.expected], ['actual', f.actual]]) {
      list.append(Object.assign(document.createElement('dt'), { textContent: label }), Object.assign(document.createElement('dd'), { textContent: value }));
    }
  }
  item.append(list);
}
