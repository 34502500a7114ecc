import type { NumberMention } from '../types.js';
import { charClass, LETTER, NUMBER } from './chars.js';
import { CURRENCY_SIGNS, HEDGES, LOWER_BOUND_HEDGES, MULTIPLIERS, SMALL_NUMBERS, UNITS, UPPER_BOUND_HEDGES } from './lexicon.js';
import { allMatches } from './matches.js';

/**
 * Numbers with their unit, hedge and the noun they count, read from the
 * raw sentence text (so "42.7-metre", "$5m" and "ten and eleven million"
 * keep their shape). Values are normalised into one unit per dimension
 * (metres, seconds, kilograms) so "138 feet" compares with "42 m".
 */

export interface FoundNumber extends NumberMention {
  start: number;
  end: number;
}

/** A year on its own is a date, not a quantity. */
const YEAR_MIN = 1000;
const YEAR_MAX = 2199;
/** How many following words may name what the number counts ("two short-range ballistic missiles"). */
const COUNTS_WINDOW = 3;

const DIGITS = String.raw`(?:\d{1,3}(?:, ?\d{3})+|\d+)(?:\. ?\d+)?(?: ?[½¼¾](?![\p{L}\p{N}]))?`;
/** Vulgar fractions written after a whole number ("7½ minutes", "2 ½ hours"). */
const FRACTIONS: Record<string, number> = { '½': 0.5, '¼': 0.25, '¾': 0.75 };
const UNIT_WORDS = ['dozen', 'hundred', 'thousand', 'million', 'billion', 'trillion'];
const WORD_VALUES = Object.keys(SMALL_NUMBERS).filter((w) => w !== 'a');
const WORDNUM = `(?:${WORD_VALUES.join('|')})(?:-(?:one|two|three|four|five|six|seven|eight|nine))?`;
const CORE = `(?:${DIGITS}(?:st|nd|rd|th)?|${WORDNUM}|a(?=\\s+(?:dozen|hundred|thousand|million|billion)\\b))`;
const HEDGE = HEDGES.slice()
  .sort((a, b) => b.length - a.length)
  .map((h) => h.replace(/ /g, '\\s+'))
  .join('|');
const UNIT = Object.keys(UNITS)
  .sort((a, b) => b.length - a.length)
  .map((u) => u.replace(/\$/g, '\\$').replace(/ /g, '\\s+'))
  .join('|');
/**
 * The inches of a height written the American way after "foot": "6-foot-8",
 * "6 - foot - 8", "6-foot-8-inch". Without it the inches would be read as a
 * number of their own, and joined to the next one as thousands ("8, 225").
 */
const INCHES = String.raw`(?:(?<=\bfoot)\s?-\s?(?<inch>1[01]|\d)(?![\p{N}]|[.,:]\d)(?:\s?-\s?inch(?:es)?\b)?)?`;
/** An inch, in metres. */
const INCH = 0.0254;
const NUMBER_RE = new RegExp(
  String.raw`(?<![\p{L}\p{N}\-.,:/])(?:(?<hedge>${HEDGE})\s+)?(?<cur>US\$|[$€£¥₽₩₹])?\s?(?<a>${CORE})(?:\s*(?:-|–|to|and|or)\s*(?<b>${CORE}))?(?:(?:\s?-\s?|\s)?(?<mult>${UNIT_WORDS.join('|')}|bn|mn)\b)?(?:(?:\s?-\s?|\s)?(?<unit>${UNIT}))?${INCHES}(?![\p{L}\p{N}]|[.,:]\d)`,
  'giu',
);

const COUNT_STOP = new Set([
  'of', 'in', 'on', 'at', 'to', 'from', 'and', 'or', 'the', 'a', 'an', 'that', 'which', 'with', 'for', 'by', 'as', 'than',
  'into', 'towards', 'was', 'were', 'is', 'are', 'has', 'have', 'had', 'who', 'since', 'after', 'before', 'ago', 'old', 'per',
  'each', 'more', 'less', 'last', 'next', 'every', 'earlier', 'later', 'will', 'tall', 'long', 'high', 'wide', 'deep', 'away', 'would', 'be', 'been', 'it', 'its', 'their', 'his', 'her', 'this', 'these', 'those',
]);

