import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';

/** Runs axe-core on the page and returns the serious and critical violations, one readable line each. */
export async function seriousViolations(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).analyze();
  return violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => {
      // The first few nodes with axe's own numbers (e.g. colours and contrast ratio) are enough to act on.
      const nodes = violation.nodes.slice(0, 3).map((node) => {
        const data = node.any[0]?.data as Record<string, unknown> | undefined;
        const detail = data && 'contrastRatio' in data ? ` [${data.fgColor} on ${data.bgColor} = ${data.contrastRatio}]` : '';
        return `${node.target.join(' ')}${detail}`;
      });
      return `${violation.id} (${violation.impact}, ${violation.nodes.length} nodes): ${violation.help} — ${nodes.join('; ')}`;
    });
}
