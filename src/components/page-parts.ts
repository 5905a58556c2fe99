/**
 * Puts back, after the load event, what the build took out of the page (src/integrations/
 * deferred-parts.ts): code blocks' colours and lines, exercises' templates and predict questions'
 * configurations.
 * A block whose text has changed since (an editor took its place) keeps its text; marks on its lines
 * (an error line, the onion's step) are kept. `pageParts()` resolves once everything is back (or
 * could not be: offline with nothing cached, the code stays readable in one colour).
 */
const META = 'wsgi-page-parts';

interface PageParts { colours: string[]; templates: string[]; configs: string[] }

const strings = (v: unknown): v is string[] => Array.isArray(v) && v.every((s) => typeof s === 'string');

function restoreColours(colours: string[]): void {
  const scratch = document.createElement('template');
  colours.forEach((html, i) => {
    const code = document.querySelector<HTMLElement>(`pre[data-colours="${i}"] > code`);
    if (!code) return;
    scratch.innerHTML = html;
    if (scratch.content.textContent !== code.textContent) return;
    const marks = [...code.querySelectorAll('.line')].map((line) => [...line.classList].filter((c) => c !== 'line'));
    code.replaceChildren(scratch.content.cloneNode(true));
    code.querySelectorAll('.line').forEach((line, n) => { if (marks[n]?.length) line.classList.add(...marks[n]); });
  });
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

async function load(): Promise<void> {
  const url = document.querySelector(`meta[name="${META}"]`)?.getAttribute('content');
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
