/**
 * A page's images, stylesheets and scripts on the app's own paths, loaded through the simulated
 * server before the page is shown and put inline (images as data: URLs, stylesheets as <style>,
 * scripts as inline <script>), since the frame's policy lets nothing load from the network. url(...) in
 * a stylesheet is loaded the same way. Other origins are left alone: the frame blocks and reports them.
 * Stylesheets first, then scripts, then images (a browser's priorities). At most MAX_SUBRESOURCES loads
 * per page; the rest are not loaded and counted.
 */
import { appTarget } from './request.ts';
import type { Response } from './session.ts';
import { header } from './session.ts';

export const MAX_SUBRESOURCES = 50;

export type Load = (target: string, kind: 'image' | 'style' | 'script') => Promise<Response | null>;

export interface Inlined { html: string; loaded: number; skipped: number }

function base64(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}

const ok = (r: Response | null): r is Response => r !== null && r.status >= 200 && r.status < 300;
const decode = (bytes: Uint8Array) => new TextDecoder().decode(bytes);

/** `html` with its own sub-resources inlined and `firstScript` first in its head; `pageTarget` is the page's path, `siteOrigin` the frame's base origin. */
export async function inlineSubresources(html: string, pageTarget: string, siteOrigin: string, load: Load, firstScript = '', limit = MAX_SUBRESOURCES): Promise<Inlined> {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  if (firstScript) {
    const script = doc.createElement('script');
    script.textContent = firstScript;
    doc.head.prepend(script);
  }
  const cache = new Map<string, Promise<Response | null>>();
  let loaded = 0;
  let skipped = 0;
  // Relative URLs resolve against the page's own <base href> if it has one, else the page's path.
  const baseHref = doc.querySelector('base[href]')?.getAttribute('href');
  const pageBase = new URL(baseHref ?? '', `http://localhost${pageTarget}`).href;
  const get = (url: string, kind: 'image' | 'style' | 'script', from = pageBase): Promise<Response | null> | null => {
    const target = appTarget(url, siteOrigin, from);
    if (target === null || /^\s*(data|blob|javascript):/i.test(url)) return null;
    const known = cache.get(target);
    if (known) return known;
    if (loaded >= limit) { skipped++; return Promise.resolve(null); }
    loaded++;
    const p = load(target, kind);
    cache.set(target, p);
    return p;
  };
  const dataUrl = (r: Response) => `data:${(header(r.headers, 'content-type') ?? 'application/octet-stream').split(';')[0].trim()};base64,${base64(r.body)}`;

  // url(...) in CSS: images and fonts of the app, each inlined (relative to the stylesheet's own path).
  const inlineCss = async (css: string, from: string) => {
    const found = [...css.matchAll(/url\(\s*(['"]?)([^'")]+)\1\s*\)/g)];
    let out = css;
    for (const m of found) {
      const p = get(m[2], 'image', from);
      const r = p && await p;
      if (ok(r)) out = out.split(m[0]).join(`url("${dataUrl(r)}")`);
    }
    return out;
  };

  const jobs: Promise<void>[] = [];
  for (const link of doc.querySelectorAll<HTMLLinkElement>('link[rel~=stylesheet i][href]')) {
    const href = link.getAttribute('href')!;
    const p = get(href, 'style');
    if (!p) continue;
    jobs.push(p.then(async (r) => {
      const style = doc.createElement('style');
      if (link.media) style.media = link.media;
      if (ok(r)) style.textContent = await inlineCss(decode(r.body), new URL(href, pageBase).href);
      link.replaceWith(style);
    }));
  }
  for (const el of doc.querySelectorAll<HTMLStyleElement>('style')) {
    if (/url\(/.test(el.textContent ?? '')) jobs.push(inlineCss(el.textContent ?? '', pageBase).then((css) => { el.textContent = css; }));
  }
  for (const script of doc.querySelectorAll<HTMLScriptElement>('script[src]')) {
    const p = get(script.getAttribute('src')!, 'script');
    if (!p) continue;
    jobs.push(p.then((r) => {
      script.removeAttribute('src');
      // "</script" inside the text would end the inline script early.
      script.textContent = ok(r) ? decode(r.body).replace(/<\/(script)/gi, '<\\/$1') : '';
    }));
  }
  for (const img of doc.querySelectorAll<HTMLImageElement>('img[src], input[type=image][src]')) {
    const p = get(img.getAttribute('src')!, 'image');
    if (!p) continue;
    img.removeAttribute('srcset');
    jobs.push(p.then((r) => { if (ok(r)) img.setAttribute('src', dataUrl(r)); else img.removeAttribute('src'); }));
  }
  await Promise.all(jobs);
  const doctype = doc.doctype ? `<!DOCTYPE ${doc.doctype.name}>` : '';
  return { html: doctype + doc.documentElement.outerHTML, loaded, skipped };
}
