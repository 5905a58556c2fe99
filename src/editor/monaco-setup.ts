/**
 * The one place Monaco is imported: the core editor API, Python highlighting and the few features
 * a lesson editor uses (comment toggling, bracket matching, Ctrl+M for Tab focus mode), its web worker, and the two colour themes matching the site's code blocks.
 * Everything else Monaco offers (find, suggest, folding, hover: 90 KB gz) stays out of the bundle;
 * error messages show at the end of the marked line instead of in a hover.
 */
import * as monaco from 'monaco-editor/editor/editor.api';
import 'monaco-editor/languages/definitions/python/register';
import 'monaco-editor/features/comment/register';
import 'monaco-editor/features/bracketMatching/register';
import 'monaco-editor/features/toggleTabFocusMode/register';
import EditorWorker from 'monaco-editor/editor/editor.worker?worker';

globalThis.MonacoEnvironment = { getWorker: () => new EditorWorker() };

// Backgrounds match --code-bg in src/styles/tokens.css, so the switch from the static copy is seamless.
monaco.editor.defineTheme('wsgi-light', {
  base: 'vs', inherit: true, rules: [],
  colors: { 'editor.background': '#ffffff', 'editorLineNumber.foreground': '#6e7781' },
});
monaco.editor.defineTheme('wsgi-dark', {
  base: 'vs-dark', inherit: true, rules: [],
  colors: { 'editor.background': '#0d1117', 'editorLineNumber.foreground': '#8b949e' },
});

export { monaco };
