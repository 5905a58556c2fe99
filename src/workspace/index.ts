/**
 * The workspace: what every surface that lets a reader edit and run code is built from (LiveEditor,
 * Exercise, ConcurrencyView, the playground), and what the next ones (a predict-then-run question,
 * an in-page browser in the result area) mount on. Import from this file only.
 *
 * Editing:
 * - `new CodeView({ host, code, label, onChange, onRun })`: editable code on an element. `host` holds
 *   a static copy (a <pre>, highlighted at build time or drawn by `showPlainCode`); the editor
 *   replaces it on focus or click (`opensOn: 'enter'` for a copy that opens on Enter), once.
 *   `view.value` gets the code, `view.set(code)` sets it (undoable), `view.open()` opens the editor
 *   now, `view.markLine({ line, message })` marks an error. It follows the site's theme by itself.
 * - `new CodeBox({ host, original, key, notices, controls, label, onState })`: a CodeView whose work is
 *   saved as the reader types (revisioned: two tabs never overwrite each other; a notice asks which to
 *   keep), with `reset()` / `undoReset()`; `controls` (an element) holds its "modified" tag, Reset and
 *   Undo reset, which it then keeps up to date. Keys: `workKey(location.pathname, name)`.
 * - `WorkStore` + `readFiles`/`writeFiles`: the same saving policy for work of several files.
 *
 * Running (one Python per page, started when needed: `runtime()`, `preload()`):
 * - `new RunPanel(root, onRun)`: Run/Stop, the status line (`StatusLine.astro`) and the results area
 *   inside `root`; `onRun` is called by Run (or its form's submit) and Ctrl/Cmd+Enter in `root`. `panel.request({ files, file, kind, bytes, mode, appSpec })` runs once, renders every
 *   result view into the results area and resolves with `{ result: RunResult | null, mark }`;
 *   `panel.track(start, show)` runs anything else (a simulation) with the same controls;
 *   `panel.runWhenReady(run)` starts Python and makes a first run once it is ready (unless one began).
 * - `renderResults(result, context)` (lazy: `await results()`) renders a RunResult into any element,
 *   for a surface that shows results its own way.
 * - `RunStatus.for(element)`, `preloadNear(elements)`: status lines, and Python started early for
 *   surfaces near the viewport.
 *
 * A surface's tag: `readConfig(element, tag)` reads the JSON its .astro wrote; `builtCode(host)` the
 * code the build highlighted (so the code is not in the page twice).
 *
 * Entry points: this file (the browser API), `early.ts` (what a boot script may load with the page:
 * `lazySurfaces` builds a surface's controller on the reader's first touch), `pure.ts` (the checks of
 * saved and shared work and the file-name rule: no DOM, no runtime, for Node tests and build-time
 * code), and `StatusLine.astro` (the status line's markup, for a surface's .astro tag).
 *
 * The runtime is reached through `runtime()` only (the client of src/runtime/client.ts); nothing here
 * reaches into a surface, and no surface reaches into another.
 */
export { CodeView, type CodeViewOptions, type ErrorMark } from './code-view.ts';
export { CodeBox, reportDamaged, type CodeBoxOptions } from './code-box.ts';
export { WorkStore, type WorkStoreOptions } from './work-store.ts';
export { RunPanel, type RunOutcome, type RunRequest } from './run-panel.ts';
export { RunStatus, preloadNear } from './run-status.ts';
export { afterLoad, runOnKey } from './early.ts';
export { preload, pythonName, runtime } from './runtime.ts';
export { renderNotice } from './notices.ts';
export { lineDiff, type DiffLine } from './line-diff.ts';
export { showPlainCode } from './static-code.ts';
export { builtCode, readConfig } from './surface-config.ts';
export { appSpecProblem, describe, filesProblem, modeProblem, requestProblem } from './work-schema.ts';
export { fileNameProblem } from './workspace-names.ts';
export type { CodeEditor } from '../editor/code-editor.ts';
export {
  clearWork, damagedWork, EXERCISE_PREFIX, hashText, readWork, safeStorage, storedRev, workKey, writeWork,
  type SavedWork, type SaveOutcome,
} from './saved-work.ts';
export { damagedFiles, readFiles, writeFiles, type SavedFiles } from './saved-files.ts';
export { Composer, fromPreset, requestBytes, type RequestPreset, type RequestState } from '../lesson/composer/index.ts';
export type { RunResult, ServerMode, SimulationResult, Workspace } from '../runtime/client.ts';

/** The result views, loaded when first needed (they are most of a run's code). */
export const results = () => import('../lesson/results/ResultsView.ts');
