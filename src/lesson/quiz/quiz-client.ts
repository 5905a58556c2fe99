/**
 * Brings every <Quiz> on the page to life: checks the chosen option, explains it, records the
 * answer (first attempt scored), restores earlier answers after a reload, and keeps the score line.
 */
import { phaseProgress, recordAnswer, type QuizAnswer } from '../../progress/progress.ts';
import { onStorageProblem } from '../../progress/storage.ts';

function explanation(form: HTMLFormElement, option: number): string {
  return form.querySelector<HTMLTemplateElement>(`template[data-explanation="${option}"]`)?.content.textContent?.trim() ?? '';
}

/** Shows the feedback for one choice: the option marked, the explanation written out. */
function show(form: HTMLFormElement, option: number, correct: boolean, retry: boolean): void {
  for (const label of form.querySelectorAll<HTMLElement>('[data-option]')) {
    const isChosen = Number(label.dataset.option) === option;
    if (isChosen) label.dataset.state = correct ? 'right' : 'wrong';
    else delete label.dataset.state;
  }
  const feedback = form.querySelector<HTMLElement>('[data-feedback]')!;
  feedback.dataset.state = correct ? 'right' : 'wrong';
  const head = document.createElement('strong');
  head.textContent = correct ? 'Right.' : 'Not quite.';
  const tail = retry && !correct ? ' Pick another answer and check again.' : '';
  feedback.replaceChildren(head, ' ' + explanation(form, option).replace(/^Right\.\s*/, '') + tail);
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
  for (const form of quiz.querySelectorAll<HTMLFormElement>('[data-quiz-form]')) {
    const id = form.closest<HTMLElement>('[data-question]')!.dataset.question!;
    const before: QuizAnswer | undefined = saved[id];
    if (before) {
      const input = form.querySelector<HTMLInputElement>(`input[value="${before.last}"]`);
      if (input) input.checked = true;
      show(form, before.last, before.lastCorrect, true);
    }
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      const chosen = form.querySelector<HTMLInputElement>('input[type="radio"]:checked');
      const feedback = form.querySelector<HTMLElement>('[data-feedback]')!;
      if (!chosen) {
        delete feedback.dataset.state;
        feedback.textContent = 'Choose an answer first (arrow keys move between answers).';
        return;
      }
      const option = Number(chosen.value);
      const correct = chosen.dataset.correct === 'true';
      recordAnswer(slug, id, option, correct);
      show(form, option, correct, true);
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
