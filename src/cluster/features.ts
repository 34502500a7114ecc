import { calendarWord, capitalisesNouns, detectLanguage, fold, hasNounEnding, isNounMarker, MONTH_KEYS, numberValue, startsCalendarName, stopWordsOf, WEEKDAY_KEYS, withoutElision } from '../lang/index.js';

/**
 * Lightweight, deterministic features for story clustering: content-word
 * stems (what the story is about) and "anchors" (who, where, when, how many:
 * capitalised names, years, numbers). Anchors are what tell two events of
 * the same kind apart, so they are kept in their own space.
 *
 * This is deliberately cheaper than the analyze stage (no NLP model): the
 * clusterer sees every article of a long stream and must stay well under a
 * millisecond of feature work per kilobyte of text.
 */

/** Bag of features with raw counts. */
export type Bag = Map<string, number>;

export interface ClusterFeatures {
  /** Content-word stems with counts (title words counted TITLE_WEIGHT times). */
  terms: Bag;
  /**
   * Anchors with counts: `e:<name token>` for capitalised name tokens,
   * `y:<year>` for years, `n:<number>` for other numbers, `d:<weekday>` and
   * `m:<month>` (the English month's first three letters, whatever the article's language) for dates.
   */
  anchors: Bag;
  /**
   * The article's language: body terms are compared only between articles of one language (a
   * word means nothing to a reader of another), anchors between any two.
   */
  language: string;
}

/**
 * Letters of a name (folded) kept as its anchor key: enough to tell names apart, few enough that
 * the forms a name takes in other languages and inflections meet ("Somalia", "Somalie", "Somália";
 * "Sixers", "Sixer").
 */
const NAME_KEY_LETTERS = 5;
/** Title words say what the article is about more reliably than body words: counted twice. */
const TITLE_WEIGHT = 2;
/** Shorter tokens are mostly noise (initials, fragments of detokenised URLs). */
const MIN_TERM_LENGTH = 3;
/** Longer digit strings are ids, phone numbers or URL fragments, not facts. */
const MAX_NUMBER_DIGITS = 6;
/**
 * Characters of a body read for features, as analysis reads (MAX_ANALYSED_CHARS): what an article is
 * about is in its first pages, and a runaway text (a log, a book) would otherwise hold every token of it.
 */
export const MAX_FEATURE_CHARS = 1_000_000;
/** A line whose words are mostly capitalised is a Title Case headline: capitals there prove nothing. */
const TITLE_CASE_SHARE = 0.6;
const TITLE_CASE_MIN_WORDS = 3;

/**
 * Page furniture and wire names: in every report of every story, never evidence of one. Function
 * words come from the article's language (lang/stopwords.ts) and English (which pages in any
 * language and machine translations keep).
 */
const FURNITURE_WORDS = new Set(
  `http https www com org net html htm php asp aspx index amp nbsp reuters ap afp cnn bbc news more`.split(/\s+/),
);
const ENGLISH_STOP_WORDS = stopWordsOf('en');

