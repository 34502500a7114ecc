/**
 * The one date parser at the boundary: publication dates as Documents, feeds,
 * HTTP and page metadata give them → ISO 8601. An instant becomes UTC
 * (`2024-03-05T10:00:00.000Z`); a date known only to the day, month or year
 * keeps that precision in its form (`2024-03-05`, `2024-03`, `2024`), so that
 * every stored date sorts as text and says how much of it is known.
 * Nonsense, impossible calendar dates and dates more than a day ahead of now
 * are refused with a reason, for the caller to warn about and drop.
 */

export type DatePrecision = 'instant' | 'day' | 'month' | 'year';

export interface ParsedDate {
  iso: string;
  precision: DatePrecision;
}

export interface DateRefusal {
  reason: string;
}

export interface DateOptions {
  /** Epoch ms of "now": later than a day after it is the future. */
  now?: number;
  /** Years before this are typos or placeholders ("0001-01-01"), not publication dates. */
  earliestYear?: number;
}

/** A clock a day fast, or a time zone the parser could not see, still passes. */
const FUTURE_SLACK_MS = 24 * 3_600_000;
/** The press of record is older than the web: archives of the 19th century are digitised. */
export const EARLIEST_YEAR = 1800;
/** Longer strings are not a date field but text pasted into one. */
const MAX_DATE_CHARS = 100;

/** Month names in the languages of the corpus (first three letters are enough for English, the rest by prefix). */
const MONTH_NAMES: [string, number][] = [
  ['jan', 1], ['feb', 2], ['mar', 3], ['apr', 4], ['may', 5], ['jun', 6], ['jul', 7], ['aug', 8], ['sep', 9], ['oct', 10], ['nov', 11], ['dec', 12],
  // German, French, Spanish, Portuguese, Italian, Dutch forms that differ from the English prefix.
  ['mär', 3], ['mrt', 3], ['mai', 5], ['okt', 10], ['dez', 12], ['janv', 1], ['févr', 2], ['fév', 2], ['mars', 3], ['avr', 4], ['juin', 6], ['juil', 7], ['août', 8], ['aoû', 8], ['déc', 12],
  ['ene', 1], ['abr', 4], ['ago', 8], ['dic', 12], ['fev', 2], ['mai', 5], ['set', 9], ['out', 10], ['dez', 12],
  ['gen', 1], ['mag', 5], ['giu', 6], ['lug', 7], ['ott', 10], ['maa', 3], ['mei', 5], ['okt', 10],
];

/** Zone abbreviations of RFC 2822 and of US news pages, in minutes east of UTC. */
const ZONES: Record<string, number> = {
  z: 0, ut: 0, utc: 0, gmt: 0, et: -300, ct: -360, pt: -480, est: -300, edt: -240, cst: -360, cdt: -300, mst: -420, mdt: -360, pst: -480, pdt: -420,
  bst: 60, cet: 60, cest: 120, eet: 120, eest: 180, msk: 180, ist: 330, jst: 540, kst: 540, aest: 600, aedt: 660,
};

const ISO = /^(\d{4})-(\d{2})(?:-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?)?)?$/i;
const ISO_BASIC = /^(\d{4})(\d{2})(\d{2})(?:T(\d{2})(\d{2})(\d{2})?(Z|[+-]\d{4})?)?$/i;
const YEAR_ONLY = /^(\d{4})$/;
const EPOCH = /^\d{10}(?:\d{3})?$/;
/** 05.03.2024, 05-03-2024, 05/03/2024 (the day first unless that cannot be), with an optional time. */
const NUMERIC_DMY = /^(\d{1,2})([./-])(\d{1,2})\2(\d{4})(?:,?\s+(.*))?$/;
const TIME = /^(\d{1,2})(?:[:.h](\d{2}))?(?::(\d{2}))?\s*([ap]\.?m\.?)?\s*(?:\(?([a-z]{1,5}|[+-]\d{2}:?\d{2}|(?:gmt|utc)[+-]\d{1,2}(?::?\d{2})?)\)?)?$/i;

