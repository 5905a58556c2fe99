/**
 * Puts back, after the load event, what the build took out of the page (src/integrations/
 * deferred-parts.ts): code blocks' colours and lines, exercises' templates and predict questions'
 * configurations.
 * A block whose text has changed since (an editor took its place) keeps its text; marks on its lines
 * (an error line, the onion's step) are kept. `pageParts()` resolves once the templates and
 * configurations are back (or could not be: offline with nothing cached, the code stays readable in
 * one colour); the colours follow.
 */
const META = 'wsgi-page-parts';

interface PageParts { colours: string[]; templates: string[]; configs: string[] }

const strings = (v: unknown): v is string[] => Array.isArray(v) && v.every((s) => typeof s === 'string');

/** Block `i`'s colours and lines back, unless its text has changed since. */
function restoreBlock(html: string, i: number, scratch: HTMLTemplateElement): void {
  const code = document.querySelector<HTMLElement>(`pre[data-colours="${i}"] > code`);
  if (!code) return;
  scratch.innerHTML = html;
  if (scratch.content.textContent !== code.textContent) return;
  const marks = [...code.querySelectorAll('.line')].map((line) => [...line.classList].filter((c) => c !== 'line'));
  code.replaceChildren(scratch.content.cloneNode(true));
  code.querySelectorAll('.line').forEach((line, n) => { if (marks[n]?.length) line.classList.add(...marks[n]); });
}

/** A few blocks per task, so no task is long on a slow phone (Lighthouse's total blocking time). */
const BLOCKS_PER_TASK = 4;

async function restoreColours(colours: string[]): Promise<void> {
  const scratch = document.createElement('template');
  for (let i = 0; i < colours.length; i++) {
    restoreBlock(colours[i], i, scratch);
    if (i % BLOCKS_PER_TASK === BLOCKS_PER_TASK - 1) await new Promise((resolve) => setTimeout(resolve, 0));
  }
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

/** Puts the parts back; resolves once what scripts read (templates, configurations) is back, before
 * the colours, which follow a few blocks per task. */
async function load(): Promise<void> {
  const url = document.querySelector(`meta[name="${META}"]`)?.getAttribute('content');
  if (!url) return;
  try {
    const res = await fetch(url);
    const parts = (res.ok ? await res.json() : null) as Partial<PageParts> | null;
    if (strings(parts?.templates)) restoreTemplates(parts.templates);
    if (strings(parts?.configs)) restoreConfigs(parts.configs);
    if (strings(parts?.colours)) void restoreColours(parts.colours);
  } catch {
    // Nothing to put back: the code stays readable in one colour.
  }
}

let loaded: Promise<void> | null = null;

/** Resolves once the deferred parts are back in the page (started after the load event). */
export function pageParts(): Promise<void> {
  loaded ??= new Promise<void>((resolve) => {
    const start = () => void load().then(resolve);
    if (document.readyState === 'complete') start();
    else addEventListener('load', start, { once: true });
  });
  return loaded;
}

void pageParts();
