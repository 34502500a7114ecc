import { fold } from './fold.js';

/**
 * Month and weekday names in every language newsfuse reads, taken from the
 * runtime's own locale data (ICU, as Node ships it): "mayo", "mai", "maio",
 * "Mai" and "May" are one month, "jueves" and "Thursday" one weekday. Only
 * full names, and English's usual abbreviations ("Sept."): other languages'
 * abbreviations collide with their words.
 */

/** Languages whose calendar words are recognised (the detectable Latin-script ones). */
const CALENDAR_LANGUAGES = ['en', 'es', 'fr', 'pt', 'de', 'it', 'nl', 'sv', 'da', 'no', 'pl', 'cs', 'ro', 'tr', 'id', 'hu', 'fi'];
/** English abbreviations in common news use (datelines, "Sept. 11"). */
const ENGLISH_MONTH_ABBREVIATIONS: Record<string, number> = { jan: 0, feb: 1, mar: 2, apr: 3, jun: 5, jul: 6, aug: 7, sep: 8, sept: 8, oct: 9, nov: 10, dec: 11 };

/** A calendar word: which month (0–11) or weekday (0 = Monday … 6), and in which languages it is one. */
export interface CalendarWord {
  kind: 'month' | 'weekday';
  index: number;
  languages: readonly string[];
}

/** Folded word → its calendar meaning; names of several words ("segunda-feira") under each part joined by a space. */
const WORDS = new Map<string, CalendarWord>();

function record(word: string, kind: 'month' | 'weekday', index: number, lang: string): void {
  const key = fold(word).replace(/[-\s]+/g, ' ').replace(/\.$/, '');
  const known = WORDS.get(key);
  if (known === undefined) WORDS.set(key, { kind, index, languages: [lang] });
  else if (known.kind === kind && known.index === index && !known.languages.includes(lang)) WORDS.set(key, { ...known, languages: [...known.languages, lang] });
}

for (const lang of CALENDAR_LANGUAGES) {
  const month = new Intl.DateTimeFormat(lang, { month: 'long', timeZone: 'UTC' });
  const weekday = new Intl.DateTimeFormat(lang, { weekday: 'long', timeZone: 'UTC' });
  for (let m = 0; m < 12; m++) record(month.format(Date.UTC(2024, m, 15)), 'month', m, lang);
  // 1 January 2024 was a Monday.
  for (let d = 0; d < 7; d++) record(weekday.format(Date.UTC(2024, 0, 1 + d)), 'weekday', d, lang);
}
for (const [abbreviation, m] of Object.entries(ENGLISH_MONTH_ABBREVIATIONS)) record(abbreviation, 'month', m, 'en');

/**
 * The calendar meaning of a word (or of a two-word name, given as "first second")
 * in a language, if it has one there. English names and abbreviations count in
 * every language (datelines and machine-translated text keep them: "Oct. 5");
 * the caller decides what case they need (cluster/features.ts counts a word of
 * another language's calendar only capitalised, so the Spanish sea, "mar", is
 * no month).
 */
export function calendarWord(word: string, lang: string): CalendarWord | undefined {
  const c = WORDS.get(fold(word));
  return c !== undefined && (c.languages.includes(lang) || c.languages.includes('en')) ? c : undefined;
}

/** Whether some calendar name of several words starts with this (folded) word: the caller then looks at the next word. */
export function startsCalendarName(word: string): boolean {
  return FIRST_PARTS.has(fold(word));
}

const FIRST_PARTS = new Set([...WORDS.keys()].filter((k) => k.includes(' ')).map((k) => k.split(' ')[0]!));

/** Canonical feature names, the same in every language. */
export const MONTH_KEYS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
export const WEEKDAY_KEYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];
