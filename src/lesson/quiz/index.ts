/**
 * What other parts of the site use of the quizzes: the sealed answers and explanations (sealed.ts),
 * shared with the predict-then-run questions, and the reader's shuffle seed (seed.ts). The quiz's
 * own client and build data stay inside this folder.
 */
export { answerHash, buildOrder, hash53, isCorrect, openExplanation, optionId, readerOrder, sealExplanation, VERDICT_PREFIX } from './sealed.ts';
export { QUIZ_SEED_KEY, quizSeed, SEED_PATTERN } from './seed.ts';
