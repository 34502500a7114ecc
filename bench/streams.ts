/**
 * Streams for the clustering bench, built from the dev ECB+ files.
 *
 * - `datedStream`: the construction of ../shared/tools/dated_stream.py, in
 *   TypeScript (the same dates, the same order): each topic's two events break
 *   in the same week (the `ecbplus` one two days after the `ecb` one), topics
 *   start nine days apart, each event's articles are spread over 40 hours in
 *   file order, and with a lull every second event (in the order topic, event)
 *   goes quiet after its first half and gets its follow-up coverage `lull` days
 *   later.
 * - `planScaleStream` / `scaleItem`: long synthetic dated streams for the cost
 *   figures, from the mixed-language file: event copy k replays dev event
 *   k mod E, starting k·gap hours in, with the names and figures of copy k
 *   replaced by made-up ones of its own (so two copies of one dev event are two
 *   events of the same kind, as a new earthquake is) and every second copy's
 *   second half after a lull.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { calendarWord, detectLanguage } from '../src/lang/index.js';
import { prng, SHARED_DATA } from './lib.js';

export interface DevRow {
  id: string;
  event: string;
  topic: string;
  text: string;
  /** In the mixed-language file: the article's language. */
  lang?: string;
}

/** The rows of a dev file of ../shared/data (one JSON object a line). */
export function readDevRows(name: string): DevRow[] {
  return readFileSync(path.join(SHARED_DATA, name), 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as DevRow);
}

export interface StreamRow extends DevRow {
  publishedAt: string;
}

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;
/** dated_stream.py: the first event breaks on 6 January 2025, 06:00 UTC. */
const DATED_START = Date.UTC(2025, 0, 6, 6, 0);
const TOPIC_GAP_DAYS = 9;
const SECOND_EVENT_DAYS = 2;
const EVENT_SPAN_HOURS = 40;

