/** Export, import and reset on the landing page (ProgressTools.astro). */
import { applyImport, editorWorkCount, exportFileName, exportText, planImport, resetProgress, type ImportPlan } from './transfer.ts';
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
  const importDialog = root.querySelector<HTMLDialogElement>('[data-import-dialog]')!;
  let pending: { plan: ImportPlan; name: string } | null = null;
  input.addEventListener('change', async () => {
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    try {
      if (file.size > 20_000_000) throw new Error(`${file.name} is ${Math.round(file.size / 1e6)} MB; a progress file is far smaller.`);
      const plan = planImport(await file.text());
      if (plan.changes.length === 0) {
        say(`Nothing to import from ${file.name}: ${plan.same} items are already the same here${plan.refused.length ? `, ${plan.refused.length} were refused (${plan.refused.map((r) => r.reason).join('; ')})` : ''}.`);
        return;
      }
      pending = { plan, name: file.name };
      showPlan(importDialog.querySelector('[data-import-plan]')!, plan, file.name);
      importDialog.returnValue = '';
      importDialog.showModal();
    } catch (error) {
      say(`Nothing imported: ${(error as Error).message}`);
    }
  });
  importDialog.addEventListener('close', () => {
    const confirmed = pending;
    pending = null;
    if (!confirmed) return;
    if (importDialog.returnValue !== 'import') { say(`Nothing imported from ${confirmed.name}.`); return; }
    try {
      const count = applyImport(confirmed.plan);
      say(`Imported ${count} saved items from ${confirmed.name}. Reloading to show them…`);
      setTimeout(() => location.reload(), 800);
    } catch (error) {
      say(`Nothing imported: ${(error as Error).message}`);
    }
  });

  const dialog = root.querySelector<HTMLDialogElement>('[data-reset-dialog]')!;
  const editors = dialog.querySelector<HTMLInputElement>('[data-reset-editors]')!;
  root.querySelector('[data-reset]')!.addEventListener('click', () => {
    const count = editorWorkCount();
    editors.checked = false;
    editors.disabled = count === 0;
    dialog.querySelector('[data-reset-editors-label]')!.textContent =
      `Also clear my edits in the live examples and the playground, shared workspaces included (${count} saved)`;
    dialog.returnValue = '';
    dialog.showModal();
  });
  dialog.addEventListener('close', () => {
    if (dialog.returnValue !== 'reset') return;
    resetProgress({ editorWork: editors.checked });
    say('Progress reset. Reloading…');
    setTimeout(() => location.reload(), 800);
  });

  onStorageProblem((message) => say(message));
}

/** The plan in words: what will be added, replaced, and what is refused with the reason. */
function showPlan(box: HTMLElement, plan: ImportPlan, name: string) {
  const section = (title: string, items: string[]) => {
    if (!items.length) return [];
    const h = Object.assign(document.createElement('p'), { textContent: title });
    const ul = document.createElement('ul');
    ul.append(...items.map((text) => Object.assign(document.createElement('li'), { textContent: text })));
    return [h, ul];
  };
  const intro = Object.assign(document.createElement('p'), { textContent: `${name} would change ${plan.changes.length} items in this browser.${plan.same ? ` ${plan.same} are already the same.` : ''}` });
  box.replaceChildren(intro,
    ...section('Replaced (what you have now is lost):', plan.changes.filter((c) => c.action === 'replace').map((c) => c.label)),
    ...section('Added:', plan.changes.filter((c) => c.action === 'add').map((c) => c.label)),
    ...section('Not imported:', plan.refused.map((r) => `${r.key.slice(0, 80)}: ${r.reason}`)));
}
