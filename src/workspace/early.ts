/**
 * The part of the workspace a page loads before its load event: small, and it only waits. A surface's
 * controller (with the editor, the runtime client and the result views behind it) is imported the
 * first time the reader touches the surface (`lazySurfaces`), once.
 */
export { damagedWork, readWork, workKey } from './saved-work.ts';
export { pythonStartedBefore } from './warm-start.ts';
export { afterLoad } from '../components/after-load.ts';

/** Start Python now (a returning reader: its files are cached); loads only the runtime client. */
export function preloadPython(): void {
  void import('./runtime.ts').then(({ preload }) => preload());
}

/** What a surface's controller does with the reader's touch that made it (`lazySurfaces`). */
export interface LazySurface {
  /** Open the editor of the code host the reader focused or pressed. */
  open(host: HTMLElement): unknown;
  run(): unknown;
  /** The reader typed or changed a field of the surface. */
  touched(event: Event): unknown;
}

/**
 * Every `selector` element of the page, each waiting for the reader: the first touch makes its
 * controller (`make`, an import) and hands the touch on. Focus or a press on a code host opens its
 * editor, Ctrl/Cmd+Enter runs, a click on a button is replayed once the controller (which handles
 * its own clicks from then on) exists, an input or change is reported.
 */
export function lazySurfaces<C extends LazySurface>(selector: string, make: (element: HTMLElement) => Promise<C>) {
  const made = new WeakMap<HTMLElement, Promise<C>>();
  const controllers = {
    /** The element's controller, made now if it was not yet (once: it then handles the element's events itself). */
    for: (element: HTMLElement): Promise<C> => made.get(element) ?? made.set(element, make(element)).get(element)!,
    has: (element: HTMLElement) => made.has(element),
  };
  const elements = [...document.querySelectorAll<HTMLElement>(selector)];
  for (const element of elements) {
    const first = (then: (c: C) => unknown) => !made.has(element) && Boolean(controllers.for(element).then(then));
    for (const host of element.querySelectorAll<HTMLElement>('[data-code-host]')) {
      for (const type of ['focusin', 'pointerdown']) host.addEventListener(type, () => first((c) => c.open(host)));
    }
    element.addEventListener('click', (event) => {
      const button = (event.target as HTMLElement).closest('button');
      // A submit button's form is submitted by the replayed click, to the controller's handler.
      if (button && first(() => button.click())) event.preventDefault();
    });
    element.addEventListener('keydown', (event) => { if (isRunKey(event) && first((c) => c.run())) event.preventDefault(); });
    for (const type of ['input', 'change']) element.addEventListener(type, (event) => first((c) => c.touched(event)));
  }
  return { elements, controllers };
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

