import { describe, expect, it } from 'vitest';
import { parseFenceMeta } from '../../src/markdown/fence-meta.ts';

describe('code fence meta', () => {
  it('reads quoted values with spaces', () => {
    expect(parseFenceMeta('alt="Who calls whom" caption="One request"')).toEqual({ alt: 'Who calls whom', caption: 'One request' });
  });

  it('unescapes \\" and \\\\ inside quotes', () => {
    expect(parseFenceMeta('alt="The \\"app\\" returns b\\\\n"')).toEqual({ alt: 'The "app" returns b\\n' });
  });

  it('reads bare values and flags', () => {
    expect(parseFenceMeta('title=app.py wrap')).toEqual({ title: 'app.py', wrap: '' });
  });

  it('is empty for no meta', () => {
    expect(parseFenceMeta(undefined)).toEqual({});
    expect(parseFenceMeta('')).toEqual({});
  });

  it('rejects an unterminated quote instead of guessing', () => {
    expect(() => parseFenceMeta('alt="never closed')).toThrow(/unbalanced quote/);
  });
});
