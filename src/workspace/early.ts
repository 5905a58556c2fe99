/**
 * The part of the workspace a page loads before its load event: small, and it only waits. A surface's
 * controller (with the editor, the runtime client and the result views behind it) is imported the
 * first time the reader touches the surface; `lazyControllers` builds each one once.
 */
export { damagedWork, readWork, workKey } from './saved-work.ts';
export { pythonStartedBefore } from './warm-start.ts';

/** Start Python now (a returning reader: its files are cached); loads only the runtime client. */
export function preloadPython(): void {
  void import('./runtime.ts').then(({ preload }) => preload());
}

/** One controller per element, made by `make` on first use (an import, so nothing loads before it). */
export function lazyControllers<C>(make: (element: HTMLElement) => Promise<C>) {
  const made = new WeakMap<HTMLElement, Promise<C>>();
  return {
    /** The element's controller, made now if it was not yet. */
    for(element: HTMLElement): Promise<C> {
      let controller = made.get(element);
      if (!controller) { controller = make(element); made.set(element, controller); }
      return controller;
    },
    /** True once the element's controller was asked for (it then handles the element's events itself). */
    has(element: HTMLElement): boolean {
      return made.has(element);
    },
  };
}

/** Ctrl+Enter / Cmd+Enter. */
export const isRunKey = (event: KeyboardEvent): boolean => event.key === 'Enter' && (event.ctrlKey || event.metaKey);

/** Ctrl/Cmd+Enter anywhere in `root` (form fields included) calls `run`; inside an editor its own key does. */
export function runOnKey(root: HTMLElement, run: () => void): void {
  root.addEventListener('keydown', (event) => {
    if (!isRunKey(event) || (event.target as Element).closest?.('.le-monaco, .le-textarea')) return;
    event.preventDefault();
    run();
  });
}

/** Call `fn` after the page's load event (at once when it is past). */
export function afterLoad(fn: () => void): void {
  if (document.readyState === 'complete') fn();
  else addEventListener('load', fn, { once: true });
}
