/**
 * The Onion tab: the reader's stack drawn as nested boxes (outermost layer outside), stepped forward
 * and back by keyboard or buttons, each step lighting its layer and its line in the editor; the same
 * steps as an ordered list below (for screen readers and copying).
 */
import type { TraceEvent } from '../../runtime/server-result.ts';
import { h } from '../../dom/elements.ts';
import { highlightInEditor } from './editor-highlight.ts';
import { renderLayerDetails } from './layer-details.ts';
import { buildOnion, label, type Layer, type Onion, type Step } from './model.ts';
import './onion.css';

export interface OnionOptions {
  /** The file the editor shows ("app.py"): steps in it light their line there. */
  file?: string;
  /** Show a step's line (null clears); by default, in the editor around the panel. */
  highlight?: (file: string | null, line: number | null) => void;
}

const arrow = (s: Step) => (s.dir === 'in' ? '→ in' : '← out');

function ring(onion: Onion, layer: Layer): HTMLElement {
  return h('div', { class: 'onion-ring', 'data-layer': layer.id },
    h('p', { class: 'onion-ring-head' },
      h('span', { class: 'onion-name' }, label(layer)),
      h('span', { class: 'onion-where' }, ` ${layer.file}:${layer.line}`),
      h('span', { class: 'onion-dir', 'aria-hidden': 'true' })),
    layer.children.map((id) => ring(onion, onion.layers.get(id)!)));
}

/** Render the onion of one run's trace. */
export function renderOnion(events: TraceEvent[], options: OnionOptions = {}): HTMLElement {
  const onion = buildOnion(events);
  const steps = onion.steps;
  const server = h('div', { class: 'onion-ring onion-server', 'data-layer': 'server' },
    h('p', { class: 'onion-ring-head' }, h('span', { class: 'onion-name' }, 'Server'), h('span', { class: 'onion-dir', 'aria-hidden': 'true' })),
    onion.roots.map((id) => ring(onion, onion.layers.get(id)!)));
  const now = h('p', { class: 'onion-now', 'aria-live': 'polite', id: `onion-now-${Math.random().toString(36).slice(2, 8)}` });
  const counter = h('span', { class: 'onion-counter' });
  const back = h('button', { type: 'button', class: 'le-button le-small', onclick: () => go(index - 1) }, '◀ Back');
  const next = h('button', { type: 'button', class: 'le-button le-small', onclick: () => go(index + 1) }, 'Next ▶');
  const details = h('div', { class: 'onion-layer' });
  const list = h('ol', { class: 'onion-steps', 'aria-label': 'Every step, in order' }, steps.map((s, i) => h('li', {
    'data-step': i, onclick: () => go(i, true),
  }, h('span', { class: 'onion-step-dir' }, arrow(s)), ' ', s.line ? `line ${s.line}: ` : '', s.text, s.note ? ` ⚠ ${s.note}` : '')));
  const stage = h('div', {
    class: 'onion-stage', role: 'group', tabindex: '0', 'aria-roledescription': 'stepper',
    'aria-label': 'The onion, step by step. Left and right arrow keys step back and forward; Home and End jump.',
    'aria-describedby': now.id,
    onkeydown: (event: KeyboardEvent) => {
      const moves: Record<string, number> = { ArrowRight: index + 1, ArrowDown: index + 1, ArrowLeft: index - 1, ArrowUp: index - 1, Home: 0, End: steps.length - 1 };
      if (!(event.key in moves)) return;
      event.preventDefault();
      go(moves[event.key], true);
    },
  }, server, h('div', { class: 'onion-controls' }, back, counter, next), now);
  let index = 0;

  function go(target: number, fromReader = true) {
    index = Math.max(0, Math.min(steps.length - 1, target));
    const step = steps[index];
    for (const el of stage.querySelectorAll<HTMLElement>('.onion-ring')) {
      const active = el.dataset.layer === String(step.layer ?? 'server');
      el.classList.toggle('is-active', active);
      el.classList.toggle('is-in', active && step.dir === 'in');
      el.classList.toggle('is-out', active && step.dir === 'out');
      const dir = el.querySelector(':scope > .onion-ring-head > .onion-dir');
      if (dir) dir.textContent = active ? (step.dir === 'in' ? ' ↓ request' : ' ↑ response') : '';
    }
    counter.textContent = `Step ${index + 1} of ${steps.length}`;
    back.disabled = index === 0;
    next.disabled = index === steps.length - 1;
    now.replaceChildren(h('span', { class: 'onion-step-dir' }, arrow(step)), ' ', step.line ? `Line ${step.line}: ` : '', step.text,
      step.note ? h('strong', { class: 'onion-note' }, ` ⚠ ${step.note}`) : '');
    for (const li of list.children) {
      if ((li as HTMLElement).dataset.step === String(index)) li.setAttribute('aria-current', 'step');
      else li.removeAttribute('aria-current');
    }
    const layer = step.layer === null ? null : onion.layers.get(step.layer);
    details.replaceChildren(layer ? renderLayerDetails(layer) : h('p', { class: 'le-muted' }, 'The server: it calls the outermost layer and reads the body it returns.'));
    if (!fromReader) return;
    if (options.highlight) options.highlight(step.file, step.line);
    else void highlightInEditor(stage, step.file, step.line, options.file ?? 'app.py');
  }

  go(0, false);
  const count = onion.layers.size;
  return h('div', { class: 'onion' },
    h('p', { class: 'onion-intro' }, `${count} layer call${count === 1 ? '' : 's'}, outermost outside. Focus the picture and use ← → (or the buttons): each step shows its line in the code.`),
    stage,
    h('h4', { class: 'onion-h' }, 'This layer'), details,
    h('h4', { class: 'onion-h' }, 'All steps'), list);
}
