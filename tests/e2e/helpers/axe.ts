import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';

// Highlighted code is thousands of one-token <span>s, and axe's colour-contrast rule on each
// of them takes minutes on a busy machine. Axe skips them; codeTokenContrast() checks every
// distinct token colour against its block's real background instead (same WCAG formula).
const TOKENS = 'pre code span';

/** Runs axe-core on the page and returns the serious and critical violations, one readable line each. */
export async function seriousViolations(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).exclude(TOKENS).analyze();
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

/**
 * WCAG AA for highlighted code: every visible token colour on its <pre>'s background has a
 * contrast ratio ≥ 4.5. Returns the failing pairs ("rgb(...) on rgb(...) = 3.9").
 */
export async function codeTokenContrast(page: Page): Promise<string[]> {
  return page.evaluate((selector) => {
    const rgb = (css: string) => (css.match(/[\d.]+/g) ?? []).slice(0, 3).map(Number);
    const luminance = (css: string) => {
      const [r, g, b] = rgb(css).map((v) => {
        const c = v / 255;
        return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
      });
      return 0.2126 * r + 0.7152 * g + 0.0722 * b;
    };
    const ratio = (a: string, b: string) => {
      const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
      return (hi + 0.05) / (lo + 0.05);
    };
    const seen = new Map<string, number>();
    for (const span of document.querySelectorAll<HTMLElement>(selector)) {
      if (!span.textContent?.trim() || span.offsetParent === null) continue;
      const pre = span.closest('pre')!;
      const key = `${getComputedStyle(span).color} on ${getComputedStyle(pre).backgroundColor}`;
      if (!seen.has(key)) seen.set(key, ratio(getComputedStyle(span).color, getComputedStyle(pre).backgroundColor));
    }
    return [...seen].filter(([, value]) => value < 4.5).map(([key, value]) => `${key} = ${value.toFixed(2)}`);
  }, TOKENS);
}