function parseCore(s: string): { value: number; ordinal: boolean } | undefined {
  const lower = s.toLowerCase();
  const ord = /^(.*\d)(st|nd|rd|th)$/.exec(lower);
  if (ord !== null) return { value: Number((ord[1] ?? '').replace(/[, ]/g, '')), ordinal: true };
  if (/^\d/.test(lower)) {
    const fraction = FRACTIONS[lower.slice(-1)];
    const whole = fraction === undefined ? lower : lower.slice(0, -1);
    return { value: Number(whole.replace(/[, ]/g, '')) + (fraction ?? 0), ordinal: false };
  }
  const [a, b] = lower.split('-');
  const va = SMALL_NUMBERS[a ?? ''];
  if (va === undefined) return undefined;
  return { value: va + (b !== undefined ? (SMALL_NUMBERS[b] ?? 0) : 0), ordinal: false };
}

function singular(w: string): string {
  if (w.length > 4 && w.endsWith('ies')) return `${w.slice(0, -3)}y`;
  if (w.length > 3 && w.endsWith('s') && !w.endsWith('ss')) return w.slice(0, -1);
  return w;
}

/** Capitals right before a number, a space or a dash away: the letters of a model name ("AK 47", "F-16", "M 16"). */
const DESIGNATION_BEFORE = /(?:^|[^\p{L}])\p{Lu}{1,4}\s?[-–]?\s?$/u;
/** Except the article "A" opening a sentence (or a quote) a space before the figure: "A 15-year-old boy", "A 6.3-magnitude earthquake". */
const OPENING_ARTICLE = /^[\s"“‘'(]*A\s$/u;

/** After a number, the marks of a clock time: "p.m.", "a. m.", ":53". */
const CLOCK_AFTER = /^\s?(?:[ap]\.\s?m\.|[ap]m\b|:\s?\d{2})/i;
/** Before a number, the hour of a clock time ("2: 53"). */
const CLOCK_BEFORE = /\d\s?:\s?$/;

/**
 * A sentence's numbers count only if it holds a digit or one of these (in any word). Nearly every
 * number the pattern matches starts with one; "zero" and words spelt with the long s ("ſix") do not.
 */
const NUMBER_HINT = /\d|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|teen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|dozen/i;

/*
 * NUMBER_RE is slow to scan with (every position tries every hedge, sign and
 * number word, case-folded), so matches are looked for only where one can
 * start. A match's first value starts with a digit or a number word that no
 * letter or digit precedes (the look-behind and the separators see to it);
 * forEachValueStart finds those. Before that value a match holds only a
 * hedge ("as many as"), a currency ("US$") and spaces: letters, spaces and
 * signs, in at most MAX_PREFIX_RUNS runs of letters. The pattern is tried,
 * anchored, at every position of those stretches in turn: the first hit
 * from where the last match ended is the match a plain scan finds.
 */
/**
 * Digits and number words in any case, found by a native scan; /i without /u
 * folds ASCII letters only, so the long s, which NUMBER_RE folds to "s", is
 * spelt out. The look-behind drops most of those inside words ("often") at
 * once; forEachValueStart checks the rest.
 */
const VALUE_CANDIDATE = new RegExp(String.raw`(?<![A-Za-z0-9])(?:\d|${WORD_VALUES.map((w) => w.replace(/s/g, '[sſ]')).join('|')})`, 'gi');

/**
 * Calls fn with every position where a digit or a number word starts, not
 * after a letter or digit. A candidate found inside a word hides nothing:
 * what it covers is letters, where no value can start.
 */
function forEachValueStart(text: string, fn: (at: number) => void): void {
  for (const m of allMatches(VALUE_CANDIDATE, text)) {
    const p = m.index ?? 0;
    if (p > 0 && (charClass(text, charBefore(text, p)) & (LETTER | NUMBER)) !== 0) continue;
    fn(p);
  }
}

/** Where the character before position p starts (a surrogate pair is one character). */
function charBefore(text: string, p: number): number {
  const c = text.charCodeAt(p - 1);
  return c >= 0xdc00 && c <= 0xdfff && p >= 2 && isHighSurrogate(text.charCodeAt(p - 2)) ? p - 2 : p - 1;
}

/** Characters NUMBER_RE's look-behind refuses before a match, besides letters and digits. */
const GLUE = new Set([...'-.,:/'].map((c) => c.charCodeAt(0)));

/** Whether NUMBER_RE's look-behind lets a match start at p. */
function mayStartAt(text: string, p: number): boolean {
  if (p === 0) return true;
  const before = charBefore(text, p);
  return (charClass(text, before) & (LETTER | NUMBER)) === 0 && !GLUE.has(text.charCodeAt(before));
}

/** NUMBER_RE anchored at lastIndex (sticky). */
const NUMBER_AT = new RegExp(NUMBER_RE.source, 'iuy');
/** The words of the longest hedge, and "US" of "US$". */
const MAX_PREFIX_RUNS = Math.max(...HEDGES.map((h) => h.split(' ').length)) + 1;
const CURRENCY_CHARS = new Set([...'$€£¥₽₩₹'].map((c) => c.charCodeAt(0)));

/** Whether a code unit is \s (WhiteSpace or LineTerminator). */
function isSpace(c: number): boolean {
  if (c <= 0x20) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/** Marks the positions from which a match whose first value starts at `core` may start. */
function markStarts(text: string, core: number, starts: Uint8Array): void {
  starts[core] = 1;
  let runs = 0;
  let inRun = false;
  let j = core;
  while (j > 0) {
    const c = text.charCodeAt(j - 1);
    const from = charBefore(text, j);
    const letter = (charClass(text, from) & LETTER) !== 0;
    if (!letter && !isSpace(c) && !CURRENCY_CHARS.has(c)) break;
    if (letter && !inRun && ++runs > MAX_PREFIX_RUNS) break;
    inRun = letter;
    j = from;
    // A match that starts with a space has no hedge and no sign: its one space stands right before the value.
    if (!isSpace(c) || j === core - 1) starts[j] = 1;
  }
}

function isHighSurrogate(c: number): boolean {
  return c >= 0xd800 && c <= 0xdbff;
}

/** The matches of NUMBER_RE in the text, as a scan with it would find them. */
export function numberMatches(text: string): RegExpExecArray[] {
  let starts: Uint8Array | undefined;
  forEachValueStart(text, (at) => markStarts(text, at, (starts ??= new Uint8Array(text.length))));
  if (starts === undefined) return [];
  const out: RegExpExecArray[] = [];
  for (let s = 0; s < text.length; s++) {
    // A scan never starts inside a surrogate pair; the look-behind fails inside a word.
    if (starts[s] === 0 || (s > 0 && charBefore(text, s + 1) !== s) || !mayStartAt(text, s)) continue;
    NUMBER_AT.lastIndex = s;
    const m = NUMBER_AT.exec(text);
    if (m === null) continue;
    out.push(m);
    // Matches hold a value, so they are never empty: the next scan starts where this one ended.
    s = m.index + m[0].length - 1;
  }
  return out;
}

/** NUMBER_RE itself, for tests: numberMatches must find what a scan with it finds. */
export const NUMBER_PATTERN: Readonly<RegExp> = NUMBER_RE;

/** Units of a length of time, as numbers are normalised. */
const TIME_UNITS = new Set(['second', 'hour', 'day', 'week', 'month', 'year']);
/** Characters before "over" searched for a length of time. */
const ACROSS_REACH = 40;
/** A length of time just before "over": "40 hours over four days". */
const ACROSS_BEFORE = /\b(?:\d[\d,.]*|an?|one|two|three|four|five|six|seven|eight|nine|ten|several|a few)\s+(?:seconds?|minutes?|hours?|days?|weeks?|months?|years?)\s+$/i;

/** What the number counts: the head of the few lower-case words after it. */
function countsAfter(text: string, from: number): string | undefined {
  const words = text.slice(from, from + 80).match(/^[\s-]*((?:[\p{Ll}][\p{Ll}-]*\s*){1,6})/u)?.[1]?.trim().split(/\s+/) ?? [];
  let head: string | undefined;
  const window = words.slice(0, COUNTS_WINDOW + 1);
  for (const [i, w] of window.entries()) {
    // "Two more rebounds" counts rebounds (more of them), as "two fewer" does; "two more than" counts nothing.
    // ("Two more died": a verb after "more" is what they did.)
    if (i === 0 && w === 'more' && window[1] !== undefined && !COUNT_STOP.has(window[1]) && !/(?:ed|ing)$/.test(window[1])) continue;
    if (i === COUNTS_WINDOW && window[0] !== 'more') break;
    if (COUNT_STOP.has(w)) break;
    head = w;
  }
  return head === undefined ? undefined : singular(head.replace(/-$/, ''));
}

/** Numbers in one sentence; `base` is the sentence's offset in the article text. */
export function findNumbers(text: string, base: number, sentence: number): FoundNumber[] {
  const out: FoundNumber[] = [];
  const matches = numberMatches(text);
  // The hint still has its say where something matched: a sentence whose only number is "zero", or a word
  // spelt with the long s ("ſix"), has none. Asked afterwards, it is spared where nothing matched, most sentences.
  if (matches.length === 0 || !NUMBER_HINT.test(text)) return out;
  for (const m of matches) {
    const g = m.groups ?? {};
    const a = parseCore(g.a ?? '');
    if (a === undefined) continue;
    const b = g.b !== undefined ? parseCore(g.b) : undefined;
    // "one" as a pronoun ("one of the") is not a quantity; neither is a bare word number joined by "or"/"and" without a range cue.
    const isWord = !/^\d/.test(g.a ?? '');
    const written = g.hedge?.toLowerCase().replace(/\s+/g, ' ');
    let unitWord: string | undefined = g.unit?.toLowerCase().replace(/\s+/g, ' ');
    let mult = g.mult !== undefined ? (MULTIPLIERS[g.mult.toLowerCase()] ?? 1) : 1;
    let unit = '';
    let factor = 1;
    const cur = g.cur !== undefined ? CURRENCY_SIGNS[g.cur.toLowerCase()] : undefined;
    if (cur !== undefined && unitWord === 'm') {
      mult *= 1e6;
      unitWord = undefined;
    }
    if (unitWord !== undefined) {
      const u = unitWord.startsWith('pound') && weighed(text, m.index ?? 0, m[0]) ? POUND_WEIGHT : UNITS[unitWord];
      if (u !== undefined) {
        unit = u.unit;
        factor = u.factor;
      }
    }
    if (cur !== undefined) unit = cur;
    // "a magnitude 6.1 earthquake", "measuring 6.1 on the Richter scale", "a 6.1 quake": an earthquake's size.
    if (unit === '' && cur === undefined && quakeSize(text, m.index ?? 0, m[0], g.a ?? '')) unit = 'magnitude';
    // No earthquake measures more than 10: "the 2010 magnitude 7.0 quake" holds a year before its magnitude.
    if (unit === 'magnitude' && a.value > MAX_MAGNITUDE) {
      unit = '';
      factor = 1;
    }
    // "the 2006 second-overall pick", "his 2008 second - round exit": a year before an ordinal compound, no seconds.
    if (unitWord === 'second' && /\d\s+second$/i.test(m[0]) && /^\s?-\s?\p{L}/u.test(text.slice((m.index ?? 0) + m[0].length)) && a.value >= YEAR_MIN && a.value <= YEAR_MAX) {
      unit = '';
      factor = 1;
    }
    // "deliberated for 40 hours over four days": between two lengths of time, "over" is across, not more than
    // ("in the last 10 years over 500 people" keeps its "more than").
    const across = written === 'over' && TIME_UNITS.has(unit) && ACROSS_BEFORE.test(text.slice(Math.max(0, (m.index ?? 0) - ACROSS_REACH), m.index ?? 0));
    const hedge = across ? undefined : written;
    const inches = g.inch !== undefined && unit === 'metre' ? Number(g.inch) * INCH : 0;
    const value = round(a.value * mult * factor + inches);
    if (!a.ordinal && unit === '' && mult === 1 && !isWord && hedge === undefined && b === undefined && Number.isInteger(a.value) && a.value >= YEAR_MIN && a.value <= YEAR_MAX && !(g.a ?? '').includes(',')) continue;
    if (isWord && a.value === 1 && unit === '' && mult === 1 && b === undefined && /^\s+(?:of|another|by)\b/i.test(text.slice((m.index ?? 0) + m[0].length))) continue;
    // A range without a range cue ("two or three" is fine, "Putin and two" never matches) keeps its upper bound apart.
    const max = b !== undefined ? round(b.value * mult * factor) : undefined;
    if (b !== undefined && max !== undefined && max < value) continue;
    // The number of a model name ("AK 47 rifles", "F-16 jets") names the model; it counts nothing.
    if (hedge === undefined && cur === undefined && !isWord && DESIGNATION_BEFORE.test(text.slice(Math.max(0, (m.index ?? 0) - 8), m.index ?? 0)) && !OPENING_ARTICLE.test(text.slice(0, m.index ?? 0))) continue;
    const skipped = across ? (/^\s*over\s+/i.exec(m[0])?.[0].length ?? 0) : 0;
    const start = base + (m.index ?? 0) + skipped;
    const end = base + (m.index ?? 0) + m[0].length;
    const found: FoundNumber = {
      text: m[0].slice(skipped).trim(),
      value,
      unit,
      approximate: hedge !== undefined || b !== undefined,
      sentence,
      start,
      end,
    };
    if (max !== undefined) found.max = max;
    if (a.ordinal) found.ordinal = true;
    if (hedge !== undefined && LOWER_BOUND_HEDGES.has(hedge)) found.bound = 'lower';
    else if (hedge !== undefined && UPPER_BOUND_HEDGES.has(hedge)) found.bound = 'upper';
    const after = (m.index ?? 0) + m[0].length;
    // A clock time ("3 p.m.", "2:53", "2: 53 p. m.") is when, not how many.
    if (CLOCK_AFTER.test(text.slice(after, after + 8)) || CLOCK_BEFORE.test(text.slice(Math.max(0, (m.index ?? 0) - 3), m.index ?? 0))) continue;
    // An age names whose it is ("the 36-year-old driver", "a 66-year-old woman"): two ages of two people are two measures.
    const age = /^[\s-]*old\b[\s-]*/.exec(text.slice(after));
    let counts = countsAfter(text, age !== null ? after + age[0].length : after);
    // "a 66-year-old LuAnn Johnson": the age is the named person's.
    if (age !== null && counts === undefined) counts = /^\p{Lu}[\p{L}’'-]*/u.exec(text.slice(after + age[0].length))?.[0].toLowerCase();
    if (counts !== undefined) found.counts = counts;
    out.push(found);
  }
  return out;
}

/** Magnitudes stop short of this. */
const MAX_MAGNITUDE = 10;
/** "magnitude 6.1", "magnitude-6.1", "a magnitude of 6.1" before the figure. */
const MAGNITUDE_BEFORE = /\bmagnitude(?:\s+of)?[\s-]*$/i;
/** "6.1 on the Richter scale" after it, or a quake noun after a figure with a decimal ("a 6.1 quake"; "7 quakes" are a count). */
const RICHTER_AFTER = /^\s*on\s+the\s+richter\s+scale\b/i;
const QUAKE_AFTER = /^[\s-]*(?:earthquake|quake|temblor|tremor|aftershock)\b/i;

/** Whether the figure matched at `at` is an earthquake's size. */
function quakeSize(text: string, at: number, matched: string, digits: string): boolean {
  const after = text.slice(at + matched.length, at + matched.length + 30);
  if (MAGNITUDE_BEFORE.test(text.slice(Math.max(0, at - 16), at)) || RICHTER_AFTER.test(after)) return true;
  return /^\d+\.\d$/.test(digits) && QUAKE_AFTER.test(after);
}

function round(v: number): number {
  return Math.round(v * 1e6) / 1e6;
}

/** A pound of weight, in kilograms. */
const POUND_WEIGHT = { unit: 'kilogram', factor: 0.4536 };

/**
 * Whether "pounds" weighs rather than pays: after a verb of weighing
 * ("weighing approximately 200 pounds") or as a compound adjective before a
 * noun that is no sum of money or a name ("a 200-pound black male", "a 500 - pound
 * bomb", "the 260-pound Echenique"). Otherwise a pound is sterling, as the unit table has it.
 */
function weighed(text: string, at: number, written: string): boolean {
  if (/\bweigh(?:s|ed|ing)?\b(?:\s+\S+){0,3}\s*$/i.test(text.slice(Math.max(0, at - 40), at))) return true;
  if (!/\d\s?-\s?pound$/i.test(written.trim())) return false;
  // Before a name too: "the 6-foot-9, 260-pound Echenique".
  const next = /^\s+(\p{L}+)/u.exec(text.slice(at + written.length));
  return next !== null && !MONEY_NOUNS.has((next[1] as string).toLowerCase());
}

/** Nouns a sum of pounds sterling is of ("a 50-pound note", "a 200-pound fine"). */
const MONEY_NOUNS = new Set(['note', 'notes', 'fine', 'fines', 'bill', 'bills', 'ticket', 'tickets', 'fee', 'fees', 'deal', 'prize', 'payment', 'bonus', 'bet', 'fund', 'budget', 'loan', 'salary', 'investment', 'contract']);
