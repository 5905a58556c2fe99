import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DIAGRAM_DIR, diagramFiles, diagramHash } from '../../src/markdown/diagram-hash.ts';
import { diagramFigure } from '../../src/markdown/mermaid-figures.ts';
import { svgSize } from '../../src/markdown/svg-size.ts';
import { findDiagrams } from '../../scripts/find-diagrams.ts';
import { fitSvg } from '../../scripts/fit-svg.ts';

const root = new URL('../../', import.meta.url);
const diagrams = findDiagrams('content');

describe('committed diagram SVGs', () => {
  it('exist for every mermaid fence in content/ (else run `npm run diagrams`)', () => {
    const missing = diagrams
      .filter((d) => Object.values(diagramFiles(d.hash)).some((file) => !existsSync(`${DIAGRAM_DIR}/${file}`)))
      .map((d) => `${d.file}:${d.line}`);
    expect(missing, 'diagrams changed without `npm run diagrams`').toEqual([]);
  });

  it('has no SVG that no fence uses', () => {
    const used = new Set(diagrams.flatMap((d) => Object.values(diagramFiles(d.hash))));
    const unused = readdirSync(DIAGRAM_DIR).filter((file) => file.endsWith('.svg') && !used.has(file));
    expect(unused).toEqual([]);
  });

  it('each have a text alternative and a fixed pixel size', () => {
    for (const d of diagrams) {
      const figure = diagramFigure(d.source, d.meta, root, `${d.file}:${d.line}`);
      expect(figure.alt.length, `${d.file}:${d.line}`).toBeGreaterThan(10);
      for (const image of figure.images) expect(image.width * image.height).toBeGreaterThan(0);
    }
  });
});

describe('diagram hash', () => {
  it('ignores line endings and trailing whitespace, not content', () => {
    expect(diagramHash('graph TD\r\n  A-->B  \r\n')).toBe(diagramHash('graph TD\n  A-->B'));
    expect(diagramHash('graph TD\n  A-->B')).not.toBe(diagramHash('graph TD\n  A-->C'));
  });

  it('fails a changed source with a message naming the file and `npm run diagrams`', () => {
    expect(() => diagramFigure('graph TD\n  Never-->Rendered', 'alt="A diagram nobody rendered"', root, 'content/x.mdx:3')).toThrow(
      /content\/x\.mdx:3: mermaid diagram is not rendered .*Run `npm run diagrams`/,
    );
  });

  it('fails a fence without alt, naming the file', () => {
    expect(() => diagramFigure('graph TD\n  A-->B', 'caption="x"', root, 'content/y.mdx:9')).toThrow(
      /content\/y\.mdx:9: mermaid diagram has no text alternative/,
    );
  });
});

describe('SVG sizing', () => {
  it('takes the size from the viewBox when mermaid sets width="100%"', () => {
    const fitted = fitSvg('<svg width="100%" style="max-width: 300px;" viewBox="-8 -8 300.5 120" xmlns="http://www.w3.org/2000/svg"><g/></svg>');
    expect(fitted).toMatch(/^<svg width="301" height="120" viewBox/);
    expect(fitted).not.toContain('max-width');
    expect(svgSize(fitted)).toEqual({ width: 301, height: 120 });
  });

  it('committed SVGs carry their pixel size', () => {
    for (const file of readdirSync(DIAGRAM_DIR).filter((f) => f.endsWith('.svg'))) {
      const root = readFileSync(`${DIAGRAM_DIR}/${file}`, 'utf8').match(/<svg\b[^>]*>/)?.[0] ?? '';
      expect(root, file).toMatch(/ width="\d+" height="\d+"/);
    }
  });
});
