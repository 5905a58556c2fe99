/** The search page's client: loads Pagefind's index on first use and renders results as a list of links. */

interface PagefindResult {
  data(): Promise<{ url: string; excerpt: string; meta: { title?: string } }>;
}
interface Pagefind {
  init(): Promise<void>;
  search(query: string): Promise<{ results: PagefindResult[] }>;
}

let pagefind: Promise<Pagefind> | undefined;

/** Loads /pagefind/pagefind.js once; it only exists in the built site (`npm run build`). */
function loadPagefind(): Promise<Pagefind> {
  const url = '/pagefind/pagefind.js';
  pagefind ??= import(/* @vite-ignore */ url).then(async (module: Pagefind) => {
    await module.init();
    return module;
  });
  return pagefind;
}

let latest = 0;
let shown: string | null = null;

/**
 * Runs one query and fills `list`; `status` (a live region) says how many results there are. Only the
 * latest query's results are shown, and the query already shown is not drawn again: a result the reader
 * had focused was replaced under them (typing fires a search per pause, Enter another), and a slow
 * earlier query could overwrite a later one's results.
 */
export async function runSearch(query: string, { status, list }: { status: HTMLElement; list: HTMLElement }): Promise<void> {
  const mine = ++latest;
  if (query === shown) return;
  if (!query) {
    list.replaceChildren();
    status.textContent = '';
    shown = query;
    return;
  }
  let found;
  try {
    found = await (await loadPagefind()).search(query);
  } catch {
    if (mine === latest) status.textContent = 'Search is not available: the index is made by `npm run build`.';
    return;
  }
  const results = await Promise.all(found.results.slice(0, 20).map((result) => result.data()));
  if (mine !== latest) return; // a later query is on its way: its results are the ones to show
  shown = query;
  list.replaceChildren(
    ...results.map((result) => {
      const item = document.createElement('li');
      const link = document.createElement('a');
      link.href = result.url;
      link.textContent = result.meta.title ?? result.url;
      const excerpt = document.createElement('p');
      // Pagefind builds the excerpt from our own pages and escapes it, marking hits with <mark>.
      excerpt.innerHTML = result.excerpt;
      item.append(link, excerpt);
      return item;
    }),
  );
  const count = found.results.length;
  status.textContent = count === 0 ? `No results for “${query}”.` : `${count} result${count === 1 ? '' : 's'} for “${query}”.`;
}