/** Parses one date field; a refusal says why, in words for a warning. */
export function parseDate(value: string, options: DateOptions = {}): ParsedDate | DateRefusal {
  const v = value.replace(/\s+/g, ' ').trim();
  if (v === '') return { reason: 'an empty date' };
  if (v.length > MAX_DATE_CHARS) return { reason: 'not a date (too long)' };
  const parsed = parseForms(v);
  if (parsed === undefined) return { reason: 'not a date' };
  if ('reason' in parsed) return parsed;
  const year = Number(parsed.iso.slice(0, 4));
  if (year < (options.earliestYear ?? EARLIEST_YEAR)) return { reason: `implausibly early (${year})` };
  const now = options.now ?? Date.now();
  if (startOf(parsed) > now + FUTURE_SLACK_MS) return { reason: 'in the future' };
  return parsed;
}

export function isDateRefusal(x: ParsedDate | DateRefusal): x is DateRefusal {
  return 'reason' in x;
}

/** The ISO form of a date field, or undefined when it is refused (callers that need not say why). */
export function normaliseDate(value: string | undefined, options?: DateOptions): string | undefined {
  if (value === undefined) return undefined;
  const p = parseDate(value, options);
  return isDateRefusal(p) ? undefined : p.iso;
}

/** Epoch ms of the first moment the date may mean. */
function startOf(d: ParsedDate): number {
  if (d.precision === 'instant') return Date.parse(d.iso);
  const [y, m = '01', day = '01'] = d.iso.split('-');
  return Date.UTC(Number(y), Number(m) - 1, Number(day));
}

function parseForms(v: string): ParsedDate | DateRefusal | undefined {
  let m = ISO.exec(v);
  if (m) return fromParts(m[1]!, m[2]!, m[3], m[4], m[5], m[6], m[7], m[8]);
  m = ISO_BASIC.exec(v);
  if (m) return fromParts(m[1]!, m[2]!, m[3], m[4], m[5], m[6], undefined, m[7]);
  m = YEAR_ONLY.exec(v);
  if (m) return { iso: m[1]!, precision: 'year' };
  if (EPOCH.test(v)) {
    const ms = v.length === 13 ? Number(v) : Number(v) * 1000;
    return { iso: new Date(ms).toISOString(), precision: 'instant' };
  }
  m = NUMERIC_DMY.exec(v);
  if (m) {
    let day = Number(m[1]);
    let month = Number(m[3]);
    // Slashes are month-first in the US; a first number above 12 can only be a day.
    if (m[2] === '/' && day <= 12) [day, month] = [month, day];
    return withTime(m[4]!, month, day, m[5]);
  }
  return parseNamedMonth(v);
}

/**
 * "Tue, 05 Mar 2024 10:00:00 GMT", "March 5, 2024", "5 March 2024 10:30 CET",
 * "Mar. 5, 2024, 10:30 a.m. EST", "Tuesday, 05-Mar-24 10:00:00 GMT" (RFC 850),
 * "Tue Mar  5 10:00:00 2024" (asctime), "5. März 2024", "5 de marzo de 2024".
 */
