/**
 * Unicode character classes by table lookup. The analysis and relate
 * scanners ask, for every character, whether it is a letter, a number or an
 * upper-case letter; a /\p{L}/u test per character (or a regex's match
 * objects per word) cost more than the rest of the work on the word.
 */

/** Character classes of code points, as bits: a letter (\p{L}), a number (\p{N}), an upper-case (\p{Lu}) or lower-case (\p{Ll}) letter. */
export const LETTER = 1;
export const NUMBER = 2;
export const UPPER = 4;
export const LOWER = 8;
/** Classes of BMP code units, filled a block of this many at a time on first sight (most text uses a few blocks). */
const CLASS_BLOCK = 256;
const bmpClasses = new Uint8Array(0x10000);
const bmpFilled = new Uint8Array(0x10000 / CLASS_BLOCK);
const astralClasses = new Map<number, number>();

function classify(ch: string): number {
  return (/\p{L}/u.test(ch) ? LETTER : 0) | (/\p{N}/u.test(ch) ? NUMBER : 0) | (/\p{Lu}/u.test(ch) ? UPPER : 0) | (/\p{Ll}/u.test(ch) ? LOWER : 0);
}

function fillBlock(block: number): void {
  const from = block * CLASS_BLOCK;
  for (let c = from; c < from + CLASS_BLOCK; c++) {
    // Lone surrogates are no letter of any kind, as for a /u regex.
    if (c < 0xd800 || c > 0xdfff) bmpClasses[c] = classify(String.fromCharCode(c));
  }
  bmpFilled[block] = 1;
}

fillBlock(0);

/** Classes of the code point at s[i], i < s.length (a lone surrogate has none); its length is charWidth(s, i). */
export function charClass(s: string, i: number): number {
  const c = s.charCodeAt(i);
  // ASCII and Latin-1, most of most texts: their block is filled at load.
  if (c < CLASS_BLOCK) return bmpClasses[c]!;
  if (c < 0xd800 || c > 0xdbff) {
    const block = c >>> 8;
    if (bmpFilled[block] === 0) fillBlock(block);
    return bmpClasses[c]!;
  }
  const d = s.charCodeAt(i + 1);
  if (!(d >= 0xdc00 && d <= 0xdfff)) return 0;
  const cp = ((c - 0xd800) << 10) + (d - 0xdc00) + 0x10000;
  let k = astralClasses.get(cp);
  if (k === undefined) {
    k = classify(String.fromCodePoint(cp));
    astralClasses.set(cp, k);
  }
  return k;
}

/** Code units of the code point at s[i]: 2 for a surrogate pair, else 1. */
export function charWidth(s: string, i: number): number {
  const c = s.charCodeAt(i);
  if (c < 0xd800 || c > 0xdbff) return 1;
  const d = s.charCodeAt(i + 1);
  return d >= 0xdc00 && d <= 0xdfff ? 2 : 1;
}

