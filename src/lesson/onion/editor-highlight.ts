/**
 * Light a step's line in the editor the results belong to (a LiveEditor or the playground), without
 * moving focus: the reader keeps stepping the onion. Works on the static highlighted copy, on Monaco
 * (found by its DOM node; loaded already if it is showing) and on the touch textarea (scrolled to).
 */
const LINE_PX = 22; // the editors' line height (lesson.css)
const monacoMarks = new WeakMap<object, { clear(): void }>();

/** Highlight `line` of `file` in the editor around `from` (null clears); other files are left alone. */
export async function highlightInEditor(from: HTMLElement, file: string | null, line: number | null, defaultFile: string): Promise<void> {
  const section = from.closest<HTMLElement>('[data-live-editor], [data-playground]');
  const host = section?.querySelector<HTMLElement>('[data-code-host]');
  if (!section || !host) return;
  const shown = section.querySelector<HTMLElement>('[data-file-tabs] [aria-selected="true"]')?.dataset.file ?? defaultFile;
  const target = file === shown ? line : null;
  host.querySelectorAll('.le-onion-line').forEach((el) => el.classList.remove('le-onion-line'));
  const staticLine = target ? host.querySelectorAll<HTMLElement>('pre .line')[target - 1] : undefined;
  if (staticLine && staticLine.offsetParent !== null) {
    staticLine.classList.add('le-onion-line');
    staticLine.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  }
  const area = host.querySelector<HTMLTextAreaElement>('textarea');
  if (area && target) area.scrollTop = Math.max(0, (target - 3) * LINE_PX);
  if (host.querySelector('.monaco-editor')) {
    const { monaco } = await import('../../editor/monaco-setup.ts');
    const editor = monaco.editor.getEditors().find((ed) => host.contains(ed.getContainerDomNode()));
    if (!editor) return;
    monacoMarks.get(editor)?.clear();
    if (!target) return;
    monacoMarks.set(editor, editor.createDecorationsCollection([{
      range: new monaco.Range(target, 1, target, 1),
      options: { isWholeLine: true, className: 'le-onion-line' },
    }]));
    editor.revealLineInCenterIfOutsideViewport(target);
  }
}
