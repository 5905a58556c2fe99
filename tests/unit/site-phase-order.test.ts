import { describe, expect, it } from 'vitest';
import { folderNumber, neighbours, orderPhases, phaseHref, phaseSlug } from '../../src/components/phase-order.ts';

const entry = (id: string, phase: number) => ({ id, data: { phase, title: `Title ${phase}` } });

describe('phase URLs', () => {
  it('drops the NN- prefix and any /index from the entry id', () => {
    expect(phaseSlug('01-what-wsgi-is')).toBe('what-wsgi-is');
    expect(phaseSlug('03-server-and-middleware/index')).toBe('server-and-middleware');
    expect(phaseSlug('why-async')).toBe('why-async');
    expect(phaseHref('02-an-app-from-scratch')).toBe('/phases/an-app-from-scratch/');
  });

  it('reads the folder number', () => {
    expect(folderNumber('04-why-async')).toBe(4);
    expect(folderNumber('why-async')).toBeNull();
  });
});

describe('phase order', () => {
  it('sorts by the phase number, not by id or input order', () => {
    const ordered = orderPhases([entry('03-c', 3), entry('01-a', 1), entry('04-d', 4), entry('02-b', 2)]);
    expect(ordered.map((e) => e.id)).toEqual(['01-a', '02-b', '03-c', '04-d']);
  });

  it('rejects a phase number that disagrees with its folder, naming the file', () => {
    expect(() => orderPhases([entry('02-b', 3)])).toThrow('content/phases/02-b/index.mdx: frontmatter says phase: 3 but the folder is numbered 2');
  });

  it('rejects two phases with the same number', () => {
    expect(() => orderPhases([entry('a', 1), entry('b', 1)])).toThrow(/both say phase: 1/);
  });

  it('rejects two folders that map to the same URL', () => {
    expect(() => orderPhases([entry('01-x', 1), entry('02-x', 2)])).toThrow('would share the URL /phases/x/');
  });

  it('gives previous and next neighbours, none past the ends', () => {
    const list = ['a', 'b', 'c'];
    expect(neighbours(list, 0)).toEqual({ prev: undefined, next: 'b' });
    expect(neighbours(list, 1)).toEqual({ prev: 'a', next: 'c' });
    expect(neighbours(list, 2)).toEqual({ prev: 'b', next: undefined });
  });
});
