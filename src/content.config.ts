import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { z } from 'astro/zod';

/** The four phases: one folder each under content/phases/NN-slug/ with index.mdx. */
const phases = defineCollection({
  loader: glob({ pattern: '*/index.mdx', base: './content/phases' }),
  schema: z.object({
    title: z.string().min(3),
    phase: z.number().int().min(1).max(4),
    summary: z.string().min(10).max(200).refine((s) => !s.includes('\n'), 'summary must be one line'),
    objectives: z.array(z.string().min(5)).min(2),
    minutes: z.number().int().min(5).max(120),
  }),
});

export const collections = { phases };
