/**
 * Brings every <Predict> on the page to life: the choices in this reader's order, the prediction
 * locked in (kept in progress storage), the run on the in-page server (a request, or a simulation of
 * a pool or an event loop), the real result beside the prediction, and the explanations, fetched
 * from /predict/<slug>.json once there is a result to explain. What is right comes from the run.
 */
import { onStorageProblem, phaseProgress, recordOutcome, recordPrediction, type Prediction } from '../../progress/index.ts';
import { quizSeed, readerOrder } from '../quiz/index.ts';
import { fromPreset, preloadNear, requestBytes, results, RunStatus, runtime, type RunResult } from '../../workspace/index.ts';
import { el, explanations, outcomeMarkup } from './outcome-view.ts';
import { observeRun, observeSimulation, same, shown, type Observe } from './observe.ts';
import { simulationTable } from './simulation-table.ts';
// As text, added on first use: a plain import would be hoisted into the page's head by Astro.
import outcomeCss from './outcome.css?inline';
import { pageParts } from '../../components/page-parts.ts';

/** What Predict.astro writes into the question (defaults left out), completed by `readConfig`. */
interface Config {
  id: string;
  slug: string;
  file: string;
  callable: string;
  mode: 'reference' | 'wsgiref' | 'gunicorn' | 'waitress';
  request: { method: string; target: string; headers?: [string, string][]; body?: string } | null;
  observe: Observe;
  simulate: { server: 'pool' | 'loop'; workers: number; requests: { id: number; at: number; path: string; method?: string }[] } | null;
  kind: 'choices' | 'text';
}

function readConfig(section: HTMLElement): Config {
  const raw = JSON.parse(section.querySelector('script[data-config]')!.textContent!) as Partial<Config>;
  return {
    callable: 'app', mode: 'reference', request: null, simulate: null, ...raw,
    slug: section.dataset.phaseSlug!,
    kind: section.querySelector('input[type="radio"]') ? 'choices' : 'text',
  } as Config;
}

// A simulation serves every request through the server core: it gets the ConcurrencyView's longer limit.
const SIMULATION_LIMIT_MS = 20_000;


class PredictQuestion {
  private readonly config: Config;
  private readonly form: HTMLFormElement;
  private readonly fieldset: HTMLFieldSetElement;
  private readonly note: HTMLElement;
  private readonly outcome: HTMLElement;
  private readonly announce: HTMLElement;
  private readonly rerun: HTMLButtonElement;
  private readonly commit: HTMLButtonElement;
  private running = false;

  constructor(private readonly section: HTMLElement) {
    this.config = readConfig(section);
    this.form = section.querySelector('[data-predict-form]')!;
    this.fieldset = this.form.querySelector('fieldset')!;
    this.note = section.querySelector('[data-note]')!;
    this.outcome = section.querySelector('[data-outcome]')!;
    this.announce = section.querySelector('[data-announce]')!;
    this.rerun = outcomeMarkup(this.outcome);
    this.commit = section.querySelector('[data-commit]')!;
    this.shuffle();
    this.form.addEventListener('submit', (event) => { event.preventDefault(); this.lockIn(); });
    this.rerun.addEventListener('click', () => void this.run());
    const saved = phaseProgress(this.config.slug).predictions[this.config.id];
    if (saved) this.restore(saved);
  }

  private choices(): HTMLLabelElement[] {
    return [...this.form.querySelectorAll<HTMLLabelElement>('[data-choice]')];
  }

  /** Choices in this reader's order (the quiz's seed: stable across reloads), lettered A, B, C... */
  private shuffle() {
    const labels = new Map(this.choices().map((l) => [l.dataset.choice!, l]));
    if (!labels.size) return;
    const parent = this.choices()[0].parentElement!;
    readerOrder(quizSeed(), this.config.id, [...labels.keys()]).forEach((id, i) => {
      const label = labels.get(id)!;
      parent.append(label);
      label.querySelector('.predict-letter')!.textContent = String.fromCharCode(65 + i);
    });
  }

  /** The prediction as stored (a choice id, or the text typed) and as compared and shown. */
  private current(): { stored: string; value: string; text: string } | null {
    if (this.config.kind === 'text') {
      const typed = this.form.querySelector<HTMLInputElement>('input[name="answer"]')!.value.trim();
      return typed ? { stored: typed, value: typed, text: typed } : null;
    }
    const input = this.form.querySelector<HTMLInputElement>('input[type="radio"]:checked');
    return input ? this.choiceGuess(input) : null;
  }

