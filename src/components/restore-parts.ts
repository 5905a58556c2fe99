/**
 * What the build took out of the page (src/integrations/deferred-parts.ts), put back after load:
 * code blocks' colours and lines, exercises' templates and predict questions' configurations
 * (page-parts.ts imports this once the page has loaded, so none of it weighs on the page before).
 * A block whose text has changed since (an editor took its place) keeps its text; marks on its lines
 * (an error line, the onion's step) are kept.
 */
import { PAGE_PARTS_META, type PageParts } from './page-parts-format.ts';

const strings = (v: unknown): v is string[] => Array.isArray(v) && v.every((s) => typeof s === 'string');

/** A block's colours and lines back, unless its text has changed since; the block loses data-colours. */
function restoreBlock(html: string, pre: Element, scratch: HTMLTemplateElement): void {
  pre.removeAttribute('data-colours');
  const code = pre.querySelector('code');
  if (!code) return;
  scratch.innerHTML = html;
  if (scratch.content.textContent !== code.textContent) return;
  const marks = [...code.querySelectorAll('.line')].map((line) => [...line.classList].filter((c) => c !== 'line'));
  code.replaceChildren(scratch.content.cloneNode(true));
  code.querySelectorAll('.line').forEach((line, n) => { if (marks[n]?.length) line.classList.add(...marks[n]); });
}

/**
 * Colours come back for the blocks near the viewport, and for the others as they come near (or are
 * shown, like a hint opened), in the observer's own tasks: each task that puts some back costs a layout
 * of the whole page, which on a long lesson was the biggest part of its main-thread work after load.
 */
function restoreColours(colours: string[]): void {
  const scratch = document.createElement('template');
  const near = new IntersectionObserver((entries) => entries.forEach(({ isIntersecting, target }) => {
    if (!isIntersecting) return;
    near.unobserve(target);
    const html = colours[Number((target as HTMLElement).dataset.colours)];
    if (html !== undefined) restoreBlock(html, target, scratch);
  }), { rootMargin: '1500px 0px' });
  document.querySelectorAll('pre[data-colours]').forEach((pre) => near.observe(pre));
}

function restoreTemplates(templates: string[]): void {
  templates.forEach((html, i) => {
    const template = document.querySelector<HTMLTemplateElement>(`template[data-deferred="${i}"]`);
    if (template && !template.content.childNodes.length) template.innerHTML = html;
  });
}

function restoreConfigs(configs: string[]): void {
  configs.forEach((json, i) => {
    const script = document.querySelector(`script[data-deferred-config="${i}"]`);
    if (script && !script.textContent) script.textContent = json;
  });
}

/** Puts the parts back; resolves once what scripts read (templates, configurations) is back; the
 * colours follow as blocks come near the viewport. */
export async function restoreParts(): Promise<void> {
  const url = document.querySelector(`meta[name="${PAGE_PARTS_META}"]`)?.getAttribute('content');
  if (!url) return;
  try {
    const res = await fetch(url);
    const parts = (res.ok ? await res.json() : null) as Partial<PageParts> | null;
    if (strings(parts?.templates)) restoreTemplates(parts.templates);
    if (strings(parts?.configs)) restoreConfigs(parts.configs);
    if (strings(parts?.colours)) restoreColours(parts.colours);
  } catch {
    // Nothing to put back: the code stays readable in one colour.
  }
}
