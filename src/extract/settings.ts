/**
 * Every tunable of extraction in one place. Each constant says why it has
 * the value it has; callers override any of them with `extract(raw, { ... })`.
 */
export interface ExtractSettings {
  // ------------------------------------------------------------ plain text
  /** A line with at least this many words, ending like a sentence, is body text. Headlines and labels are shorter. */
  textBodyMinWords: number;
  /** A line this long is body text even without final punctuation (scrapes lose it). */
  textBodyLongWords: number;
  /** Headline-like: at least this many words (one-word lines are section labels such as "World")... */
  titleMinWords: number;
  /** ...and at most this many (longer lines are paragraphs). */
  titleMaxWords: number;
  /** A short line (a label or subheading) has at most this many words. */
  shortLineWords: number;

  // ------------------------------------------------------------ HTML
  /** Text of a block below this many characters never starts a body on its own. */
  minBlockChars: number;
  /** Blocks whose share of characters inside links is above this are navigation. */
  maxLinkDensity: number;
  /** A candidate container whose best score is below this is not an article. */
  minArticleScore: number;
  /** Sibling containers scoring at least this fraction of the best are merged into the body. */
  siblingScoreRatio: number;
  /** Body with fewer characters than this (and no better alternative) means nothing usable was found. */
  minArticleChars: number;
  /** A paragraph repeated this many times on the page is template (share bars, "Read more"). */
  repeatedTextCount: number;
  /** Short trailing paragraphs (chars) after the last long one are checked as furniture. */
  tailShortChars: number;
}

export const DEFAULT_SETTINGS: Readonly<ExtractSettings> = Object.freeze({
  textBodyMinWords: 10,
  textBodyLongWords: 25,
  titleMinWords: 3,
  titleMaxWords: 30,
  shortLineWords: 12,

  minBlockChars: 25,
  maxLinkDensity: 0.5,
  minArticleScore: 20,
  siblingScoreRatio: 0.2,
  minArticleChars: 80,
  repeatedTextCount: 3,
  tailShortChars: 120,
});

export function resolveSettings(partial?: Partial<ExtractSettings>): ExtractSettings {
  return { ...DEFAULT_SETTINGS, ...(partial ?? {}) };
}
