/**
 * Brings every <Quiz> on the page to life: puts the options in this reader's order, checks the
 * chosen option against the shipped hash, opens its explanation, records the answer (first attempt
 * scored), restores earlier answers after a reload, and keeps the score line.
 * The scrambled explanations are not in the page: they are fetched from the quiz's
 * data-explanations URL (/quiz/<slug>.json) the first time one is needed, i.e. on the reader's first
 * Check (or to show an answer saved at an earlier visit), never up front.
 */
import { onStorageProblem, phaseProgress, recordAnswer, type QuizAnswer } from '../../progress/index.ts';
import { isCorrect, openExplanation, readerOrder } from './sealed.ts';
import { quizSeed } from './seed.ts';

/** Progress keeps an option as a number: its opaque id read as hex (ids are 8 hex digits). */
const idNumber = (id: string) => Number.parseInt(id, 16);
const numberId = (n: number) => n.toString(16).padStart(8, '0');

const options = (form: HTMLFormElement) => [...form.querySelectorAll<HTMLElement>('[data-option]')];

/** Reorders the options for this reader and letters them A, B, C... in their new places. */
function shuffle(form: HTMLFormElement, questionId: string, seed: string): void {
  const labels = new Map(options(form).map((label) => [label.dataset.option!, label]));
  const order = readerOrder(seed, questionId, [...labels.keys()]);
  const parent = labels.values().next().value!.parentElement!;
  order.forEach((id, i) => {
    const label = labels.get(id)!;
    parent.append(label);
    label.querySelector('.quiz-letter')!.textContent = String.fromCharCode(65 + i);
  });
}

/** Question id → option id → scrambled explanation, as /quiz/<slug>.json holds them. */
type Explanations = Record<string, Record<string, string>>;

/** The quiz's explanations, fetched once, when the first answer needs one; a failed fetch is tried again next time. */
function explanationsLoader(url: string): () => Promise<Explanations> {
  let pending: Promise<Explanations> | undefined;
  return () => {
    if (!pending) {
      pending = fetch(url).then((response) => {
        if (!response.ok) throw new Error(`${url}: ${response.status}`);
        return response.json() as Promise<Explanations>;
      });
      pending.catch(() => { pending = undefined; });
    }
    return pending;
  };
}


/** The latest feedback asked for per form: an older answer's explanation arriving late must not overwrite it. */
const latest = new WeakMap<HTMLFormElement, number>();

/**
 * Shows the feedback for one choice: the option marked at once, then the verdict with its explanation
 * opened, written to the live region in one go once the explanations are here.
 */
async function show(form: HTMLFormElement, questionId: string, option: string, correct: boolean, retry: boolean, explanations: () => Promise<Explanations>): Promise<void> {
  for (const label of options(form)) {
    if (label.dataset.option === option) label.dataset.state = correct ? 'right' : 'wrong';
    else delete label.dataset.state;
  }
  const turn = (latest.get(form) ?? 0) + 1;
  latest.set(form, turn);
  let explanation: string;
  try {
    explanation = openExplanation(questionId, (await explanations())[questionId]?.[option] ?? '').trim();
  } catch {
    explanation = '(The explanation could not be loaded: check your connection and press Check again.)';
  }
  if (latest.get(form) !== turn) return;
  const feedback = form.querySelector<HTMLElement>('[data-feedback]')!;
  feedback.dataset.state = correct ? 'right' : 'wrong';
  const head = document.createElement('strong');
  head.textContent = correct ? 'Right.' : 'Not quite.';
  const tail = retry && !correct ? ' Pick another answer and check again.' : '';
  feedback.replaceChildren(head, ' ' + explanation + tail);
}

function updateScore(quiz: HTMLElement, slug: string): void {
  const score = quiz.querySelector<HTMLElement>('[data-score]')!;
  const ids = [...quiz.querySelectorAll<HTMLElement>('[data-question]')].map((q) => q.dataset.question!);
  const answers = phaseProgress(slug).quiz;
  const answered = ids.filter((id) => answers[id]);
  if (answered.length === 0) {
    score.textContent = '';
    return;
  }
  const right = answered.filter((id) => answers[id].firstCorrect).length;
  const rest = ids.length - answered.length;
  score.textContent = `Score: ${right} of ${ids.length} right at the first attempt` + (rest ? ` (${rest} still to answer).` : '.');
}

function wire(quiz: HTMLElement): void {
  const slug = quiz.dataset.phaseSlug!;
  const saved = phaseProgress(slug).quiz;
  const seed = quizSeed();
  const explanations = explanationsLoader(quiz.dataset.explanations!);
  for (const form of quiz.querySelectorAll<HTMLFormElement>('[data-quiz-form]')) {
    const id = form.closest<HTMLElement>('[data-question]')!.dataset.question!;
    const answer = form.dataset.answer!;
    shuffle(form, id, seed);
    const before: QuizAnswer | undefined = saved[id];
    const last = before && form.querySelector<HTMLInputElement>(`input[value="${numberId(before.last)}"]`);
    if (before && last) {
      // An answer saved before options had ids (a small index) matches no option: it still counts, unshown.
      last.checked = true;
      // Its explanation is fetched now: this client starts only after the load event (Quiz.astro).
      void show(form, id, last.value, before.lastCorrect, true, explanations);
    }
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      const chosen = form.querySelector<HTMLInputElement>('input[type="radio"]:checked');
      const feedback = form.querySelector<HTMLElement>('[data-feedback]')!;
      if (!chosen) {
        latest.set(form, (latest.get(form) ?? 0) + 1);
        delete feedback.dataset.state;
        feedback.textContent = 'Choose an answer first (arrow keys move between answers).';
        return;
      }
      const correct = isCorrect(id, chosen.value, answer);
      recordAnswer(slug, id, idNumber(chosen.value), correct);
      void show(form, id, chosen.value, correct, true, explanations);
      updateScore(quiz, slug);
    });
  }
  updateScore(quiz, slug);
  const notice = quiz.querySelector<HTMLElement>('[data-storage-notice]');
  onStorageProblem((message) => {
    if (!notice) return;
    notice.textContent = message;
    notice.hidden = false;
  });
}

/** Wires every quiz on the page once. */
export function startQuizzes(): void {
  for (const quiz of document.querySelectorAll<HTMLElement>('[data-quiz]:not([data-ready])')) {
    quiz.dataset.ready = '';
    wire(quiz);
  }
}
