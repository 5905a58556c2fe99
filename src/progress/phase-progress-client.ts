/** Fills in the progress line of every phase listed on the page (see PhaseProgress.astro). */
import { markVisited, PROGRESS_EVENT, summarize } from './progress.ts';
import type { PhaseTotals } from './phase-totals.ts';

/** The progress of one phase in words, short enough for the navigation. */
export function describeProgress(s: ReturnType<typeof summarize>, questions: number, exercises: number): string {
  if (!s.visited && s.quizAnswered === 0 && s.exercisesPassed === 0) return 'Not started';
  const parts = [s.visited ? 'Opened' : 'Started'];
  if (questions) parts.push(s.quizAnswered ? `quiz ${s.quizScore}/${questions}` : 'quiz not taken');
  if (exercises) parts.push(`exercises ${s.exercisesPassed}/${exercises}`);
  return parts.join(' · ');
}

/** Done: the phase has something to do (quiz questions or exercises; the capstone has only an exercise) and all of it is done. */
export function isDone(s: ReturnType<typeof summarize>, questions: number, exercises: number): boolean {
  return questions + exercises > 0 && s.quizAnswered === questions && s.exercisesPassed === exercises;
}

function render(totals: PhaseTotals): void {
  for (const item of document.querySelectorAll<HTMLElement>('.phase-nav [data-phase-slug], .phase-card[data-phase-slug]')) {
    const slug = item.dataset.phaseSlug!;
    const t = totals[slug] ?? { questions: [], exercises: [] };
    const s = summarize(slug, t.questions, t.exercises);
    let line = item.querySelector<HTMLElement>(':scope > .phase-progress');
    if (!line) {
      line = document.createElement('span');
      line.className = 'phase-progress';
      line.dataset.progressFor = slug;
      item.append(line);
    }
    const complete = isDone(s, t.questions.length, t.exercises.length);
    line.textContent = describeProgress(s, t.questions.length, t.exercises.length) + (complete ? ' · done' : '');
    line.classList.toggle('phase-progress-done', complete);
  }
}

/** Marks the current phase as opened and shows progress beside every listed phase. */
export function startPhaseProgress(): void {
  const holder = document.querySelector<HTMLElement>('[data-progress-totals]');
  if (!holder) return;
  let totals: PhaseTotals = {};
  try {
    totals = JSON.parse(holder.dataset.progressTotals ?? '{}');
  } catch {
    return;
  }
  const current = document.querySelector<HTMLElement>('.phase-nav [aria-current="page"]')?.closest<HTMLElement>('[data-phase-slug]');
  if (current?.dataset.phaseSlug) markVisited(current.dataset.phaseSlug);
  render(totals);
  window.addEventListener(PROGRESS_EVENT, () => render(totals));
  // Another tab answered a question or passed an exercise.
  window.addEventListener('storage', () => render(totals));
}
