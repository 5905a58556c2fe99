/**
 * What the build (src/integrations/deferred-parts.ts) and the page (restore-parts.ts) agree on about a
 * page's deferred parts: the <meta> that names their file, and what the file holds. Neither Node nor
 * the DOM here: both sides import it.
 */

/** The <meta> a page names its deferred parts' file in. */
export const PAGE_PARTS_META = 'wsgi-page-parts';

/** What the file holds: each block's highlighted inner HTML, each template's content and each
 * predict question's configuration, by number. */
export interface PageParts { colours: string[]; templates: string[]; configs: string[] }
