/**
 * The publication date of scraped text that came without metadata: the
 * dateline near the top ("Published May 03, 2013", "12 / 16 / 08 1: 30 AM
 * EST", "Sunday, 21 July 2013") or, failing that, the /YYYY/MM/DD/ path of a
 * URL on the first line. Only short lines count, so an event date inside a
 * lead sentence ("the March 11, 2005, rampage") is not taken for the dateline.
 */

/** A dateline sits within the first few lines of a page. */
const DATELINE_MAX_LINE = 6;
/** Longer lines are sentences, whose dates are about events, not publication. */
const DATELINE_MAX_WORDS = 14;
/** Two-digit years below this are 20xx, others 19xx. */
const TWO_DIGIT_YEAR_PIVOT = 50;

const MONTH_INDEX: Record<string, number> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, oct: 10, nov: 11, dec: 12,
};
const MONTH = '(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\\.?';
const DAY = '(\\d{1,2})(?:st|nd|rd|th)?';
const YEAR = '((?:19|20)\\d\\d)';
const MONTH_DAY_YEAR = new RegExp(`\\b${MONTH}\\s+${DAY},?\\s+${YEAR}\\b`, 'i');
const DAY_MONTH_YEAR = new RegExp(`\\b${DAY}\\s+${MONTH},?\\s+${YEAR}\\b`, 'i');
const NUMERIC = /(?:^|[^\d/])(\d{1,2})\/(\d{1,2})\/(\d{4}|\d{2})(?![\d/])/;
const ISO = /\b((?:19|20)\d\d)-(\d\d)-(\d\d)\b/;
const URL_PATH = /\/((?:19|20)\d\d)\/(\d\d)\/(\d\d)(?:\/|$)/;

function utc(year: number, month: number, day: number): number | undefined {
  if (month < 1 || month > 12 || day < 1 || day > 31) return undefined;
  return Date.UTC(year, month - 1, day);
}

function fromLine(line: string): number | undefined {
  let m = MONTH_DAY_YEAR.exec(line);
  if (m) return utc(Number(m[3]), MONTH_INDEX[m[1]!.toLowerCase()]!, Number(m[2]));
  m = DAY_MONTH_YEAR.exec(line);
  if (m) return utc(Number(m[3]), MONTH_INDEX[m[2]!.toLowerCase()]!, Number(m[1]));
  m = ISO.exec(line);
  if (m) return utc(Number(m[1]), Number(m[2]), Number(m[3]));
  m = NUMERIC.exec(line);
  if (m) {
    let [a, b] = [Number(m[1]), Number(m[2])];
    // US order (month first) unless the first number cannot be a month.
    if (a > 12) [a, b] = [b, a];
    const y = m[3]!.length === 2 ? Number(m[3]) + (Number(m[3]) < TWO_DIGIT_YEAR_PIVOT ? 2000 : 1900) : Number(m[3]);
    return utc(y, a, b);
  }
  return undefined;
}

/** Epoch milliseconds (UTC midnight) of the text's dateline, or undefined. */
export function inferDateline(text: string): number | undefined {
  const lines = text.split('\n', DATELINE_MAX_LINE * 2).filter((l) => l.trim() !== '').slice(0, DATELINE_MAX_LINE);
  let fromUrl: number | undefined;
  for (const raw of lines) {
    // Detokenised text spaces out separators: "12 / 16 / 08", "2008 - 12 - 23".
    const line = raw.replace(/\s*([/:-])\s*/g, '$1');
    if (/^https?:/i.test(line)) {
      const m = URL_PATH.exec(line);
      if (m && fromUrl === undefined) fromUrl = utc(Number(m[1]), Number(m[2]), Number(m[3]));
      continue;
    }
    if (line.split(/\s+/).length > DATELINE_MAX_WORDS) continue;
    const t = fromLine(line);
    if (t !== undefined) return t;
  }
  return fromUrl;
}