/** ISO time to the second, as dated_stream.py writes it. */
function isoSeconds(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** The rows as a dated stream (see above), in publication order. */
export function datedStream(rows: DevRow[], lullDays: number): StreamRow[] {
  const topics = [...new Set(rows.map((r) => r.topic))].sort((a, b) => Number(a) - Number(b));
  const eventKey = (e: string): [number, string] => [Number(e.split('-')[0]), e];
  const events = [...new Set(rows.map((r) => r.event))].sort((a, b) => {
    const [x, xs] = eventKey(a);
    const [y, ys] = eventKey(b);
    return x - y || (xs < ys ? -1 : xs > ys ? 1 : 0);
  });
  const stream: { when: number; row: DevRow }[] = [];
  events.forEach((e, k) => {
    const start = DATED_START + (TOPIC_GAP_DAYS * topics.indexOf(e.split('-')[0]!) + (e.endsWith('ecbplus') ? SECOND_EVENT_DAYS : 0)) * DAY_MS;
    const members = rows.filter((r) => r.event === e);
    const half = Math.floor((members.length + 1) / 2);
    members.forEach((row, i) => {
      // Whole seconds, as the Python tool's strftime keeps them.
      let when = start + Math.floor((EVENT_SPAN_HOURS * HOUR_MS * i) / Math.max(1, members.length) / 1000) * 1000;
      if (k % 2 === 1 && i >= half) when += lullDays * DAY_MS;
      stream.push({ when, row });
    });
  });
  stream.sort((a, b) => a.when - b.when || (a.row.id < b.row.id ? -1 : a.row.id > b.row.id ? 1 : 0));
  return stream.map(({ when, row }) => ({ ...row, publishedAt: isoSeconds(when) }));
}

// ------------------------------------------------------------ long synthetic streams

/** The scale streams of the benches: a new event copy every 8 h, its articles over 48 h, every second copy's second half 12 days later. */
export const SCALE_STREAM: ScaleStreamOptions = { eventGapHours: 8, eventSpanHours: 48, lullDays: 12, start: Date.UTC(2020, 0, 1) };

export interface ScaleStreamOptions {
  /** A new event copy every this many hours... */
  eventGapHours: number;
  /** ...its articles spread over this many... */
  eventSpanHours: number;
  /** ...and every second copy's second half this many days later. */
  lullDays: number;
  start: number;
}

/** A planned stream: per article, the dev row it varies, its event copy (the gold story), a dropped line and its time. */
export interface ScalePlan {
  source: Int32Array;
  copy: Int32Array;
  drop: Int32Array;
  time: Float64Array;
}

export function planScaleStream(dev: DevRow[], size: number, o: ScaleStreamOptions): ScalePlan {
  const events = [...new Set(dev.map((r) => r.event))];
  const members = events.map((e) => dev.flatMap((r, i) => (r.event === e ? [i] : [])));
  const rand = prng(size);
  const items: { source: number; copy: number; drop: number; time: number }[] = [];
  for (let k = 0; items.length < size; k++) {
    const start = o.start + k * o.eventGapHours * HOUR_MS;
    const list = members[k % events.length]!;
    list.forEach((source, i) => {
      if (items.length >= size) return;
      let time = start + rand() * o.eventSpanHours * HOUR_MS;
      if (k % 2 === 1 && i >= list.length / 2) time += o.lullDays * DAY_MS;
      items.push({ source, copy: k, drop: Math.floor(rand() * 6) - 1, time });
    });
  }
  items.sort((a, b) => a.time - b.time);
  return {
    source: Int32Array.from(items, (x) => x.source),
    copy: Int32Array.from(items, (x) => x.copy),
    drop: Int32Array.from(items, (x) => x.drop),
    time: Float64Array.from(items, (x) => x.time),
  };
}

/** Syllables of made-up names: 16³ + 16⁴ names, a bounded vocabulary however long the stream. */
const SYLLABLES = ['ka', 'lo', 'mi', 'ra', 'to', 've', 'su', 'ne', 'da', 'pi', 'ro', 'ga', 'be', 'lu', 'fa', 'zo'];

function hash(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** The made-up name that stands for `name` in event copy `copy`: the same in every article and language of the copy. */
function madeUpName(name: string, copy: number): string {
  let h = hash(`${name.toLowerCase()}|${copy}`);
  const syllables = 3 + (h & 1);
  h >>>= 1;
  let out = '';
  for (let i = 0; i < syllables; i++) {
    out += SYLLABLES[h % SYLLABLES.length];
    h = (Math.floor(h / SYLLABLES.length) ^ hash(out)) >>> 0;
  }
  return out[0]!.toUpperCase() + out.slice(1);
}

const CAPITALISED = /\p{Lu}[\p{L}'’]+/gu;
const WORD = /\p{L}[\p{L}'’]*/gu;
/** Figures other than years (four digits from 1800 on), which a new event of the same kind has its own of. */
const FIGURE = /\b\d+\b/g;

/** Words the dev file writes in lower case somewhere: common words, whatever their capitals elsewhere. */
export function commonWords(dev: DevRow[]): Set<string> {
  const out = new Set<string>();
  for (const r of dev) for (const m of r.text.matchAll(WORD)) if (m[0] === m[0].toLowerCase()) out.add(m[0]);
  return out;
}

/** A web address on a line of its own (ECB+ keeps the source's): its words would be the same in every copy. */
const URL_LINE = /^\s*(?:https?\s*:|www\s*\.)/i;

const CALENDAR_NAMES = new Map<string, string[]>();

/** Month and weekday names of each language, from the runtime's locale data (as lang/calendar.ts reads them). */
function calendarNames(lang: string, kind: 'month' | 'weekday'): string[] {
  const key = `${lang}:${kind}`;
  let names = CALENDAR_NAMES.get(key);
  if (names === undefined) {
    const f = new Intl.DateTimeFormat(lang, kind === 'month' ? { month: 'long', timeZone: 'UTC' } : { weekday: 'long', timeZone: 'UTC' });
    names = Array.from({ length: kind === 'month' ? 12 : 7 }, (_, k) => f.format(kind === 'month' ? Date.UTC(2024, k, 15) : Date.UTC(2024, 0, 1 + k)));
    CALENDAR_NAMES.set(key, names);
  }
  return names;
}

/** The word as the same calendar word `shift` months or days on, in the article's language and case. */
function shiftedCalendarWord(word: string, lang: string, shift: number): string {
  const c = calendarWord(word, lang);
  if (c === undefined || word.length < 3) return word;
  const names = calendarNames(c.languages.includes(lang) ? lang : 'en', c.kind);
  const name = names[(c.index + shift) % names.length]!;
  return word[0] === word[0]!.toUpperCase() ? name[0]!.toUpperCase() + name.slice(1) : name;
}

/**
 * The i-th article of a planned stream, made on demand so the stream itself takes no memory. Its
 * names (capitalised words the dev file never writes in lower case), figures and dates (month and
 * weekday names) are those of its event copy: the same in every article and language of the copy,
 * others in the next copy of the same dev event. Web-address lines are left out.
 */
export function scaleItem(dev: DevRow[], common: Set<string>, plan: ScalePlan, i: number): { id: string; text: string; publishedAt: string } {
  const row = dev[plan.source[i]!]!;
  const lines = row.text.split('\n').filter((l) => !URL_LINE.test(l));
  const drop = plan.drop[i]!;
  const kept = drop >= 0 && lines.length > 2 ? lines.filter((_, j) => j !== drop % lines.length) : lines;
  const copy = plan.copy[i]!;
  const shift = 1 + (hash(String(copy)) % 97);
  const lang = row.lang ?? detectLanguage(row.text);
  const text = kept
    .join('\n')
    .replace(WORD, (word) => shiftedCalendarWord(word, lang, shift))
    .replace(CAPITALISED, (word) => (common.has(word.toLowerCase()) || calendarWord(word, lang) !== undefined ? word : madeUpName(word, copy)))
    .replace(FIGURE, (n) => (n.length === 4 && Number(n) >= 1800 ? n : String(Number(n) + shift)));
  return { id: `a${i}`, text, publishedAt: new Date(plan.time[i]!).toISOString() };
}
