import type { NumberMention } from '../types.js';
import { CURRENCY_SIGNS, HEDGES, MULTIPLIERS, SMALL_NUMBERS, UNITS } from './lexicon.js';

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

const DIGITS = String.raw`(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?`;
const UNIT_WORDS = ['hundred', 'thousand', 'million', 'billion', 'trillion'];
const WORD_VALUES = Object.keys(SMALL_NUMBERS).filter((w) => w !== 'a');
const WORDNUM = `(?:${WORD_VALUES.join('|')})(?:-(?:one|two|three|four|five|six|seven|eight|nine))?`;
const CORE = `(?:${DIGITS}(?:st|nd|rd|th)?|${WORDNUM})`;
const HEDGE = HEDGES.slice()
  .sort((a, b) => b.length - a.length)
  .map((h) => h.replace(/ /g, '\\s+'))
  .join('|');
const UNIT = Object.keys(UNITS)
  .sort((a, b) => b.length - a.length)
  .map((u) => u.replace(/\$/g, '\\$').replace(/ /g, '\\s+'))
  .join('|');
const NUMBER_RE = new RegExp(
  String.raw`(?<![\p{L}\p{N}\-.,:/])(?:(?<hedge>${HEDGE})\s+)?(?<cur>US\$|[$€£¥₽₩₹])?\s?(?<a>${CORE})(?:\s*(?:-|–|to|and|or)\s*(?<b>${CORE}))?(?:[\s-]?(?<mult>${UNIT_WORDS.join('|')}|bn|mn)\b)?(?:[\s-]?(?<unit>${UNIT}))?(?![\p{L}\p{N}]|[.,:]\d)`,
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
  if (ord !== null) return { value: Number((ord[1] ?? '').replace(/,/g, '')), ordinal: true };
  if (/^\d/.test(lower)) return { value: Number(lower.replace(/,/g, '')), ordinal: false };
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

/** After a number, the marks of a clock time: "p.m.", "a. m.", ":53". */
const CLOCK_AFTER = /^\s?(?:[ap]\.\s?m\.|[ap]m\b|:\s?\d{2})/i;
/** Before a number, the hour of a clock time ("2: 53"). */
const CLOCK_BEFORE = /\d\s?:\s?$/;

/** Every number the pattern can match starts with a digit or one of these words. */
const NUMBER_HINT = /\d|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|teen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|dozen/i;

/** What the number counts: the head of the few lower-case words after it. */
function countsAfter(text: string, from: number): string | undefined {
  const words = text.slice(from, from + 80).match(/^[\s-]*((?:[\p{Ll}][\p{Ll}-]*\s*){1,6})/u)?.[1]?.trim().split(/\s+/) ?? [];
  let head: string | undefined;
  for (const w of words.slice(0, COUNTS_WINDOW)) {
    if (COUNT_STOP.has(w)) break;
    head = w;
  }
  return head === undefined ? undefined : singular(head.replace(/-$/, ''));
}

/** Numbers in one sentence; `base` is the sentence's offset in the article text. */
export function findNumbers(text: string, base: number, sentence: number): FoundNumber[] {
  const out: FoundNumber[] = [];
  // Most sentences hold no number at all: a cheap scan spares them the full pattern.
  if (!NUMBER_HINT.test(text)) return out;
  for (const m of text.matchAll(NUMBER_RE)) {
    const g = m.groups ?? {};
    const a = parseCore(g.a ?? '');
    if (a === undefined) continue;
    const b = g.b !== undefined ? parseCore(g.b) : undefined;
    // "one" as a pronoun ("one of the") is not a quantity; neither is a bare word number joined by "or"/"and" without a range cue.
    const isWord = !/^\d/.test(g.a ?? '');
    const hedge = g.hedge?.toLowerCase().replace(/\s+/g, ' ');
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
      const u = UNITS[unitWord];
      if (u !== undefined) {
        unit = u.unit;
        factor = u.factor;
      }
    }
    if (cur !== undefined) unit = cur;
    const value = round(a.value * mult * factor);
    if (!a.ordinal && unit === '' && mult === 1 && !isWord && hedge === undefined && b === undefined && Number.isInteger(a.value) && a.value >= YEAR_MIN && a.value <= YEAR_MAX && !(g.a ?? '').includes(',')) continue;
    if (isWord && a.value === 1 && unit === '' && mult === 1 && b === undefined && /^\s+(?:of|another|by)\b/i.test(text.slice((m.index ?? 0) + m[0].length))) continue;
    // A range without a range cue ("two or three" is fine, "Putin and two" never matches) keeps its upper bound apart.
    const max = b !== undefined ? round(b.value * mult * factor) : undefined;
    if (b !== undefined && max !== undefined && max < value) continue;
    const start = base + (m.index ?? 0);
    const end = start + m[0].length;
    const found: FoundNumber = {
      text: m[0].trim(),
      value,
      unit,
      approximate: hedge !== undefined || b !== undefined,
      sentence,
      start,
      end,
    };
    if (max !== undefined) found.max = max;
    if (a.ordinal) found.ordinal = true;
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

function round(v: number): number {
  return Math.round(v * 1e6) / 1e6;
}
