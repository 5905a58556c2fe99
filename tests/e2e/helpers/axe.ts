import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import type { Result } from 'axe-core';

// The axe-core that AxeBuilder injects (it imports the same package).
const load = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(load.resolve('axe-core/axe.min.js'), 'utf8');
const AXE_VERSION = (load('axe-core/package.json') as { version: string }).version;

// Highlighted code is thousands of one-token <span>s, and axe's colour-contrast rule on each
// of them takes minutes on a busy machine. Axe skips them; codeTokenContrast() checks every
// distinct token colour against its block's real background instead (same WCAG formula).
const TOKENS = 'pre code span';

// The rules whose outcome depends on the colours: a page already scanned whole in one theme needs
// only these in the other (half of a long lesson's scan time; the others see the same DOM).
const COLOUR_RULES = ['color-contrast', 'link-in-text-block'];

/**
 * axe-core's violations (every impact) in the part of the page given by `include` (default: all of it)
 * less `exclude`, by every rule or by `rules` alone. The same rules, options and results as
 * `new AxeBuilder({ page }).include(…).exclude(…).analyze()`, only cheaper: AxeBuilder injects axe
 * into every frame again and finishes each scan in a new blank page from the partial results of all
 * nodes (passes too), which costs more than the scan on a long lesson (phase 2, loaded machine: 35 s
 * against 5 s for the same violations). Here, when no iframe is inside the scanned part, axe runs once
 * in the page (axe.run: what runPartial + finishRun do for a page without frames), injected once per
 * document, and keeps all nodes for violations only (resultTypes; passes and the rest are not read).
 * With an iframe in it, AxeBuilder scans its frames as before (with the same resultTypes).
 */
export async function axeViolations(
  page: Page,
  { include = [] as string[], exclude = [] as string[], rules }: { include?: string[]; exclude?: string[]; rules?: string[] } = {},
): Promise<Result[]> {
  const options = { resultTypes: ['violations' as const], ...(rules ? { runOnly: { type: 'rule' as const, values: rules } } : {}) };
  const context = { include: [...include], exclude: [...exclude] }; // as AxeBuilder builds it
  if ((await page.evaluate(() => (window as { axe?: { version: string } }).axe?.version)) !== AXE_VERSION) await page.evaluate(AXE_SOURCE);
  const framed = await page.evaluate((ctx) => (window as unknown as { axe: { utils: { getFrameContexts(c: unknown): unknown[] } } }).axe.utils.getFrameContexts(ctx).length, context);
  if (framed) {
    let builder = new AxeBuilder({ page }).options(options);
    for (const selector of include) builder = builder.include(selector);
    for (const selector of exclude) builder = builder.exclude(selector);
    return (await builder.analyze()).violations;
  }
  return page.evaluate(
    ([ctx, opts]) => (window as unknown as { axe: { run(c: unknown, o: unknown): Promise<{ violations: Result[] }> } }).axe.run(ctx, opts).then((r) => r.violations),
    [context, options] as const,
  );
}

/**
 * Runs axe-core on the page and returns the serious and critical violations, one readable line each;
 * `coloursOnly` runs the colour rules alone (for the second theme of a page scanned whole in the first).
 */
export async function seriousViolations(page: Page, { coloursOnly = false } = {}): Promise<string[]> {
  const violations = await axeViolations(page, { exclude: [TOKENS], rules: coloursOnly ? COLOUR_RULES : undefined });
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
