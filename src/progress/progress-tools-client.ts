/** Export, import and reset on the landing page (ProgressTools.astro). */
import { exportFileName, exportText, importText, resetProgress } from './transfer.ts';
import { onStorageProblem } from './storage.ts';

/** Wires the progress tools if the page has them. */
export function startProgressTools(): void {
  const root = document.querySelector<HTMLElement>('[data-progress-tools]');
  if (!root) return;
  const status = root.querySelector<HTMLElement>('[data-status]')!;
  const say = (text: string) => { status.textContent = text; };

  root.querySelector('[data-export]')!.addEventListener('click', () => {
    const url = URL.createObjectURL(new Blob([exportText()], { type: 'application/json' }));
    const link = Object.assign(document.createElement('a'), { href: url, download: exportFileName() });
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
    say(`Saved ${exportFileName()} to your downloads.`);
  });

  const input = root.querySelector<HTMLInputElement>('[data-import]')!;
  input.addEventListener('change', async () => {
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    try {
      const count = importText(await file.text());
      say(`Imported ${count} saved items from ${file.name}. Reloading to show them…`);
      setTimeout(() => location.reload(), 800);
    } catch (error) {
      say(`Nothing imported: ${(error as Error).message}`);
    }
  });

  const dialog = root.querySelector<HTMLDialogElement>('[data-reset-dialog]')!;
  root.querySelector('[data-reset]')!.addEventListener('click', () => dialog.showModal());
  dialog.addEventListener('close', () => {
    if (dialog.returnValue !== 'reset') return;
    resetProgress();
    say('Progress reset. Reloading…');
    setTimeout(() => location.reload(), 800);
  });

  onStorageProblem((message) => say(message));
}
