/**
 * Accent and letter folding: "Gómez", "Gomez" and "GÓMEZ" are one name once
 * folded, and so are the spellings machine translation and transliteration
 * leave behind ("Zürich"/"Zurich", "Þór"/"Thor"). Folding is lossy on
 * purpose: it is the key two mentions are compared by, never what is shown.
 */

/** Letters that do not decompose into a base letter and a combining mark. */
const SPECIAL: Record<string, string> = {
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  ø: 'o',
  đ: 'd',
  ð: 'd',
  þ: 'th',
  ł: 'l',
  ı: 'i',
  ŀ: 'l',
  ħ: 'h',
};
const SPECIAL_LETTER = /[ßæœøđðþłıŀħ]/g;
/** Combining marks, after canonical decomposition. */
const MARKS = /\p{M}+/gu;
/** Only text with a character outside ASCII needs the work. */
const NON_ASCII = /[^\u0000-\u007f]/;

/** Lower case, accents stripped, special letters spelled out. */
export function fold(word: string): string {
  const lower = word.toLowerCase();
  if (!NON_ASCII.test(lower)) return lower;
  return lower.normalize('NFD').replace(MARKS, '').replace(SPECIAL_LETTER, (c) => SPECIAL[c]!);
}