  private choiceGuess(input: HTMLInputElement) {
    const text = input.closest('label')!.querySelector('.predict-text')!.textContent!;
    return { stored: input.value, value: input.dataset.value ?? text, text };
  }

  /** The saved prediction back in the form, as the reader left it. */
  private guessOf(saved: Prediction): { stored: string; value: string; text: string } | null {
    if (this.config.kind === 'text') return { stored: saved.guess, value: saved.guess, text: saved.guess };
    const input = this.form.querySelector<HTMLInputElement>(`input[value="${CSS.escape(saved.guess)}"]`);
    return input ? this.choiceGuess(input) : null;
  }

  private lock(guess: { stored: string }) {
    if (this.config.kind === 'text') this.form.querySelector<HTMLInputElement>('input[name="answer"]')!.value = guess.stored;
    else this.form.querySelector<HTMLInputElement>(`input[value="${CSS.escape(guess.stored)}"]`)!.checked = true;
    this.fieldset.disabled = true;
    this.commit.hidden = true;
    this.note.textContent = 'Your prediction is locked in.';
  }

  private lockIn() {
    if (this.fieldset.disabled) return;
    const guess = this.current();
    if (!guess) {
      this.note.textContent = this.config.kind === 'text' ? 'Type your prediction first.' : 'Choose a prediction first (arrow keys move between them).';
      return;
    }
    recordPrediction(this.config.slug, this.config.id, guess.stored);
    this.lock(guess);
    void this.run();
    // The button that had focus is gone: keyboard and screen reader users continue at the result.
    this.outcome.focus();
  }

  /** The prediction shown on its side at once; the server's side says it is running. */
  private pending(guess: { text: string }) {
    this.outcome.hidden = false;
    delete this.outcome.dataset.state;
    this.outcome.querySelector('[data-guess]')!.textContent = guess.text;
    this.outcome.querySelector('[data-real]')!.textContent = 'Running…';
    this.outcome.querySelector('[data-verdict]')!.replaceChildren();
    this.outcome.querySelector('[data-explain]')!.replaceChildren();
    this.outcome.querySelector<HTMLElement>('[data-run-details]')!.hidden = true;
  }

  private restore(saved: Prediction) {
    const guess = this.guessOf(saved);
    if (!guess) return; // the option changed since: ask again
    this.lock(guess);
    if (saved.real !== null) {
      void this.show(guess, saved.real, null, 'From your earlier run; run it again to see it live.', false);
    } else {
      this.pending(guess);
      this.outcome.querySelector('[data-real]')!.textContent = 'Not run yet: press Run it.';
      this.rerun.textContent = 'Run it';
    }
  }

  /** Runs the question's code on the in-page server and shows what really happened. */
  private async run() {
    if (this.running) return;
    const saved = phaseProgress(this.config.slug).predictions[this.config.id];
    const guess = saved ? this.guessOf(saved) : this.current();
    if (!guess) return;
    this.running = true;
    this.rerun.disabled = true;
    this.pending(guess);
    const done = RunStatus.for(this.section.querySelector('[data-status]')!).startRun();
    this.announce.textContent = 'Running the code on the in-page server…';
    const c = this.config;
    const code = this.section.querySelector('.predict-code pre')!.textContent!;
    const files = { [c.file]: code };
    const appSpec = `${c.file.replace(/\.py$/, '')}:${c.callable}`;
    let result: RunResult;
    try {
      if (c.simulate) {
        const server = c.simulate.server === 'pool' ? { app_spec: appSpec, workers: c.simulate.workers, timeout: 30 } : { app_spec: appSpec };
        result = await runtime().simulate({ [c.simulate.server]: server, requests: c.simulate.requests }, { files, timeLimitMs: SIMULATION_LIMIT_MS }).result;
      } else {
        result = await runtime().request(requestBytes(fromPreset(c.request ?? 'GET /')), { files, appSpec, mode: c.mode, trace: true }).result;
      }
    } catch {
      done();
      this.running = false;
      this.rerun.disabled = false;
      this.outcome.querySelector('[data-real]')!.textContent = 'Did not run: Python could not be started.';
      this.rerun.textContent = 'Run it';
      this.announce.textContent = 'Python could not be started. Check your connection, then press Run it.';
      return;
    }
    done();
    this.running = false;
    this.rerun.disabled = false;
    this.rerun.textContent = 'Run it again';
    const real = c.simulate ? observeSimulation(c.observe, result.simulation, c.simulate.server) : observeRun(c.observe, result);
    const right = same(c.observe, guess.value, real);
    if (!result.notice) recordOutcome(c.slug, c.id, real, right);
    await this.show(guess, real, result, result.notice ? result.notice.message : '', true);
  }

