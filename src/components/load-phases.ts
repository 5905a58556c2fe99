import { getCollection, type CollectionEntry } from 'astro:content';
import { orderPhases } from './phase-order';

export type Phase = CollectionEntry<'phases'>;

/** Every phase, in reading order (validated by orderPhases). */
export async function loadPhases(): Promise<Phase[]> {
  return orderPhases(await getCollection('phases'));
}
