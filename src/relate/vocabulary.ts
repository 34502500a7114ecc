import { hashString } from './hash.js';
import { fold } from '../lang/index.js';
import { isStopWord, scanWords, stem, wordAt } from './text.js';

/**
 * The words of a text as relate sees them (those of words() in text.ts),
 * each resolved to what profiles need of it, worked out once per distinct
 * word per process. A profile visits every word of an article twice (the
 * shingle stream, then its sentence's features); the table finds a word
 * from the characters in place, by a hash computed while scanning, so a
 * word already seen costs neither a substring nor a Map's string hashing.
 */

/** Words shorter than this are not content terms. */
export const MIN_TERM_LENGTH = 3;

export interface WordInfo {
  word: string;
  /** hashString(word): the word's hash in shingles. */
  hash: number;
  /** Long enough and not a stop word: counts towards an anchor shingle's content. */
  content: boolean;
  /** The term feature hash (of the word's stem), or -1 when the word is no term (short, a stop word, a number). */
  term: number;
  /**
   * The cognate feature hash (of the word's first COGNATE_LETTERS letters, folded), or -1 for a
   * shorter word or no term: "investigation", "investigación" and "investigação" meet on it.
   */
  cognate: number;
}

/** Letters of a word's cognate key: long enough to name a word family, short enough to reach past the endings languages give it. */
const COGNATE_LETTERS = 5;

/** Words kept before the table starts afresh, so memory stays bounded in a long-running process. */
const MAX_WORDS = 100_000;
/** Initial slots; the table doubles when half full. */
const INITIAL_SLOTS = 1 << 14;
/** FNV-1a over UTF-16 code units, as hashString computes before its finaliser. */
const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

let slots = new Int32Array(INITIAL_SLOTS);
let slotHashes = new Uint32Array(INITIAL_SLOTS);
let entries: WordInfo[] = [];

function describe(word: string): WordInfo {
  const c = word.charCodeAt(0);
  const stop = isStopWord(word);
  const isTerm = word.length >= MIN_TERM_LENGTH && !stop && !(c >= 0x30 && c <= 0x39);
  // Folded, so that a word written with or without its accents (as machine translation and transliteration leave it) is one term.
  const folded = fold(word);
  const term = isTerm ? hashString(`t:${stem(folded)}`) : -1;
  const cognate = isTerm && folded.length >= COGNATE_LETTERS ? hashString(`c:${folded.slice(0, COGNATE_LETTERS)}`) : -1;
  return { word, hash: hashString(word), content: word.length >= MIN_TERM_LENGTH && !stop, term, cognate };
}

function insert(info: WordInfo, fnv: number): WordInfo {
  if (entries.length >= MAX_WORDS) {
    entries = [];
    slots.fill(0);
  }
  if ((entries.length + 1) * 2 > slots.length) grow();
  entries.push(info);
  place(entries.length, fnv);
  return info;
}

function place(entry: number, fnv: number): void {
  const mask = slots.length - 1;
  let at = fnv & mask;
  while (slots[at] !== 0) at = (at + 1) & mask;
  slots[at] = entry;
  slotHashes[at] = fnv;
}

function grow(): void {
  const oldSlots = slots;
  const oldHashes = slotHashes;
  slots = new Int32Array(oldSlots.length * 2);
  slotHashes = new Uint32Array(oldSlots.length * 2);
  oldSlots.forEach((entry, at) => {
    if (entry !== 0) place(entry, oldHashes[at]!);
  });
}

/** The word s[start, end), whose FNV-1a hash is fnv. */
function lookupRange(s: string, start: number, end: number, fnv: number): WordInfo {
  const mask = slots.length - 1;
  const length = end - start;
  for (let at = fnv & mask; slots[at] !== 0; at = (at + 1) & mask) {
    if (slotHashes[at] !== fnv) continue;
    const info = entries[slots[at]! - 1]!;
    const w = info.word;
    if (w.length !== length) continue;
    let same = true;
    for (let i = 0; i < length && same; i++) same = w.charCodeAt(i) === s.charCodeAt(start + i);
    if (same) return info;
  }
  return insert(describe(s.slice(start, end)), fnv);
}

function lookupWord(word: string): WordInfo {
  let fnv = FNV_OFFSET;
  for (let i = 0; i < word.length; i++) fnv = Math.imul(fnv ^ word.charCodeAt(i), FNV_PRIME);
  return lookupRange(word, 0, word.length, fnv >>> 0);
}

/**
 * Calls visit with every word of an already lower-cased text, in order, and
 * where it stands in the text: the words words() gives for it.
 */
export function forEachWord(lower: string, visit: (w: WordInfo, start: number, end: number) => void): void {
  scanWords(lower, (start, end, apostrophe) => {
    // Rare: a word with an apostrophe is not a slice of the text ("kim's" → "kim", "don't" → "dont").
    if (apostrophe >= 0) {
      visit(lookupWord(wordAt(lower, start, end, apostrophe)), start, end);
      return;
    }
    let fnv = FNV_OFFSET;
    for (let i = start; i < end; i++) fnv = Math.imul(fnv ^ lower.charCodeAt(i), FNV_PRIME);
    visit(lookupRange(lower, start, end, fnv >>> 0), start, end);
  });
}