  /** The prediction beside the real result, the verdict, the explanations, and the whole run. */
  private async show(guess: { stored: string; value: string; text: string }, real: string, result: RunResult | null, note: string, speak: boolean) {
    const c = this.config;
    const right = same(c.observe, guess.value, real);
    this.outcome.hidden = false;
    this.outcome.dataset.state = right ? 'right' : 'wrong';
    this.outcome.querySelector('[data-guess]')!.textContent = guess.text;
    const realText = shown(real);
    this.outcome.querySelector('[data-real]')!.textContent = realText;
    const matching = this.choices().find((l) => same(c.observe, l.querySelector('input')!.dataset.value ?? l.querySelector('.predict-text')!.textContent!, real));
    for (const label of this.choices()) {
      const id = label.dataset.choice!;
      if (label === matching) label.dataset.state = 'real';
      else if (id === guess.stored) label.dataset.state = 'wrong';
      else delete label.dataset.state;
    }
    const verdict = right ? 'Your prediction matches what the server did.' : 'The server did something else: compare the two above.';
    const head = el('strong', right ? 'Right.' : 'Not quite.');
    this.outcome.querySelector('[data-verdict]')!.replaceChildren(head, ` ${verdict}`, ...(note ? [el('span', ` ${note}`, 'predict-muted')] : []));
    // Several lines of output are read as one sentence, a comma between lines.
    if (speak) this.announce.textContent = `${right ? 'Right' : 'Not quite'}: you predicted ${guess.text}; the server gave ${realText.replace(/\n/g, ', ')}.`;
    const explain = this.outcome.querySelector<HTMLElement>('[data-explain]')!;
    try {
      const all = await explanations(this.section.dataset.explanations!);
      const e = all[c.id];
      const parts: HTMLElement[] = [];
      const matchedId = matching?.dataset.choice;
      if (c.kind === 'choices' && e.choices[guess.stored]) parts.push(el('p', `Your prediction, “${guess.text}”: ${e.choices[guess.stored]}`));
      if (matchedId && matchedId !== guess.stored && e.choices[matchedId]) {
        parts.push(el('p', `What happened, “${matching!.querySelector('.predict-text')!.textContent}”: ${e.choices[matchedId]}`));
      }
      parts.push(el('p', e.explanation));
      const elsewhere = Object.entries(e.elsewhere);
      if (elsewhere.length) parts.push(el('p', `The real servers, measured: ${elsewhere.map(([s, v]) => `${s} answers ${v}`).join('; ')}.`, 'predict-muted'));
      explain.replaceChildren(...parts);
    } catch {
      explain.replaceChildren(el('p', '(The explanation could not be loaded: check your connection and run it again.)'));
    }
    const details = this.outcome.querySelector<HTMLElement>('[data-run]')!;
    const box = this.outcome.querySelector<HTMLDetailsElement>('[data-run-details]')!;
    box.hidden = !result;
    if (!result) return;
    if (c.simulate) {
      details.replaceChildren(simulationTable(result.simulation?.[c.simulate.server], c.simulate.server));
    } else {
      const { renderResults } = await results();
      details.replaceChildren(renderResults(result, { request: requestBytes(fromPreset(c.request ?? 'GET /')), file: c.file, goToLine: () => {} }));
    }
  }
}

/** Wires every predict-then-run question on the page once. */
export async function startPredictions(): Promise<void> {
  await pageParts(); // each question's configuration comes back after load (deferred-parts.ts)
  if (!document.querySelector('style[data-predict-outcome]')) {
    const style = document.createElement('style');
    style.dataset.predictOutcome = '';
    style.textContent = outcomeCss;
    document.head.append(style);
  }
  const sections = [...document.querySelectorAll<HTMLElement>('[data-predict]:not([data-ready])')];
  for (const section of sections) {
    new PredictQuestion(section);
    section.dataset.ready = '';
  }
  preloadNear(sections);
  onStorageProblem((message) => {
    for (const section of sections) section.querySelector('[data-note]')!.textContent = message;
  });
}
