/**
 * Adds Monaco's stylesheet (emitted by monaco-css-plugin.ts) when the editor first loads, and waits
 * for it: Monaco measures its own DOM, so it must not be created before its CSS applies.
 */
import { monacoCssHref } from 'virtual:monaco-css';

let loading: Promise<void> | null = null;

/** Resolves once Monaco's stylesheet is in the page (at once in `astro dev`, where Vite adds it). */
export function ensureMonacoStyles(): Promise<void> {
  if (!monacoCssHref) return Promise.resolve();
  loading ??= new Promise<void>((resolve, reject) => {
    const link = document.createElement('link');
    link.rel = 'stylesheet';
    link.href = monacoCssHref as string;
    link.onload = () => resolve();
    link.onerror = () => reject(new Error(`The editor's stylesheet did not load (${monacoCssHref}).`));
    document.head.append(link);
  });
  return loading;
}
