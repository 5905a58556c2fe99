/**
 * The capstone's download button: on the first click it loads project.ts (fflate, and the exercise's
 * saved code read the way the exercise's editor reads it), builds the project zip and saves it.
 * Nothing leaves the browser.
 */

function starterOf(name: string): string {
  const section = document.querySelector<HTMLElement>(`section[data-exercise="${CSS.escape(name)}"]`);
  return section?.querySelector<HTMLTemplateElement>('template[data-starter]')?.content.textContent ?? '';
}


/** Wires every capstone download section on the page (once). */
export function startCapstoneDownloads(): void {
  for (const root of document.querySelectorAll<HTMLElement>('[data-capstone-download]:not([data-ready])')) {
    root.dataset.ready = '';
    const name = root.dataset.capstoneDownload!;
    const status = root.querySelector<HTMLElement>('[data-download-status]')!;
    root.querySelector<HTMLButtonElement>('[data-download]')!.addEventListener('click', async () => {
      const { projectZip, savedExerciseCode } = await import('./project.ts');
      const saved = savedExerciseCode(name);
      const code = saved ?? starterOf(name);
      const url = URL.createObjectURL(new Blob([projectZip(code) as BlobPart], { type: 'application/zip' }));
      const a = Object.assign(document.createElement('a'), { href: url, download: 'my-framework.zip' });
      document.body.append(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
      status.textContent = saved === null
        ? 'Downloaded my-framework.zip with the starter: nothing of yours is saved in this browser yet.'
        : `Downloaded my-framework.zip with your app.py (${code.split('\n').length} lines).`;
    });
  }
}
