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
   * `m:<month>` (first three letters) for dates.
   */
  anchors: Bag;
}

/** Title words say what the article is about more reliably than body words: counted twice. */
const TITLE_WEIGHT = 2;
/** Shorter tokens are mostly noise (initials, fragments of detokenised URLs). */
const MIN_TERM_LENGTH = 3;
/** Longer digit strings are ids, phone numbers or URL fragments, not facts. */
const MAX_NUMBER_DIGITS = 6;
/** A line whose words are mostly capitalised is a Title Case headline: capitals there prove nothing. */
const TITLE_CASE_SHARE = 0.6;
const TITLE_CASE_MIN_WORDS = 3;

// Function words and reporting verbs: frequent in every story, never evidence of one.
const STOP_WORDS = new Set(
  `a about above after again against all almost also although am among an and another any are around as at
  back be became because become been before being below between both but by can cannot could did do does doing
  done down during each either else even ever every few for from further get gets got had has have having he her
  here hers herself him himself his how however i if in into is it its itself just last least less like made make
  many may me might more most much must my myself near neither never new next no nor not now of off often on once
  one only or other others our ours ourselves out over own per perhaps put rather said same say says saying see
  seen several she should since so some still such than that the their theirs them themselves then there these
  they this those though through thus to told too toward towards under until up upon us very via was we were what
  whatever when where whether which while who whom whose why will with within without would yet you your yours
  yourself also according mr mrs ms dr st jr sr inc ltd co http https www com org net html htm php asp aspx index
  amp nbsp reuters ap afp cnn bbc news today yesterday tomorrow week weeks year years day days month months time
  times people report reports reported reporting story stories article update updated updates posted published
  print comments comment share email read reading more`.split(/\s+/),
);

const MONTHS = new Set([
  'january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december',
  'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec',
]);
const WEEKDAYS = new Set(['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday']);

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
  lower: string;
  /** Starts with a digit. */
  number: boolean;
  /** Starts with a capital (never a number). */
  capital: boolean;
  /** First word of its sentence, or in a Title Case line: capitalisation is not evidence of a name there. */
  weakCapital: boolean;
}

/** Lower case without a possessive 's and without apostrophes ("Putin's" → "putin"). */
function lowerWord(text: string): string {
  const lower = text.toLowerCase();
  return lower.includes("'") || lower.includes('’') ? lower.replace(/[’']s$/, '').replace(/[’']/g, '') : lower;
}

function tokenizeSentence(sentence: string): Token[] {
  const raw = sentence.match(TOKEN) ?? [];
  const tokens: Token[] = new Array<Token>(raw.length);
  let words = 0;
  let capitals = 0;
  for (let i = 0; i < raw.length; i++) {
    const text = raw[i]!;
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

function numberFeature(token: string): string | undefined {
  const digits = token.replace(/[.,]/g, '');
  if (digits.length > MAX_NUMBER_DIGITS) return undefined;
  // "30, 000" in detokenised text and "30,000" are one number; commas are thousands separators.
  const value = Number(token.replace(/,/g, ''));
  if (!Number.isFinite(value)) return undefined;
  if (/^\d{4}$/.test(token) && value >= 1800 && value <= 2100) return `y:${token}`;
  return `n:${value}`;
}

/** The token as a name (lower case) when it is one: capitalised where capitals mean something, never seen in lower case. */
function nameOf(t: Token, lowerSeen: Set<string>, strongCapitalSeen: Set<string>): string | undefined {
  if (!t.capital) return undefined;
  const lower = t.lower;
  if (lower.length < MIN_TERM_LENGTH || STOP_WORDS.has(lower) || MONTHS.has(lower) || WEEKDAYS.has(lower)) return undefined;
  if (lowerSeen.has(lower)) return undefined;
  return !t.weakCapital || strongCapitalSeen.has(lower) ? lower : undefined;
}

/** Terms and anchors of one article; deterministic and free of I/O. */
export function extractFeatures(text: string, title?: string): ClusterFeatures {
  const terms: Bag = new Map();
  const anchors: Bag = new Map();
  const sentences: { tokens: Token[]; weight: number }[] = [];
  if (title) for (const s of title.split(SENTENCE_BREAK)) sentences.push({ tokens: tokenizeSentence(s), weight: TITLE_WEIGHT });
  for (const s of text.split(SENTENCE_BREAK)) {
    // A URL's words say what the page is about, but its numbers are ids and its capitals are noise.
    if (URL_LINE.test(s)) sentences.push({ tokens: tokenizeSentence(s.toLowerCase()).filter((t) => !t.number), weight: 1 });
    else sentences.push({ tokens: tokenizeSentence(s), weight: 1 });
  }

  // Words seen in lower case anywhere are common words, whatever their capitals elsewhere;
  // words seen capitalised mid-sentence are names, even at the start of a sentence.
  const lowerSeen = new Set<string>();
  const strongCapitalSeen = new Set<string>();
  // (URL words count here too, so a name seen in the page's URL is not an anchor: see docs/cluster.md.)
  for (const { tokens } of sentences) {
    for (const t of tokens) {
      if (t.number) continue;
      if (!t.capital) lowerSeen.add(t.lower);
      else if (!t.weakCapital) strongCapitalSeen.add(t.lower);
    }
  }

  for (const { tokens, weight } of sentences) {
    for (const t of tokens) {
      if (t.number) {
        const f = numberFeature(t.text);
        if (f) add(anchors, f, weight);
        continue;
      }
      const lower = t.lower;
      if (lower.length < MIN_TERM_LENGTH || STOP_WORDS.has(lower)) continue;
      // Reports of one event name the same weekday and month ("on Saturday", "in March"): date anchors.
      if (WEEKDAYS.has(lower)) {
        add(anchors, `d:${lower}`, weight);
        continue;
      }
      if (MONTHS.has(lower)) {
        // Capitalised only: "may" is a verb far more often than a month.
        if (t.capital) add(anchors, `m:${lower.slice(0, 3)}`, weight);
        continue;
      }
      add(terms, stem(lower), weight);
      const name = nameOf(t, lowerSeen, strongCapitalSeen);
      if (name) add(anchors, `e:${name}`, weight);
    }
  }
  return { terms, anchors };
}