/** Words, numbers (with decimal point or thousands comma) and apostrophes inside words. */
const TOKEN = /\p{L}[\p{L}\p{M}'’]*|\d+(?:[.,]\d+)*/gu;
const URL_LINE = /^\s*(?:https?\s*:|www\s*\.)/i;
const SENTENCE_BREAK = /(?<=[.!?])\s+(?=["'“‘(]?\p{Lu})|\n+/u;

/**
 * A light suffix stripper (plural, -ing, -ed, -ly, -ies). Porter's full
 * algorithm buys little here: both sides of every comparison are stemmed alike.
 */
export function stem(word: string): string {
  let w = word;
  if (w.length > 4 && w.endsWith('ies')) return `${w.slice(0, -3)}y`;
  if (w.length > 5 && w.endsWith('ing')) w = w.slice(0, -3);
  else if (w.length > 4 && w.endsWith('ed') && !w.endsWith('eed')) w = w.slice(0, -2);
  else if (w.length > 4 && w.endsWith('ly')) w = w.slice(0, -2);
  else if (w.length > 3 && w.endsWith('es') && /(?:ss|sh|ch|x|z)es$/.test(w)) w = w.slice(0, -2);
  else if (w.length > 3 && w.endsWith('s') && !w.endsWith('ss') && !w.endsWith('us') && !w.endsWith('is')) w = w.slice(0, -1);
  // "captured"/"capture", "riding"/"ride": drop a final e so both meet.
  if (w.length > 4 && w.endsWith('e')) w = w.slice(0, -1);
  return w;
}

function add(bag: Bag, key: string, n = 1): void {
  bag.set(key, (bag.get(key) ?? 0) + n);
}

function isCapitalised(token: string): boolean {
  const c = token.charCodeAt(0);
  return token[0] !== token[0]!.toLowerCase() || (c >= 0x41 && c <= 0x5a);
}

function isNumber(token: string): boolean {
  const c = token.charCodeAt(0);
  return c >= 0x30 && c <= 0x39;
}

interface Token {
  text: string;
  /** Lower case and folded (accents stripped), without a possessive or an elided article. */
  lower: string;
  /** Starts with a digit. */
  number: boolean;
  /** Starts with a capital (never a number). */
  capital: boolean;
  /** First word of its sentence, or in a Title Case line: capitalisation is not evidence of a name there. */
  weakCapital: boolean;
}

/** Lower case, folded, without a possessive 's and without apostrophes ("Putin's" → "putin"). */
function lowerWord(text: string): string {
  const lower = fold(text);
  return lower.includes("'") || lower.includes('’') ? lower.replace(/[’']s$/, '').replace(/[’']/g, '') : lower;
}

function tokenizeSentence(sentence: string, lang: string): Token[] {
  const raw = sentence.match(TOKEN) ?? [];
  const tokens: Token[] = new Array<Token>(raw.length);
  let words = 0;
  let capitals = 0;
  for (let i = 0; i < raw.length; i++) {
    const text = withoutElision(raw[i]!, lang);
    const number = isNumber(text);
    const capital = !number && isCapitalised(text);
    if (!number) words++;
    if (capital) capitals++;
    tokens[i] = { text, lower: lowerWord(text), number, capital, weakCapital: false };
  }
  const titleCase = words >= TITLE_CASE_MIN_WORDS && capitals / words >= TITLE_CASE_SHARE;
  let firstWord = true;
  for (const t of tokens) {
    t.weakCapital = titleCase || (!t.number && firstWord);
    if (!t.number) firstWord = false;
  }
  return tokens;
}

function numberFeature(token: string, lang: string): string | undefined {
  const digits = token.replace(/[.,]/g, '');
  if (digits.length > MAX_NUMBER_DIGITS) return undefined;
  // "30, 000" in detokenised text is two tokens; "30,000" (or "30.000" where the comma is the decimal mark) is one number.
  const value = numberValue(token, lang);
  if (!Number.isFinite(value)) return undefined;
  if (/^\d{4}$/.test(token) && value >= 1800 && value <= 2100) return `y:${token}`;
  return `n:${value}`;
}

/** How an article's language reads its words: which are stop words, which capitals are names. */
interface Reading {
  lang: string;
  stopWords: ReadonlySet<string>;
}

function isStopWord(lower: string, r: Reading): boolean {
  return r.stopWords.has(lower) || ENGLISH_STOP_WORDS.has(lower) || FURNITURE_WORDS.has(lower);
}

/**
 * The date anchor of a token (or of the token and the next, for a weekday of two words), and how many
 * tokens it spans. English month names count capitalised only, and never one that is also a function
 * word ("may", "May"): a modal verb far more often than a month.
 */
function calendarAnchor(tokens: Token[], i: number, r: Reading): { key: string; span: number } | undefined {
  const { lang } = r;
  const t = tokens[i]!;
  let word = t.lower;
  let span = 1;
  const next = tokens[i + 1];
  if (next !== undefined && startsCalendarName(word) && calendarWord(`${word} ${next.lower}`, lang) !== undefined) {
    word = `${word} ${next.lower}`;
    span = 2;
  }
  const c = calendarWord(word, lang);
  if (c === undefined) return undefined;
  if (c.kind === 'weekday') return { key: `d:${WEEKDAY_KEYS[c.index]}`, span };
  const ownLanguage = lang !== 'en' && c.languages.includes(lang);
  // A month name that is also a function word ("may") is read as the function word.
  const counts = ownLanguage || (t.capital && !isStopWord(word, r));
  return counts ? { key: `m:${MONTH_KEYS[c.index]}`, span } : undefined;
}

/** The token as a name (lower case) when it is one: capitalised where capitals mean something, never seen in lower case. */
function nameOf(t: Token, seen: CapitalEvidence, r: Reading): string | undefined {
  if (!t.capital) return undefined;
  const lower = t.lower;
  if (lower.length < MIN_TERM_LENGTH || isStopWord(lower, r)) return undefined;
  if (seen.lower.has(lower) || seen.nouns.has(lower) || hasNounEnding(lower, r.lang)) return undefined;
  return !t.weakCapital || seen.strongCapital.has(lower) ? lower : undefined;
}

/** What the whole article says about its capitalised words. */
interface CapitalEvidence {
  /** Words seen in lower case anywhere: common words, whatever their capitals elsewhere. */
  lower: Set<string>;
  /** Words seen capitalised mid-sentence: names, even at the start of a sentence. */
  strongCapital: Set<string>;
  /** In languages that capitalise nouns: words seen after an article or determiner, so common nouns. */
  nouns: Set<string>;
}

function capitalEvidence(sentences: { tokens: Token[] }[], r: Reading): CapitalEvidence {
  const seen: CapitalEvidence = { lower: new Set(), strongCapital: new Set(), nouns: new Set() };
  const markNouns = capitalisesNouns(r.lang);
  // (URL words count here too, so a name seen in the page's URL is not an anchor: see docs/cluster.md.)
  for (const { tokens } of sentences) {
    let afterMarker = false;
    for (const t of tokens) {
      if (t.number) continue;
      if (!t.capital) seen.lower.add(t.lower);
      else if (!t.weakCapital) seen.strongCapital.add(t.lower);
      if (!markNouns) continue;
      // "der neue Präsident": the first capitalised word after an article, past its adjectives, is a noun.
      if (t.capital && afterMarker) {
        seen.nouns.add(t.lower);
        afterMarker = false;
      }
      if (isNounMarker(t.lower, r.lang)) afterMarker = true;
    }
  }
  return seen;
}

/** How far into the body a repeated headline is looked for (a URL line or a kicker may come first). */
const TITLE_SEARCH_CHARS = 600;

/** Whether the body opens with the headline (or with the sentence a shortened headline was cut from). */
function repeatsTitle(text: string, title: string): boolean {
  const head = title.replace(/\s*(?:…|\.\.\.)$/, '').trim();
  return head.length > 0 && text.slice(0, TITLE_SEARCH_CHARS + head.length).includes(head);
}

/**
 * Terms and anchors of one article; deterministic and free of I/O. `language` is the article's
 * (Article.language); without it, or when it is "und", the language is told from the text.
 */
export function extractFeatures(whole: string, title?: string, language?: string): ClusterFeatures {
  const text = whole.length > MAX_FEATURE_CHARS ? whole.slice(0, MAX_FEATURE_CHARS) : whole;
  const lang = language && language !== 'und' ? language : detectLanguage(`${title ?? ''}\n${text}`);
  const r: Reading = { lang, stopWords: stopWordsOf(lang) };
  const terms: Bag = new Map();
  const anchors: Bag = new Map();
  const sentences: { tokens: Token[]; weight: number }[] = [];
  // A body that repeats its headline (as extraction keeps it) has counted it once already.
  const titleWeight = title && repeatsTitle(text, title) ? TITLE_WEIGHT - 1 : TITLE_WEIGHT;
  if (title) for (const s of title.split(SENTENCE_BREAK)) sentences.push({ tokens: tokenizeSentence(s, lang), weight: titleWeight });
  for (const s of text.split(SENTENCE_BREAK)) {
    // A URL's words say what the page is about, but its numbers are ids and its capitals are noise.
    if (URL_LINE.test(s)) sentences.push({ tokens: tokenizeSentence(s.toLowerCase(), lang).filter((t) => !t.number), weight: 1 });
    else sentences.push({ tokens: tokenizeSentence(s, lang), weight: 1 });
  }
  const seen = capitalEvidence(sentences, r);

  for (const { tokens, weight } of sentences) {
    for (let i = 0; i < tokens.length; i++) {
      const t = tokens[i]!;
      if (t.number) {
        const f = numberFeature(t.text, lang);
        if (f) add(anchors, f, weight);
        continue;
      }
      // Reports of one event name the same weekday and month ("on Saturday", "in March"): date anchors.
      const date = calendarAnchor(tokens, i, r);
      if (date !== undefined) {
        add(anchors, date.key, weight);
        i += date.span - 1;
        continue;
      }
      const lower = t.lower;
      if (lower.length < MIN_TERM_LENGTH || isStopWord(lower, r)) continue;
      add(terms, stem(lower), weight);
      const name = nameOf(t, seen, r);
      if (name) add(anchors, `e:${name.slice(0, NAME_KEY_LETTERS)}`, weight);
    }
  }
  return { terms, anchors, language: lang };
}
