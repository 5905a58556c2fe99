/**
 * The result area of a predict-then-run question (built by script: it is not in the page's HTML, for
 * the weight budget) and the phase's explanations, fetched once there is a result to explain.
 */
import type { Explanations } from './build-data.ts';

/** A new element with optional text and class. */
export const el = (tag: string, text?: string, className?: string) => {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text;
  if (className) node.className = className;
  return node;
};

/** The explanations of one phase, fetched once, when the first result needs them; a failure is retried next time. */
const loaders = new Map<string, Promise<Record<string, Explanations>>>();
export function explanations(url: string): Promise<Record<string, Explanations>> {
  let pending = loaders.get(url);
  if (!pending) {
    pending = fetch(url).then((r) => {
      if (!r.ok) throw new Error(`${url}: ${r.status}`);
      return r.json() as Promise<Record<string, Explanations>>;
    });
    pending.catch(() => loaders.delete(url));
    loaders.set(url, pending);
  }
  return pending;
}

/** The result area, built when first needed: it is not in the page's HTML (weight budget). */
export function outcomeMarkup(outcome: HTMLElement): HTMLButtonElement {
  const side = (title: string, key: string) => {
    const box = el('div', undefined, 'predict-side');
    const value = el('p', undefined, 'predict-value');
    value.setAttribute(key, '');
    box.append(el('p', title, 'predict-side-title'), value);
    return box;
  };
  const compare = el('div', undefined, 'predict-compare');
  const real = side('What the server did', 'data-real');
  real.setAttribute('data-real-side', '');
  compare.append(side('Your prediction', 'data-guess'), real);
  const verdict = el('p', undefined, 'predict-verdict');
  verdict.setAttribute('data-verdict', '');
  const explain = el('div', undefined, 'predict-explain');
  explain.setAttribute('data-explain', '');
  const details = el('details', undefined, 'predict-run');
  details.setAttribute('data-run-details', '');
  const run = el('div');
  run.setAttribute('data-run', '');
  details.append(el('summary', 'Everything this run produced'), run);
  const rerun = el('button', 'Run it again', 'le-button le-small') as HTMLButtonElement;
  rerun.type = 'button';
  outcome.replaceChildren(compare, verdict, explain, details, rerun);
  return rerun;
}
