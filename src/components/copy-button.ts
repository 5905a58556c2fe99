/**
 * The Copy button of every code block (CodeBlock.astro): one listener for the whole page, however many
 * blocks it has, wired after the load event so it is no part of a phase page's first bytes
 * (tests/e2e/site-budget.spec.ts).
 */
import { announce } from './announce';

export function wireCopyButtons(): void {
  document.addEventListener('click', async (event) => {
    const button = (event.target as Element | null)?.closest<HTMLButtonElement>('[data-copy-code]');
    const code = button?.parentElement?.querySelector('pre');
    if (!button || !code) return;
    try {
      await navigator.clipboard.writeText(code.innerText.replace(/\n$/, ''));
      button.textContent = 'Copied';
      announce('Copied');
    } catch {
      button.textContent = 'Copy failed';
      announce('Copy failed: select the code and press Ctrl+C');
    }
    setTimeout(() => (button.textContent = 'Copy'), 2000);
  });
}
