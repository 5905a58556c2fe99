/**
 * The quick checks' right answers, read from content/phases/*\/quiz.yaml on the test's side: the page
 * itself no longer says which option is right, so a test that must answer rightly looks it up here.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { parse } from 'yaml';
import type { Locator } from '@playwright/test';

interface Option { text: string; correct: boolean; explanation: string }
interface Question { id: string; question: string; options: Option[] }

/** Every question of the course, in phase order. */
export function allQuestions(): Question[] {
  const root = new URL('../../../content/phases/', import.meta.url);
  return readdirSync(root).sort().flatMap((dir) => {
    try {
      return (parse(readFileSync(new URL(`${dir}/quiz.yaml`, root), 'utf8')) as { questions: Question[] }).questions;
    } catch {
      return [];
    }
  });
}

/** The index, in the page's current order, of the right option of a question group (a fieldset). */
export async function correctIndex(group: Locator): Promise<number> {
  const id = await group.locator('xpath=ancestor::li[@data-question][1]').getAttribute('data-question');
  const question = allQuestions().find((q) => q.id === id);
  if (!question) throw new Error(`no question ${id} in content/phases/*/quiz.yaml`);
  const right = question.options.find((o) => o.correct)!.text;
  const texts = await group.locator('.quiz-text').allTextContents();
  const index = texts.findIndex((t) => t.trim() === right);
  if (index < 0) throw new Error(`question ${id}: the right option "${right}" is not on the page`);
  return index;
}
