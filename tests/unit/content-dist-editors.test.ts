import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// A LiveEditor's script reads the lesson's code back from its highlighted copy (src/workspace/
// surface-config.ts, builtCode) instead of a second copy in its JSON. On every BUILT phase page, that text must be the
// example file exactly, or Reset and "modified" would compare against something else.
const dist = process.env.SITE_DIST ?? 'dist';
const phases = readdirSync('content/phases').filter((f) => /^\d+-/.test(f)).sort();

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };
/** The text a browser's textContent gives for an HTML fragment without comments or CDATA. */
function textOf(html: string): string {
  return html.replace(/<[^>]*>/g, '').replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (all, e: string) => {
    if (e[0] === '#') return String.fromCodePoint(e[1].toLowerCase() === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10));
    return ENTITIES[e] ?? all;
  });
}

describe('live editors read their code from the page', () => {
  for (const folder of phases) {
    const page = join(dist, 'phases', folder.replace(/^\d+-/, ''), 'index.html');
    it(`${folder}: each editor's highlighted code is its example file`, () => {
      expect(existsSync(page), `${page}: run the build first`).toBe(true);
      const html = readFileSync(page, 'utf8');
      const sections = [...html.matchAll(/<section class="live-editor"[^>]*data-name="([^"]+)"[\s\S]*?<div class="le-code" data-code-host><pre[^>]*><code>([\s\S]*?)<\/code><\/pre>/g)];
      expect(sections.length).toBe((html.match(/<section class="live-editor"/g) ?? []).length);
      for (const [, name, code] of sections) {
        const file = join('content/phases', folder, 'examples', `${name}.py`);
        expect(existsSync(file), `${name}: no ${file}`).toBe(true);
        expect(textOf(code), `${name}: the page's code differs from ${file}`).toBe(readFileSync(file, 'utf8').replace(/\n$/, ''));
      }
      for (const [section, name] of html.matchAll(/<section class="live-editor"[^>]*data-name="([^"]+)"[\s\S]*?<\/section>/g)) {
        expect(section, `${name}: its JSON config repeats the code`).not.toMatch(/data-config>\{[^<]*"original":/);
      }
    });
  }
});
