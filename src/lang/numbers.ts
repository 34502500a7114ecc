/**
 * Numbers written with digits, read the way the article's language writes
 * them: "30,000" in English, "30.000" in Spanish or German and "30 000" in
 * French are one number; "3,5" is three and a half where the comma is the
 * decimal mark. A figure is language-independent evidence only once read.
 */

/** Languages that write the decimal point as a point (and group thousands with commas). */
const DECIMAL_POINT = new Set(['en', 'zh', 'ja', 'ko', 'he', 'th', 'hi', 'und']);

/** Groups of three digits after one to three, separated by one mark (a thousands grouping), perhaps with decimals after the other mark. */
const GROUPED = /^(\d{1,3}(?:([.,])\d{3})(?:\2\d{3})*)(?:([.,])(\d+))?$/;
const DECIMAL_COMMA = /^\d+,\d+$/;

/** The value of a digit run ("30,000", "3,5", "1.234.567", "1.234,5", "2.5"), or NaN. */
export function numberValue(raw: string, lang: string): number {
  const pointLanguage = DECIMAL_POINT.has(lang);
  const g = GROUPED.exec(raw);
  if (g && g[3] !== g[2] && (g[2] === ',' || !pointLanguage)) return Number(`${g[1]!.replace(/[.,]/g, '')}${g[4] ? `.${g[4]}` : ''}`);
  if (DECIMAL_COMMA.test(raw)) return pointLanguage ? Number(raw.replace(',', '')) : Number(raw.replace(',', '.'));
  return Number(raw.replace(/,/g, ''));
}
