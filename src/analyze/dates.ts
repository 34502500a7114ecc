import type { DateMention } from '../types.js';
import { allMatches } from './matches.js';

/**
 * Dates in a sentence, resolved to ISO when possible. Relative forms ("on
 * Wednesday", "early Tuesday", "yesterday", "last year") need the article's
 * publication date; news reports the past, so a bare weekday is the latest
 * such day on or before publication ("next Monday" looks forward).
 */

export interface FoundDate extends DateMention {
  start: number;
  end: number;
}

/** Weekdays, Sunday first (the order of `Date.getDay`). */
export const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const MONTH_RE = String.raw`(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?`;
const WEEKDAY_RE = String.raw`(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)`;

/** Literal scans, each true of every match of some patterns: far cheaper than the patterns' own scans. */
const DIGIT = /\d/;
const MONTH_HINT = /Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec/;
const RELDAY_HINT = /yesterday|today|tomorrow|tonight/i;
const RELYEAR_HINT = /year|month/i;

type DateKind = 'weekday' | 'mdy' | 'dmy' | 'my' | 'year' | 'relday' | 'relyear';
const KIND_BIT: Record<DateKind, number> = { mdy: 1, dmy: 2, my: 4, year: 8, weekday: 16, relday: 32, relyear: 64 };

/** The kinds of date (KIND_BIT) whose pattern may match the text: the others' scans are skipped. */
function possibleKinds(text: string): number {
  let out = 0;
  const digits = DIGIT.test(text);
  // Calendar dates need a month name and a day or year in digits; "in 1948" needs a year.
  if (digits && MONTH_HINT.test(text)) out |= KIND_BIT.mdy | KIND_BIT.dmy | KIND_BIT.my;
  if (digits) out |= KIND_BIT.year;
  // Every weekday name ends in "day".
  if (text.includes('day')) out |= KIND_BIT.weekday;
  if (RELDAY_HINT.test(text)) out |= KIND_BIT.relday;
  if (RELYEAR_HINT.test(text)) out |= KIND_BIT.relyear;
  return out;
}

/** Words that make a weekday part of a name ("Patch Tuesday", "Black Friday", "Ash Wednesday"). */
const NAMED_DAY_BEFORE = /\b(?:Patch|Super|Black|Good|Cyber|Ash|Holy|Maundy|Easter|Fat|Shrove|Bloody|Giving|Palm|Mega|Manic|Blue)\s+$/;

/** A cheap scan that every date pattern's match passes. */
const DATE_HINT = /\d|day|tonight|tomorrow|year|month/i;

const PATTERNS: { re: RegExp; kind: DateKind }[] = [
  { kind: 'mdy', re: new RegExp(String.raw`\b(?<month>${MONTH_RE})\s+(?<day>\d{1,2})(?:st|nd|rd|th)?\b(?:,?\s+(?<year>\d{4})\b)?`, 'g') },
  { kind: 'dmy', re: new RegExp(String.raw`\b(?<day>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?(?<month>${MONTH_RE})(?:,?\s+(?<year>\d{4})\b)?`, 'g') },
  { kind: 'my', re: new RegExp(String.raw`\b(?<month>${MONTH_RE})\s+(?:of\s+)?(?<year>\d{4})\b`, 'g') },
  { kind: 'weekday', re: new RegExp(String.raw`\b(?:(?<mod>[Ee]arly|[Ll]ate|[Ll]ast|[Nn]ext|[Tt]his|[Oo]n)\s+)?(?<wd>${WEEKDAY_RE})(?:\s+(?:morning|afternoon|evening|night))?\b`, 'g') },
  { kind: 'year', re: /\b(?:[Ii]n|[Ss]ince|[Bb]y|[Uu]ntil|[Bb]efore|[Aa]fter|[Dd]uring|[Oo]f)\s+(?<year>1\d{3}|20\d{2}|21\d{2})\b(?![-–]\d)/g },
  { kind: 'relday', re: /\b(?<rel>yesterday|today|tomorrow|tonight)\b/gi },
  { kind: 'relyear', re: /\b(?<mod>last|this|next)\s+(?<unit>year|month)\b/gi },
];

/** The publication day as UTC midnight, when publishedAt parses. */
export function publicationDay(publishedAt: string | undefined): Date | undefined {
  if (publishedAt === undefined) return undefined;
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(publishedAt);
  if (m !== null) return new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  const t = Date.parse(publishedAt);
  if (Number.isNaN(t)) return undefined;
  const d = new Date(t);
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));
}

