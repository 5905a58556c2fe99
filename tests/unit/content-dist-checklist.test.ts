import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

// Every curriculum item in content/curriculum-checklist.yaml must land on the BUILT page: its heading
// anchor exists in dist/phases/<slug>/index.html, and its quiz question or exercise is rendered there.
const dist = process.env.SITE_DIST ?? 'dist';
const { items } = parse(readFileSync('content/curriculum-checklist.yaml', 'utf8')) as {
  items: { phase: number; item: number | string; label: string; anchor: string; quiz?: string; exercise?: string }[];
};
// content/phases/NN-slug → the page /phases/slug/, in phase order.
const folders = readdirSync('content/phases').filter((f) => /^\d+-/.test(f)).sort().map((f) => f.replace(/^\d+-/, ''));
const pages = new Map<number, string>();
const page = (phase: number) => {
  if (!pages.has(phase)) {
    const file = join(dist, 'phases', folders[phase - 1], 'index.html');
    pages.set(phase, existsSync(file) ? readFileSync(file, 'utf8') : '');
  }
  return pages.get(phase)!;
};

describe('curriculum checklist against the built pages', () => {
  it('has a built page for each phase', () => {
    for (const phase of [1, 2, 3, 4]) expect(page(phase), `phase ${phase}: run the build first`).not.toBe('');
  });

  it.each(items.map((e) => [`phase ${e.phase} item ${e.item}: ${e.label}`, e] as const))('%s', (_, e) => {
    const html = page(e.phase);
    expect(html.includes(`id="${e.anchor}"`), `no element with id="${e.anchor}"`).toBe(true);
    if (e.quiz) expect(html.includes(`data-question="${e.quiz}"`), `quiz question ${e.quiz} is not on the page`).toBe(true);
    if (e.exercise) expect(html.includes(`data-exercise="${e.exercise}"`), `exercise ${e.exercise} is not on the page`).toBe(true);
  });
});
