/**
 * What a surface's .astro tag tells its script: JSON in a <script type="application/json" data-config>
 * inside the surface's element (the lesson's code stays out of it: `builtCode` reads it back).
 */

/** The configuration of the surface `element`, rendered by `tag` (named in the error when it is missing). */
export function readConfig<T>(element: HTMLElement, tag: string): T {
  const json = element.querySelector('script[data-config]')?.textContent;
  if (!json) throw new Error(`${tag}: its config script is missing; render it with ${tag}.astro.`);
  return JSON.parse(json) as T;
}

/** The code the build highlighted into `host`: the text of its <pre> (lines joined by newlines). */
export function builtCode(host: HTMLElement): string {
  const code = host.querySelector('pre code') ?? host.querySelector('pre');
  if (!code) throw new Error('The highlighted code of an editable surface is missing from the page.');
  return code.textContent ?? '';
}
