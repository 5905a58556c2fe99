/**
 * The capstone's download button: reads the exercise's saved code from this browser's storage (the
 * one-file saved-work record, `{ v: 1, code, ... }` under the exercise prefix + name), builds the
 * project zip (fflate, loaded on the first click) and saves it. Nothing leaves the browser.
 */
const EXERCISE_KEY_PREFIX = 'wsgi-ground-up:exercise:';

/** The exercise's saved code, or null (nothing saved, storage refused, or not a saved-work record). */
export function savedExerciseCode(name: string, storage: Pick<Storage, 'getItem'> | null): string | null {
  try {
    const data = JSON.parse(storage?.getItem(EXERCISE_KEY_PREFIX + name) ?? 'null') as { code?: unknown } | null;
    return typeof data?.code === 'string' ? data.code : null;
  } catch {
    return null;
  }
}

function starterOf(name: string): string {
  const section = document.querySelector<HTMLElement>(`section[data-exercise="${CSS.escape(name)}"]`);
  return section?.querySelector<HTMLTemplateElement>('template[data-starter]')?.content.textContent ?? '';
}

function storage(): Storage | null {
  try { return localStorage; } catch { return null; }
}

/** Wires every capstone download section on the page (once). */
export function startCapstoneDownloads(): void {
  for (const root of document.querySelectorAll<HTMLElement>('[data-capstone-download]:not([data-ready])')) {
    root.dataset.ready = '';
    const name = root.dataset.capstoneDownload!;
    const status = root.querySelector<HTMLElement>('[data-download-status]')!;
    root.querySelector<HTMLButtonElement>('[data-download]')!.addEventListener('click', async () => {
      const { projectZip } = await import('./project.ts');
      const saved = savedExerciseCode(name, storage());
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
