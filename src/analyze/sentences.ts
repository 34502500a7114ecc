import type { TokenizedSentence } from './nlp.js';

/**
 * Sentence boundaries wink draws where no sentence ends. Scraped and
 * detokenised news is full of full stops that end nothing: decimals and
 * clock times written with a space ("9. 25 a. m.", "$27. 5 million",
 * ". 290 average"), initials ("Raj K. Chohan", "U. S. Marshals"),
 * abbreviations ("Sgt. Marty Earley", "Nov. 30"), and web addresses
 * ("TMZ. com"). A claim cut at such a stop is half a statement, and its
 * numbers are wrong, so the pieces are joined again.
 */

/** Abbreviations whose full stop ends no sentence when a name or a number follows. */
const ABBREVIATIONS = new Set([
  'st', 'ave', 'blvd', 'rd', 'mt', 'ft', 'sgt', 'lt', 'gen', 'col', 'capt', 'cmdr', 'cdr', 'adm', 'maj', 'cpl', 'pvt', 'gov', 'sen',
  'rep', 'mr', 'mrs', 'ms', 'dr', 'prof', 'jr', 'sr', 'no', 'nos', 'vs', 'inc', 'co', 'corp', 'ltd', 'dept', 'univ', 'jan', 'feb',
  'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec', 'approx', 'est', 'rev', 'hon', 'det', 'supt', 'insp',
]);

/** A gun's bore after a lone point, as detokenised text spaces ".38-caliber": two or three figures and the word. */
const SPACED_BORE = /^\d{2,3}(?:\s*-\s*|\s+)(?:caliber|calibre|magnum)\b/i;
/** Words that end no sentence: articles and possessives that are never pronouns ("her" and "his" may be: "kill her."). */
const DETERMINER_END = /(?:^|\s)(?:a|an|the|its|their)$/i;

/** How the text between two sentences and their edges decide whether the stop between them is a false one. */
export function falseBoundary(before: string, after: string): boolean {
  const a = before.trimEnd();
  const b = after.trimStart();
  if (a === '' || b === '') return false;
  if (/[!?]["”’]?$/.test(a) || /["”’»]$/.test(a)) return false;
  // A sentence never opens in lower case: "TMZ. com", "a. m." and the like continue the one before.
  if (/^\p{Ll}/u.test(b)) return true;
  if (!a.endsWith('.')) return false;
  const stem = a.slice(0, -1);
  // A digit after a stop that follows a digit, a currency sign, a colon, an opening bracket or a space: "9. 25",
  // "$27. 5", ":. 290", "a mark of 162-139 (. 538)".
  if (/^\d/.test(b) && /(?:\d|[$€£¥:(]|\s)$/.test(stem)) return true;
  // A bore, its point spaced off as a stop ("a loaded. 38 - caliber revolver").
  if (SPACED_BORE.test(b)) return true;
  // Any figure after an article or a possessive that is never a pronoun, which ends no sentence ("the. 22 rifle").
  if (/^\d/.test(b) && DETERMINER_END.test(stem)) return true;
  const word = /(?:^|[\s(])([\p{L}]+)$/u.exec(stem)?.[1];
  if (word === undefined) return false;
  // A web address spaced as detokenised text spaces it ("via www. T - Mobile. com"): its first stop ends nothing.
  if (word.toLowerCase() === 'www') return true;
  // An initial: one capital letter ("K.", "U. S.").
  if (/^\p{Lu}$/u.test(word) && /^[\p{Lu}\d]/u.test(b)) return true;
  // A known abbreviation before a name or a number ("Sgt. Marty", "Nov. 30", "115th St. and").
  return ABBREVIATIONS.has(word.toLowerCase()) && /^[\p{Lu}\d]/u.test(b);
}

/**
 * A stop with three figures right after it, no space between ("he hit.358",
 * "a slugging percentage of.632", as detokenised text glues the leading
 * point of an average to the word before): a decimal, never the end of a
 * sentence ("20 points.12 of them came" may be two).
 */
function gluedFigure(text: string, prev: TokenizedSentence, next: TokenizedSentence): boolean {
  return next.start === prev.end && text[prev.end - 1] === '.' && /^\d{3}(?!\d)/.test(text.slice(next.start, next.start + 4));
}

/** Sentences of one paragraph joined across false boundaries; `text` is the text the offsets index. */
export function repairBoundaries(sentences: TokenizedSentence[], text: string): TokenizedSentence[] {
  const out: TokenizedSentence[] = [];
  for (const s of sentences) {
    const prev = out[out.length - 1];
    if (prev !== undefined && prev.paragraph === s.paragraph && (gluedFigure(text, prev, s) || falseBoundary(text.slice(prev.start, prev.end), text.slice(s.start, s.end)))) {
      out[out.length - 1] = { paragraph: prev.paragraph, start: prev.start, end: s.end, tokens: [...prev.tokens, ...s.tokens] };
    } else out.push(s);
  }
  return out;
}

/**
 * A web address written out as a line ("http: / / www. thehindu. com / news /
 * …"), as scraped and detokenised text keeps them: never a statement.
 */
export function isAddressLine(paragraph: string): boolean {
  const p = paragraph.trim();
  return /^(?:https?\s?:\s?\/\s?\/|www\s?\.\s?\S)/i.test(p) || /^[^\s/]+\.[a-z]{2,}\/\S*$/i.test(p);
}
