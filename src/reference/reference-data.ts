/**
 * The reference page's data: the environ keys from content/reference/environ-keys.json (the same file
 * the editors' environ view reads) and the response rules from content/reference/rules.yaml,
 * validated at build time so a missing field fails the build naming the entry.
 */
import { z } from 'astro/zod';
import { parse } from 'yaml';
import environ from '../../content/reference/environ-keys.json';
import rulesText from '../../content/reference/rules.yaml?raw';

const ruleSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9-]+$/, 'id must be lower-case words joined by dashes'),
  rule: z.string().min(5),
  meaning: z.string().min(20),
  example: z.string().min(3),
  pep: z.string().min(3),
  core_rule: z.string().optional(),
});
const rulesSchema = z.strictObject({
  start_response: z.array(ruleSchema).min(1),
  iterable: z.array(ruleSchema).min(1),
  write: z.array(ruleSchema).min(1),
});
const keySchema = z.object({ meaning: z.string().min(10), example: z.string().min(1), pep: z.string().min(3), extension: z.string().optional() });

export type Rule = z.infer<typeof ruleSchema>;
export type EnvironKey = z.infer<typeof keySchema> & { key: string };

/** The PEP 3333 URL of a section, from its title (docutils ids: lower case, runs of other characters → "-"). */
export function pepUrl(section: string): string {
  const id = section.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
  return `https://peps.python.org/pep-3333/#${id}`;
}

/** The response rules, by group; throws naming the entry when one is malformed. */
export function loadRules(): z.infer<typeof rulesSchema> {
  const result = rulesSchema.safeParse(parse(rulesText));
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new Error(`content/reference/rules.yaml: ${issue.path.join('.')}: ${issue.message}`);
  }
  return result.data;
}

/** Every environ key with its explanation, in the file's order. */
export function loadEnvironKeys(): EnvironKey[] {
  return Object.entries(environ.keys).map(([key, value]) => {
    const result = keySchema.safeParse(value);
    if (!result.success) throw new Error(`content/reference/environ-keys.json: ${key}: ${result.error.issues[0].message}`);
    return { key, ...result.data };
  });
}

/** An anchor id for a key or rule, e.g. "environ-wsgi-input". */
export function anchor(prefix: string, name: string): string {
  return `${prefix}-${name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '')}`;
}
