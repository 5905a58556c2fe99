/**
 * How a quick check is shipped without its answer in plain sight, and how the page checks a choice.
 *
 * The build gives every option an opaque id, writes the options in an order that depends only on
 * those ids (never the authored order), and ships per question only a salted hash of the correct
 * option's id. Each option's explanation is XOR-scrambled with a key derived from that option's id,
 * so it is readable only once the option is chosen. The page checks a choice by hashing the chosen id
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
  return hex(hash53(`${SALT}|option|${questionId}|${authoredIndex}|${text}`)).slice(-10);
}

/** The salted hash the page keeps for a question's correct option (and computes for a choice). */
export function answerHash(questionId: string, id: string): string {
  return hex(hash53(`${SALT}|answer|${questionId}|${id}`));
}

/** Whether the option `id` is the one whose hash the build shipped. */
export function isCorrect(questionId: string, id: string, shipped: string): boolean {
  return answerHash(questionId, id) === shipped;
}

/** A keystream byte generator (mulberry32) seeded from the question and option. */
function keystream(questionId: string, id: string): () => number {
  let state = hash53(`${SALT}|explain|${questionId}|${id}`) >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) & 0xff;
  };
}

function xor(bytes: Uint8Array, questionId: string, id: string): Uint8Array {
  const next = keystream(questionId, id);
  return bytes.map((b) => b ^ next());
}

/** The UTF-8 length of a text: what `padTo` counts. */
export const byteLength = (text: string) => new TextEncoder().encode(text).length;

/**
 * Scrambles an option's explanation (UTF-8, XOR, base64) for the page, padded with spaces to `padTo`
 * bytes so that every option of a question ships the same length (a longer right-answer explanation
 * would otherwise point at it).
 */
export function sealExplanation(questionId: string, id: string, explanation: string, padTo = 0): string {
  const text = new TextEncoder().encode(explanation);
  const padded = new Uint8Array(Math.max(padTo, text.length)).fill(0x20);
  padded.set(text);
  const bytes = xor(padded, questionId, id);
  return btoa(String.fromCharCode(...bytes));
}

/** Reads back an option's explanation once the reader has chosen it. */
export function openExplanation(questionId: string, id: string, sealed: string): string {
  const bytes = Uint8Array.from(atob(sealed), (c) => c.charCodeAt(0));
  return new TextDecoder().decode(xor(bytes, questionId, id)).trimEnd();
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
