/**
 * A tiny element builder shared by the views built after a run (no framework): the result views
 * (src/lesson/results/), the Onion tab (src/lesson/onion/) and the Browser tab (src/browser/).
 */
type Child = Node | string | null | undefined | false;

/** Create `<tag>` with attributes (on* keys become listeners) and children. */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K, attrs: Record<string, unknown> = {}, ...children: (Child | Child[])[]
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === undefined || value === null || value === false) continue;
    if (name.startsWith('on') && typeof value === 'function') el.addEventListener(name.slice(2), value as EventListener);
    else if (name === 'class') el.className = String(value);
    else el.setAttribute(name, value === true ? '' : String(value));
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    el.append(child);
  }
  return el;
}

/** A link to a PEP 3333 section, by its title ("The start_response() Callable"). */
export function pepLink(section: string): HTMLAnchorElement {
  const anchor = section.toLowerCase().replace(/[()]/g, '').replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
  return h('a', { href: `https://peps.python.org/pep-3333/#${anchor}`, rel: 'noopener' }, `PEP 3333: ${section}`);
}
