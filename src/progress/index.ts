/**
 * What other parts of the site use of the reader's progress: reading it, recording answers,
 * predictions and passed exercises, and hearing when the browser refuses to store it. The progress
 * tools (export, import, reset) and the phase navigation's badges live in this folder's .astro files.
 */
export {
  markExercisePassed, markVisited, phaseProgress, PROGRESS_EVENT, PROGRESS_KEY, readProgress, recordAnswer, recordOutcome,
  recordPrediction, summarize, type PhaseProgress, type PhaseSummary, type Prediction, type QuizAnswer,
} from './progress.ts';
export { onStorageProblem, storageProblem } from './storage.ts';
