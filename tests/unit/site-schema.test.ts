import { describe, expect, it } from 'vitest';
import { phaseSchema } from '../../src/content.config.ts';

const valid = {
  title: 'What WSGI is',
  phase: 1,
  summary: 'The contract between Python web servers and Python web apps.',
  objectives: ['Say what WSGI is.', 'Write a WSGI app.'],
  minutes: 25,
};

/** The messages of a failed parse, as "field: message" lines. */
function problems(data: unknown): string[] {
  const result = phaseSchema.safeParse(data);
  return result.success ? [] : result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
}

describe('phase frontmatter schema', () => {
  it('accepts a complete frontmatter', () => {
    expect(problems(valid)).toEqual([]);
  });

  it('names the field and shows a valid example when the phase is not a number', () => {
    expect(problems({ ...valid, phase: 'two' })).toEqual([expect.stringMatching(/^phase: phase must be a number.*e\.g\. phase: 2/)]);
  });

  it('requires every field', () => {
    for (const field of Object.keys(valid)) {
      const { [field]: _, ...rest } = valid as Record<string, unknown>;
      expect(problems(rest), field).toEqual([expect.stringMatching(new RegExp(`^${field}: ${field} must be`))]);
    }
  });

  it('keeps the summary to one line of at most 200 characters', () => {
    expect(problems({ ...valid, summary: 'line one\nline two' })).toEqual(['summary: summary must fit on one line']);
    expect(problems({ ...valid, summary: 'x'.repeat(201) })[0]).toMatch(/^summary: .*at most 200/);
  });

  it('bounds the phase number and the minutes', () => {
    expect(problems({ ...valid, phase: 6 })).toEqual(['phase: phase must be between 1 and 5']);
    expect(problems({ ...valid, phase: 1.5 })).toEqual(['phase: phase must be a whole number, e.g. phase: 2']);
    expect(problems({ ...valid, minutes: 500 })).toEqual(['minutes: minutes must be between 5 and 120']);
  });

  it('wants at least two objectives', () => {
    expect(problems({ ...valid, objectives: ['Only one.'] })).toEqual([expect.stringMatching(/^objectives: objectives needs at least 2/)]);
  });
});
