/**
 * An exercise's "Open /path in the Browser" (<Exercise browse="/path">): serves the reader's code on
 * wsgiref and shows that page in the result area's Browser tab (src/browser/), from which every link
 * and form is one more request to the same code. The RunPanel opens the Browser tab first
 * (data-result-tab on the section).
 */
import { requestBytes } from '../../browser/pure.ts';
import { RunPanel, type CodeBox } from '../../workspace/index.ts';

/** Wires the browse section (a RunPanel root with data-browse="/path") to the exercise's code box. */
export function wireBrowse(section: HTMLElement, box: CodeBox): void {
  const panel = new RunPanel(section);
  const target = section.dataset.browse!;
  section.querySelector('[data-action="run"]')!.addEventListener('click', async () => {
    if (panel.running) return;
    box.save();
    // The first request is the one Chromium sends for a path typed in its address bar.
    const bytes = requestBytes({ method: 'GET', target, kind: 'document', referrer: null, user: true }, '', navigator.userAgent);
    const { mark } = await panel.request({
      files: { 'app.py': box.code }, file: 'app.py', kind: 'request', bytes, mode: 'wsgiref', appSpec: 'app:app',
      goToLine: (line) => box.view.goToLine(line),
    });
    box.markError(mark);
  });
}
