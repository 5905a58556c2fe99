/**
 * Puts back, after the load event, what the build took out of the page (restore-parts.ts, imported
 * then). `pageParts()` resolves once the templates and configurations are back (or could not be:
 * offline with nothing cached, the code stays readable in one colour); the colours follow as blocks
 * come near the viewport.
 */
import { afterLoad } from './after-load.ts';

let loaded: Promise<void> | null = null;

/** Resolves once the deferred parts are back in the page (started after the load event). */
export function pageParts(): Promise<void> {
  loaded ??= new Promise<void>((resolve) => {
    afterLoad(() => void import('./restore-parts.ts').then(({ restoreParts }) => restoreParts()).then(resolve, () => resolve()));
  });
  return loaded;
}

void pageParts();
