/**
 * The workspace's entry for code that runs without a page (Node tests, build-time code, a progress
 * file's import): the checks of saved and shared work, reading one-file saved work, and the
 * workspace's file-name rule. No DOM, no runtime; a browser surface imports index.ts instead.
 */
export { appSpecProblem, describe, filesProblem, modeProblem, requestProblem } from './work-schema.ts';
export { fileNameProblem } from './workspace-names.ts';
export { EXERCISE_PREFIX, readWork, savedWorkProblem } from './saved-work.ts';
export { savedFilesProblem } from './saved-files.ts';
