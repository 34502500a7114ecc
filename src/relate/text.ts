import { charClass, charWidth, LETTER, NUMBER } from '../analyze/chars.js';
import { allMatches } from '../analyze/matches.js';
import { ANY_LANGUAGE_STOP_WORDS, fold, numberValue } from '../lang/index.js';

/**
 * Text normalisation shared by the copy sketches and the sentence
 * fingerprints. Works from the article text alone, so relate gives sound
 * results whatever the analyzer found; analyzer output (entity keys, number
 * values) is added on top where present.
 */

/** Common English function words: they carry no fact and would make any two sentences look alike. */
export const STOP_WORDS: ReadonlySet<string> = new Set(
  `a about above after again against all also am an and any are as at be because been before being below between both but by can could did do does doing down during each few for from further had has have having he her here hers herself him himself his how i if in into is it its itself just me more most my myself no nor not now of off on once only or other our ours ourselves out over own same she should so some such than that the their theirs them themselves then there these they this those through to too under until up very was we were what when where which while who whom why will with would you your yours yourself yourselves said says say told tell according also however would could may might must shall one two three four five six seven eight nine ten new year years day days time week monday tuesday wednesday thursday friday saturday sunday mr mrs ms`.split(
    /\s+/,
  ),
);

/**
 * Whether a (lower-case) word carries no fact in any language relate reads: English's list above, or
 * a function word of another language (lang/stopwords.ts). One vocabulary serves every language, so a
 * few words that are content in one language and function words in another ("era", "die") count as
 * function words everywhere: a small loss against reading each language by its own list.
 */
export function isStopWord(word: string): boolean {
  return STOP_WORDS.has(word) || ANY_LANGUAGE_STOP_WORDS.has(fold(word));
}

const APOSTROPHE = 0x27;
const RIGHT_QUOTE = 0x2019;

/**
 * Calls visit(start, end, apostrophe) for every word of s, in order, until
 * visit returns false. A word is /[\p{L}\p{N}]+(?:['’][\p{L}]+)?/u; this
 * hand-written scan finds what that pattern does, without the match objects
 * that cost more than the words. `apostrophe` is the position of the word's
 * apostrophe, -1 if it has none.
 */
export function scanWords(s: string, visit: (start: number, end: number, apostrophe: number) => boolean | void): void {
  const n = s.length;
  let i = 0;
  while (i < n) {
    if ((charClass(s, i) & (LETTER | NUMBER)) === 0) {
      i += charWidth(s, i);
      continue;
    }
    const start = i;
    while (i < n && (charClass(s, i) & (LETTER | NUMBER)) !== 0) i += charWidth(s, i);
    let apostrophe = -1;
    const c = s.charCodeAt(i);
    if (c === APOSTROPHE || c === RIGHT_QUOTE) {
      let k = i + 1;
      while (k < n && (charClass(s, k) & LETTER) !== 0) k += charWidth(s, k);
      if (k > i + 1) {
        apostrophe = i;
        i = k;
      }
    }
    if (visit(start, i, apostrophe) === false) return;
  }
}

/** The word s[start, end) as words() gives it: "kim's" → "kim", any other apostrophe dropped ("don't" → "dont"). */
export function wordAt(s: string, start: number, end: number, apostrophe: number): string {
  if (apostrophe < 0) return s.slice(start, end);
  const rest = s.slice(apostrophe + 1, end);
  return rest === 's' ? s.slice(start, apostrophe) : s.slice(start, apostrophe) + rest;
}

/** Lower-cased word tokens, apostrophes kept inside words ("kim's" → "kim"). */
export function words(text: string): string[] {
  const out: string[] = [];
  const s = text.toLowerCase();
  scanWords(s, (start, end, apostrophe) => {
    out.push(wordAt(s, start, end, apostrophe));
  });
  return out;
}

/** How many words (as words() counts them) the text has, counting no further than limit: a cheap length test. */
export function countWords(text: string, limit: number): number {
  let count = 0;
  // Counted as words() would in the lower-cased text. Lower-casing keeps every character's length and
  // class (letter, number, other), but for the dotted capital I, which gains a combining mark and so splits a word.
  scanWords(text.includes('\u0130') ? text.toLowerCase() : text, () => ++count < limit);
  return count;
}

/** A crude suffix stripper: enough to meet "launched"/"launches"/"launching" and "meters"/"meter", cheap and stable. */
export function stem(word: string): string {
  let w = word;
  if (w.length > 5 && w.endsWith('ies')) w = `${w.slice(0, -3)}y`;
  else if (w.length > 4 && w.endsWith('es') && /(?:ss|sh|ch|x|z)es$/.test(w)) w = w.slice(0, -2);
  else if (w.length > 3 && w.endsWith('s') && !w.endsWith('ss') && !w.endsWith('us') && !w.endsWith('is')) w = w.slice(0, -1);
  if (w.length > 6 && w.endsWith('ing')) w = w.slice(0, -3);
  else if (w.length > 5 && w.endsWith('ed')) w = w.slice(0, -2);
  else if (w.length > 5 && w.endsWith('ly')) w = w.slice(0, -2);
  if (w.endsWith('re') && w.length > 5) w = `${w.slice(0, -2)}er`; // metre/meter, centre/center
  if (w.endsWith('our') && w.length > 5) w = `${w.slice(0, -3)}or`; // honour/honor, neighbour/neighbor
  if (w.endsWith('ise') && w.length > 5) w = `${w.slice(0, -3)}ize`;
  return w.replace(/e$/, '');
}

/** A number written with digits, separators and all. */
const DIGIT_RUN = /\d+(?:[.,]\d+)*/g;

/**
 * Numbers written with digits, read as the article's language writes them (lang/numbers.ts). In
 * English too, "42,7" (a decimal comma, as machine translation from German or French leaves it) is
 * 42.7: a comma followed by one or two digits is no thousands separator.
 */
export function digitNumbers(text: string, lang = 'en'): number[] {
  const out: number[] = [];
  for (const m of allMatches(DIGIT_RUN, text)) {
    const raw = m[0];
    const v = /^\d+,\d{1,2}$/.test(raw) ? Number(raw.replace(',', '.')) : numberValue(raw, lang);
    if (Number.isFinite(v)) out.push(v);
  }
  return out;
}

const SPLIT_HINT = /[.!?]["”’»]?\s/;

/** Splits a too-long "sentence" (the analyzer may give whole paragraphs) at sentence punctuation. */
export function splitSentences(text: string): string[] {
  // Every split follows a sentence mark (and perhaps a closing quote) and a space: most sentences have none inside.
  if (!SPLIT_HINT.test(text)) {
    const one = text.trim();
    return one.length > 0 ? [one] : [];
  }
  return text
    .split(/(?<=[.!?]["”’»]?)\s+(?=["“‘«]?[\p{Lu}\p{N}])/u)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}