function iso(d: Date): string {
  return d.toISOString().slice(0, 10);
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

function monthIndex(s: string): number {
  const k = s.toLowerCase().replace(/\.$/, '').slice(0, 3);
  return MONTHS.findIndex((m) => m.startsWith(k));
}

export function findDates(text: string, base: number, sentence: number, pub: Date | undefined): FoundDate[] {
  const out: FoundDate[] = [];
  // Every pattern needs a digit, a "-day" word (weekdays, today, yesterday), "tonight"/"tomorrow", or "year"/"month".
  if (!DATE_HINT.test(text)) return out;
  const taken: [number, number][] = [];
  const possible = possibleKinds(text);
  for (const { re, kind } of PATTERNS) {
    if ((possible & KIND_BIT[kind]) === 0) continue;
    for (const m of allMatches(re, text)) {
      const s = m.index ?? 0;
      const e = s + m[0].length;
      if (taken.some(([a, b]) => s < b && e > a)) continue;
      const g = m.groups ?? {};
      // "Patch Tuesday", "Super Tuesday", "Black Friday": a weekday inside a name is no date.
      if (kind === 'weekday' && g.mod === undefined && NAMED_DAY_BEFORE.test(text.slice(0, s))) continue;
      const found: FoundDate = { text: m[0], sentence, start: base + s, end: base + e };
      const resolved = resolve(kind, g, pub);
      if (resolved !== undefined) {
        found.iso = resolved.iso;
        found.precision = resolved.precision;
      }
      taken.push([s, e]);
      out.push(found);
    }
  }
  return out.sort((a, b) => a.start - b.start);
}

function resolve(kind: string, g: Record<string, string | undefined>, pub: Date | undefined): { iso: string; precision: 'day' | 'month' | 'year' } | undefined {
  switch (kind) {
    case 'mdy':
    case 'dmy': {
      const mi = monthIndex(g.month ?? '');
      const day = Number(g.day);
      const year = g.year !== undefined ? Number(g.year) : pub?.getUTCFullYear();
      if (mi < 0 || day < 1 || day > 31 || year === undefined) return undefined;
      return { iso: `${year}-${pad(mi + 1)}-${pad(day)}`, precision: 'day' };
    }
    case 'my': {
      const mi = monthIndex(g.month ?? '');
      if (mi < 0) return undefined;
      return { iso: `${g.year}-${pad(mi + 1)}`, precision: 'month' };
    }
    case 'year':
      return { iso: g.year ?? '', precision: 'year' };
    case 'weekday': {
      if (pub === undefined) return undefined;
      const w = WEEKDAYS.indexOf((g.wd ?? '').toLowerCase());
      const today = pub.getUTCDay();
      const mod = (g.mod ?? '').toLowerCase();
      let delta: number;
      if (mod === 'next') delta = (w - today + 7) % 7 || 7;
      else {
        const back = (today - w + 7) % 7;
        delta = -(mod === 'last' ? back || 7 : back);
      }
      return { iso: iso(new Date(pub.getTime() + delta * 86400000)), precision: 'day' };
    }
    case 'relday': {
      if (pub === undefined) return undefined;
      const rel = (g.rel ?? '').toLowerCase();
      const delta = rel === 'yesterday' ? -1 : rel === 'tomorrow' ? 1 : 0;
      return { iso: iso(new Date(pub.getTime() + delta * 86400000)), precision: 'day' };
    }
    case 'relyear': {
      if (pub === undefined) return undefined;
      const mod = (g.mod ?? '').toLowerCase();
      const delta = mod === 'last' ? -1 : mod === 'next' ? 1 : 0;
      if ((g.unit ?? '').toLowerCase() === 'year') return { iso: String(pub.getUTCFullYear() + delta), precision: 'year' };
      const d = new Date(Date.UTC(pub.getUTCFullYear(), pub.getUTCMonth() + delta, 1));
      return { iso: iso(d).slice(0, 7), precision: 'month' };
    }
    default:
      return undefined;
  }
}

/** The key a fact compares a year or a month an event is dated by with: "y1993", "m2013-06". */
export function periodKeyOf(precision: 'year' | 'month', iso: string): string {
  return precision === 'year' ? `y${iso.slice(0, 4)}` : `m${iso.slice(0, 7)}`;
}

/** Whether a day key is a year's ("y1993") or a month's ("m2013-06"), and which. */
export function periodKind(key: string | undefined): 'year' | 'month' | undefined {
  if (key === undefined) return undefined;
  if (/^y\d{4}$/.test(key)) return 'year';
  return /^m\d{4}-\d\d$/.test(key) ? 'month' : undefined;
}
