/**
 * How a quick check is shipped without its answer in plain sight, and how the page checks a choice.
 *
 * The build gives every option an opaque id, writes the options in an order that depends only on
 * those ids (never the authored order), and ships per question only a salted hash of the correct
 * option's id. The explanations are scrambled, and the page unscrambles only the one of the option
 * the reader chose. The page checks a choice by hashing the chosen id
 * and comparing it with the shipped hash.
 *
 * This stops casual reading of the page source (no "correct" flag, no "Right." in the HTML), not a
 * determined reader: everything needed to check an answer is on the page, so anyone who runs this
 * code on every option finds the right one. A static site cannot do better without a server.
 *
 * Pure functions, shared by Quiz.astro (build) and quiz-client.ts (browser) and tested in Node.
 */

const SALT = 'wsgi-ground-up:quick-check:v1';

/** A 53-bit string hash (cyrb53): fast, synchronous, the same in Node and every browser. */
export function hash53(text: string, seed = 0): number {
  let h1 = 0xdeadbeef ^ seed;
  let h2 = 0x41c6ce57 ^ seed;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

const hex = (n: number) => n.toString(16).padStart(14, '0');

/** The opaque id of an authored option: what the page and the reader's progress use. */
export function optionId(questionId: string, authoredIndex: number, text: string): string {
  return hex(hash53(`${SALT}|option|${questionId}|${authoredIndex}|${text}`)).slice(-8);
}

/** The salted hash the page keeps for a question's correct option (and computes for a choice). */
export function answerHash(questionId: string, id: string): string {
  return hex(hash53(`${SALT}|answer|${questionId}|${id}`)).slice(-12);
}

/** Whether the option `id` is the one whose hash the build shipped. */
export function isCorrect(questionId: string, id: string, shipped: string): boolean {
  return answerHash(questionId, id) === shipped;
}

/** The printable ASCII range an explanation's characters are rotated within (others stay as they are). */
const FIRST = 32;
const SPAN = 95;

/**
 * The rotation of a question's explanations: 1..94. One per question, not per option: a key per
 * option would hide nothing more (the ids are on the page) and gzip compresses one shift's texts
 * together better (the phase pages have a weight budget).
 */
function shiftOf(questionId: string): number {
  return 1 + (hash53(`${SALT}|explain|${questionId}`) % (SPAN - 1));
}

function rotate(text: string, by: number): string {
  let out = '';
  for (const ch of text) {
    const c = ch.charCodeAt(0);
    out += c >= FIRST && c < FIRST + SPAN ? String.fromCharCode(FIRST + ((((c - FIRST + by) % SPAN) + SPAN) % SPAN)) : ch;
  }
  return out;
}

/**
 * Scrambles an option's explanation for the page: each printable ASCII character rotated by the
 * question's shift (a Caesar cipher: unreadable at a glance, still compressed well by gzip, which
 * a random keystream would not be), padded with spaces to `padTo` characters so that every option
 * of a question ships the same length (a longer right-answer explanation would otherwise point at it).
 */
export function sealExplanation(questionId: string, explanation: string, padTo = 0): string {
  return rotate(explanation.padEnd(padTo, ' '), shiftOf(questionId));
}

/** Reads back an option's explanation once the reader has chosen it. */
export function openExplanation(questionId: string, sealed: string): string {
  return rotate(sealed, -shiftOf(questionId)).trimEnd();
}

/** The ids in the order the build writes them: by hash, so the HTML order says nothing. */
export function buildOrder(questionId: string, ids: string[]): string[] {
  return orderBy(ids, (id) => hash53(`${SALT}|order|${questionId}|${id}`));
}

/** The ids in one reader's order: stable for a seed, different for another seed. */
export function readerOrder(seed: string, questionId: string, ids: string[]): string[] {
  return orderBy(ids, (id) => hash53(`${seed}|${questionId}|${id}`));
}

function orderBy(ids: string[], key: (id: string) => number): string[] {
  return ids.map((id) => ({ id, k: key(id) })).sort((a, b) => a.k - b.k || (a.id < b.id ? -1 : 1)).map((x) => x.id);
}

/** What an option's explanation may not start with on the page: the build strips it, the page adds its own verdict. */
export const VERDICT_PREFIX = /^Right\.\s*/;