function parseNamedMonth(v: string): ParsedDate | DateRefusal | undefined {
  const text = v.toLowerCase().replace(/^[\p{L}]+\.?,?\s+(?=\d|[\p{L}]+\.?\s+\d)/u, (w) => (monthOf(w.trim().replace(/[.,]$/, '')) ? w : ''));
  // day month year [time]
  let m = /^(\d{1,2})\.?[\s-]*(?:de\s+)?([\p{L}]+)\.?,?[\s-]*(?:de\s+)?(\d{4}|\d{2})\b,?\s*(?:(?:at|um|à|a las|às|om)\s+)?(.*)$/u.exec(text);
  if (m && monthOf(m[2]!)) return withTime(fullYear(m[3]!), monthOf(m[2]!)!, Number(m[1]), m[4]);
  // month day, year [time]
  m = /^([\p{L}]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b,?\s*(?:at\s+)?(.*)$/u.exec(text);
  if (m && monthOf(m[1]!)) return withTime(m[3]!, monthOf(m[1]!)!, Number(m[2]), m[4]);
  // asctime: month day time year
  m = /^([\p{L}]+)\s+(\d{1,2})\s+(\d{1,2}:\d{2}(?::\d{2})?)\s+(\d{4})$/u.exec(text);
  if (m && monthOf(m[1]!)) return withTime(m[4]!, monthOf(m[1]!)!, Number(m[2]), `${m[3]} gmt`);
  // month year
  m = /^([\p{L}]+)\.?,?\s+(\d{4})$/u.exec(text);
  if (m && monthOf(m[1]!)) return dateOnly(Number(m[2]), monthOf(m[1]!)!, undefined);
  return undefined;
}

function monthOf(word: string): number | undefined {
  const w = word.toLowerCase();
  if (w.length < 3) return undefined;
  let best: [string, number] | undefined;
  for (const entry of MONTH_NAMES) if (w.startsWith(entry[0]) && (!best || entry[0].length > best[0].length)) best = entry;
  return best?.[1];
}

function fullYear(y: string): string {
  if (y.length === 4) return y;
  // RFC 850's two-digit years: 70–99 are the 1900s.
  const n = Number(y);
  return String(n >= 70 ? 1900 + n : 2000 + n);
}

function withTime(year: string, month: number, day: number, time: string | undefined): ParsedDate | DateRefusal | undefined {
  const rest = (time ?? '').trim();
  if (rest === '') return dateOnly(Number(year), month, day);
  const t = TIME.exec(rest);
  if (!t) return undefined;
  let hour = Number(t[1]);
  const ampm = t[4]?.replace(/\./g, '').toLowerCase();
  if (ampm !== undefined) {
    if (hour < 1 || hour > 12) return { reason: 'not a date (bad hour)' };
    hour = (hour % 12) + (ampm === 'pm' ? 12 : 0);
  }
  const offset = zoneMinutes(t[5]);
  if (offset === null) return undefined;
  return instant(Number(year), month, day, hour, Number(t[2] ?? 0), Number(t[3] ?? 0), 0, offset ?? 0);
}

/** Minutes east of UTC; undefined when no zone was given (taken as UTC); null when the zone is unknown. */
function zoneMinutes(zone: string | undefined): number | undefined | null {
  if (zone === undefined) return undefined;
  const z = zone.toLowerCase();
  if (z in ZONES) return ZONES[z]!;
  const m = /^(?:gmt|utc)?([+-])(\d{1,2}):?(\d{2})?$/.exec(z);
  if (!m) return null;
  return (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3] ?? 0));
}

function fromParts(
  y: string,
  mo: string,
  d: string | undefined,
  h: string | undefined,
  mi: string | undefined,
  s: string | undefined,
  frac: string | undefined,
  zone: string | undefined,
): ParsedDate | DateRefusal | undefined {
  if (d === undefined) return dateOnly(Number(y), Number(mo), undefined);
  if (h === undefined) return dateOnly(Number(y), Number(mo), Number(d));
  const offset = zone === undefined ? 0 : zoneMinutes(zone.length === 3 && zone !== 'Z' && zone !== 'z' ? `${zone}:00` : zone);
  if (offset === null || offset === undefined && zone !== undefined) return undefined;
  const ms = frac === undefined ? 0 : Math.round(Number(`0.${frac}`) * 1000);
  return instant(Number(y), Number(mo), Number(d), Number(h), Number(mi), Number(s ?? 0), ms, offset ?? 0);
}

function validDay(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

function dateOnly(year: number, month: number, day: number | undefined): ParsedDate | DateRefusal {
  if (month < 1 || month > 12) return { reason: `not a date (month ${month})` };
  if (day === undefined) return { iso: `${pad(year, 4)}-${pad(month)}`, precision: 'month' };
  if (!validDay(year, month, day)) return { reason: `not a date (no day ${day} in month ${month} of ${year})` };
  return { iso: `${pad(year, 4)}-${pad(month)}-${pad(day)}`, precision: 'day' };
}

function instant(year: number, month: number, day: number, hour: number, minute: number, second: number, ms: number, offsetMinutes: number): ParsedDate | DateRefusal {
  if (!validDay(year, month, day)) return { reason: `not a date (no day ${day} in month ${month} of ${year})` };
  // 24:00 is the end of the day in ISO 8601; a leap second is kept within its minute.
  if (hour > 24 || minute > 59 || second > 60 || (hour === 24 && (minute > 0 || second > 0))) return { reason: 'not a date (bad time of day)' };
  const t = Date.UTC(year, month - 1, day, hour, minute, Math.min(second, 59), ms) - offsetMinutes * 60_000;
  return { iso: new Date(t).toISOString(), precision: 'instant' };
}
