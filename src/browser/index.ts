/**
 * The Browser tab, for the result views: whether a run's result opens in it (`opensInBrowser`) and
 * the tab itself (`renderBrowser`, which brings browser.css with it). Only the result views import
 * this, lazily with them. Request composing without the DOM (for a surface that sends its own first
 * request) is `pure.ts`; everything else stays inside this folder.
 */
export { opensInBrowser, renderBrowser } from './BrowserView.ts';
