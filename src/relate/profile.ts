import type { AnalyzedArticle } from '../types.js';
import { combine, hashString } from './hash.js';
import { minhashSignature } from './minhash.js';
import type { RelateSettings } from './settings.js';
import { charClass, UPPER } from '../analyze/chars.js';
import { distinctFeatures, forEachName } from './features.js';
import { capitalisesNouns, fold, hasNounEnding, isNounMarker } from '../lang/index.js';
import { countWords, digitNumbers, isStopWord, splitSentences, stem, words } from './text.js';
import { forEachWord, type WordInfo } from './vocabulary.js';

/**
 * What relate keeps of an article: small sketches for copies and one
 * fingerprint per sentence for rewrites and translations. Profiles, not
 * articles, are what DerivationIndex stores, so they are kept compact.
 */

/**
 * Kinds of sentence features. `entity` is a capitalised word of the text and `analyzedEntity` an
 * entity key of the analyze stage: the first reads the same in any language, the second depends on
 * how the analyzer (trained on English) reads the text. `cognate` is a word's first letters (see
 * vocabulary.ts), compared only across languages.
 */
export const FEATURE_KIND = { term: 0, entity: 1, number: 2, quote: 3, cognate: 4, analyzedEntity: 5 } as const;
/**
 * How much a shared feature of each kind counts (term, entity, number, quote, cognate, analyzed entity):
 * numbers and names pin a fact down more than a common word. Quoted words only
 * ever add a bounded bonus (align.ts), since independent reports quote the
 * same statements word for word.
 */
export const KIND_WEIGHT: readonly number[] = [1, 2, 3, 1, 1, 2];

/** One shingle in this many becomes an index key for partial copies. */
export const ANCHOR_MOD = 32;
/** The smallest content shingles are anchors too, whatever their hash. */
const ANCHOR_BOTTOM_K = 4;
/** Content words an anchor shingle needs. */
const MIN_ANCHOR_CONTENT_WORDS = 3;
/** A sentence with fewer features than this is furniture or a fragment and is not aligned. */
const MIN_SENTENCE_FEATURES = 2;
/** Words per quote feature: pairs survive the small wording changes of translation. */
const QUOTE_GRAM = 2;

/** All sentence fingerprints of an article, packed into three arrays: a stored profile is a handful of objects, not hundreds. */
export interface SentenceFingerprints {
  texts: string[];
  /** Sorted, distinct feature hashes of each sentence, one sentence after another. */
  features: Uint32Array;
  /** FEATURE_KIND of each feature, parallel to features. */
  kinds: Uint8Array;
  /** Sentence i owns features[offsets[i] .. offsets[i + 1]). */
  offsets: Uint32Array;
}

function pack(list: SentenceFingerprint[]): SentenceFingerprints {
  const total = list.reduce((n, x) => n + x.features.length, 0);
  const features = new Uint32Array(total);
  const kinds = new Uint8Array(total);
  const offsets = new Uint32Array(list.length + 1);
  let at = 0;
  list.forEach((x, i) => {
    features.set(x.features, at);
    kinds.set(x.kinds, at);
    at += x.features.length;
    offsets[i + 1] = at;
  });
  return { texts: list.map((x) => x.text), features, kinds, offsets };
}

/** One sentence's fingerprint while a profile is built. */
export interface SentenceFingerprint {
  text: string;
  /** Sorted, distinct feature hashes. */
  features: Uint32Array;
  /** FEATURE_KIND of each feature, parallel to features. */
  kinds: Uint8Array;
}

export interface ArticleProfile {
  id: string;
  /** ms since epoch, when known. */
  publishedAt?: number;
  language: string;
  /** Normalised wire credit ("krone", "ap"), when extraction found one. */
  attribution?: string;
  /** Distinct shingles of the quote-masked body. */
  shingleCount: number;
  /** Sorted shingle hashes with hash % sampleMod === 0: estimates containment. */
  sample: Uint32Array;
  /** Index keys for partial and truncated copies (see anchorShingles). */
  anchors: Uint32Array;
  /** MinHash signature of the shingles: estimates resemblance, feeds the LSH bands. */
  signature: Uint32Array;
  sentences: SentenceFingerprints;
  /** Traces of machine translation found in the text (see mtTraces). */
  mtTraces: number;
}

/** A token no shingle may span: stands where a quotation was cut out. */
export const BREAK = '\u0000';

/** Calls fn(hash, first) for every k-word window of the tokens that spans no BREAK. */
function forEachShingle(tokens: string[], k: number, fn: (hash: number, first: number) => void, th: ArrayLike<number> = tokenHashes(tokens)): void {
  let lastBreak = -1;
  for (let i = 0; i < tokens.length; i++) {
    if (tokens[i] === BREAK) {
      lastBreak = i;
      continue;
    }
    const first = i - k + 1;
    if (first <= lastBreak) continue;
    let h = 0x2545f491;
    for (let j = first; j <= i; j++) h = combine(h, th[j]!);
    fn(h, first);
  }
}

function tokenHashes(tokens: string[]): number[] {
  return tokens.map((t) => hashString(t));
}

/** Distinct shingle hashes of a token stream; windows spanning a BREAK are skipped. th: the tokens' hashes, when already computed. */
export function shingleHashes(tokens: string[], k: number, th?: ArrayLike<number>): Set<number> {
  const out = new Set<number>();
  const real = tokens.filter((t) => t !== BREAK);
  if (real.length === 0) return out;
  if (real.length < k) {
    out.add(hashString(real.join(' ')));
    return out;
  }
  forEachShingle(tokens, k, (h) => out.add(h), th);
  return out;
}

/**
 * Shingles an index may file the article under: those with hash % ANCHOR_MOD
 * === 0 (a shared run of paragraphs in a long text hits one), plus the
 * ANCHOR_BOTTOM_K smallest (a truncated copy of a short text keeps the
 * smallest of its origin's with high probability). Only shingles carrying at
 * least MIN_ANCHOR_CONTENT_WORDS content words qualify: "one of the most" is in
 * every corpus and would make everything a candidate of everything.
 * `content`: sorted, distinct hashes of the qualifying shingles.
 */
function anchorShingles(content: Uint32Array): Uint32Array {
  let n = 0;
  const out = new Uint32Array(content.length);
  content.forEach((h, i) => {
    if (i < ANCHOR_BOTTOM_K || h % ANCHOR_MOD === 0) out[n++] = h;
  });
  return out.slice(0, n);
}

/** The values of a sorted array that are multiples of mod (Broder's MOD-m sample), still sorted. */
function sampleOf(sorted: Uint32Array, mod: number): Uint32Array {
  const out = new Uint32Array(sorted.length);
  let n = 0;
  // A power of two tests by mask: a remainder of a uint32 costs an integer division.
  const mask = Number.isInteger(mod) && mod > 0 && mod <= 2 ** 30 && (mod & (mod - 1)) === 0 ? mod - 1 : -1;
  for (let i = 0; i < sorted.length; i++) {
    const h = sorted[i]!;
    if (mask >= 0 ? (h & mask) === 0 : h % mod === 0) out[n++] = h;
  }
  return out.slice(0, n);
}

/** The first n values of a, sorted, without repeats (a is sorted in place). */
function sortedDistinct(a: Uint32Array, n: number): Uint32Array {
  const sorted = a.subarray(0, n).sort();
  let m = 0;
  for (let i = 0; i < n; i++) if (m === 0 || sorted[i] !== sorted[m - 1]) sorted[m++] = sorted[i]!;
  return sorted.slice(0, m);
}

interface ShingleSketch {
  /** Sorted, distinct shingle hashes (what shingleHashes gives, as a sorted array). */
  all: Uint32Array;
  /** Sorted, distinct hashes of the shingles with enough content words to be anchors. */
  content: Uint32Array;
}

/** The shingles of a token stream and those of them that may be anchors, in one pass over its windows. */
function shingleSketch(stream: TokenStream, k: number): ShingleSketch {
  const { tokens, hashes: th, content: isContent } = stream;
  let real = 0;
  for (const t of tokens) if (t !== BREAK) real++;
  if (real < k) return { all: Uint32Array.from(shingleHashes(tokens, k, th)), content: new Uint32Array(0) };
  const all = new Uint32Array(tokens.length);
  const content = new Uint32Array(tokens.length);
  let na = 0;
  let nc = 0;
  forEachShingle(tokens, k, (h, first) => {
    all[na++] = h;
    let words = 0;
    for (let j = first; j < first + k; j++) if (isContent[j]) words++;
    if (words >= MIN_ANCHOR_CONTENT_WORDS) content[nc++] = h;
  }, th);
  return { all: sortedDistinct(all, na), content: sortedDistinct(content, nc) };
}

/** The words of the text outside quotations, a BREAK where each quotation was. */
export function unquotedTokens(text: string, mask: Uint8Array = quoteMask(text)): string[] {
  return tokenStream(text, mask).tokens;
}

/** unquotedTokens, with each token's hash and whether it is a content word (a BREAK: hash 0, no content). */
interface TokenStream {
  tokens: string[];
  hashes: number[];
  content: boolean[];
  /** The words alone (no BREAKs), and where each stands in the text. */
  words: WordInfo[];
  starts: number[];
  ends: number[];
  /**
   * Whether lower-casing keeps every character in place and out of context:
   * then a span's words are the stream's words inside it. Only the dotted
   * capital I grows when lower-cased, and only the capital sigma looks at its
   * neighbours (ς at a word's end).
   */
  aligned: boolean;
}

/** Characters whose lower case is longer, or depends on the text around. */
const CONTEXTUAL_CASE = /[\u0130\u03a3]/;

function tokenStream(text: string, mask: Uint8Array): TokenStream {
  const stream: TokenStream = { tokens: [], hashes: [], content: [], words: [], starts: [], ends: [], aligned: !CONTEXTUAL_CASE.test(text) };
  let offset = 0;
  const visit = (w: WordInfo, start: number, end: number): void => {
    stream.tokens.push(w.word);
    stream.hashes.push(w.hash);
    stream.content.push(w.content);
    stream.words.push(w);
    stream.starts.push(offset + start);
    stream.ends.push(offset + end);
  };
  if (mask.indexOf(1) < 0) {
    forEachWord(text.toLowerCase(), visit);
    return stream;
  }
  let start = 0;
  for (let i = 0; i <= text.length; i++) {
    if (i < text.length && mask[i] === mask[start]) continue;
    if (mask[start] === 1) {
      stream.tokens.push(BREAK);
      stream.hashes.push(0);
      stream.content.push(false);
    } else {
      offset = start;
      forEachWord(text.slice(start, i).toLowerCase(), visit);
    }
    start = i;
  }
  return stream;
}

/**
 * The stream's words inside text[from, to), from word `first` on; undefined
 * when the stream cannot tell (a word crosses an end, or lower-casing moved
 * characters), and the words must be read from the span's own text.
 */
function wordsWithin(stream: TokenStream, first: number, from: number, to: number): WordInfo[] | undefined {
  if (!stream.aligned) return undefined;
  const { starts, ends } = stream;
  if (first < starts.length && starts[first]! < from) return undefined;
  const out: WordInfo[] = [];
  for (let q = first; q < starts.length && starts[q]! < to; q++) {
    if (ends[q]! > to) return undefined;
    out.push(stream.words[q]!);
  }
  return out;
}

function normaliseAttribution(s: string | undefined): string | undefined {
  if (!s) return undefined;
  const key = words(s)
    .filter((w) => !['source', 'sources', 'by', 'via', 'with', 'input', 'inputs', 'the'].includes(w))
    .join(' ');
  return key.length > 0 ? key : undefined;
}

/** A measure with a decimal comma ("42,7 metres"), as German and French write it. */
const DECIMAL_COMMA_MEASURE = /\b\d+,\d{1,2}\s?(?:metres?|meters?|km|kilometres?|kilometers?|percent|%|million|billion)/g;
/** German press titles translated word for word. */
const PRESS_TITLE_CALQUE = /\b(?:Kremlin chief|head of state Putin|Chancellor of the Federal)\b/;

/**
 * Tells-tale signs of machine translation into English, counted per article:
 * clipped sentence fragments left where an idiom did not translate ("Admit it.",
 * "Giving priority."), German/French quotation marks, decimal commas, and
 * calques of German press titles ("Kremlin chief").
 */
export function mtTraces(text: string): number {
  let n = 0;
  for (const s of splitSentences(text)) {
    // The cheap tests first: a word count needs a scan.
    if (!s.endsWith('.') || (charClass(s, 0) & UPPER) === 0) continue;
    const w = countWords(s, 3);
    if (w > 0 && w <= 2) n++;
  }
  n += text.includes('„') ? 1 : 0;
  n += (text.match(DECIMAL_COMMA_MEASURE) ?? []).length;
  n += PRESS_TITLE_CALQUE.test(text) ? 1 : 0;
  return n;
}

interface RawFeature {
  hash: number;
  kind: number;
  /** The mention as written: a fact named only inside a quotation is the speaker's, not the sentence's own. */
  text: string;
}

/** Paragraphs a quotation may run across before its missing closing mark is assumed. */
const MAX_QUOTE_PARAGRAPHS = 4;
/** Longest quotation believed (about 100 words); longer runs come from stray marks. */
const MAX_QUOTE_CHARS = 700;
/** Sentences with fewer words are headings, datelines or furniture, not statements worth aligning. */
const MIN_SENTENCE_WORDS = 5;
/** Web addresses and their detokenised remains ("http: / / www.") are not statements. */
const URL_LIKE = /https?:|www\.|\/\s*\/|\.(?:com|html?|org)\b/i;

/** Any mark quoteMask opens or closes a quotation at. */
const QUOTE_MARK = /["“„«”»]/;

/**
 * Marks every character of the text that lies inside a quotation (1) or not
 * (0). Quotations may run over paragraph breaks, as multi-paragraph quotes
 * do; a paragraph opening with a quote mark while one is open continues it.
 * '"' toggles; curly and angle marks open and close.
 */
export function quoteMask(text: string): Uint8Array {
  const mask = new Uint8Array(text.length);
  // Only these marks open or close a quotation: without any, nothing is quoted.
  if (!QUOTE_MARK.test(text)) return mask;
  let open = false;
  let paragraphsOpen = 0;
  let atParagraphStart = true;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === '\n' && text[i + 1] === '\n') {
      atParagraphStart = true;
      if (open && ++paragraphsOpen > MAX_QUOTE_PARAGRAPHS) open = false;
      continue;
    }
    if (atParagraphStart && /\S/.test(ch)) {
      atParagraphStart = false;
      if (open && (ch === '"' || ch === '“' || ch === '„' || ch === '«')) continue; // re-opening mark of a continued quote
    }
    let toggle = false;
    if (ch === '"') toggle = true;
    else if (ch === '“') toggle = true; // opens, or closes a German „…“
    else if (ch === '„' || ch === '«') toggle = !open;
    else if (ch === '”' || ch === '»') toggle = open;
    if (toggle) {
      open = !open;
      paragraphsOpen = 0;
      continue;
    }
    if (open) mask[i] = 1;
  }
  // A "quotation" longer than any real one comes from an unbalanced mark: unmask it.
  let runStart = -1;
  for (let i = 0; i <= mask.length; i++) {
    if (i < mask.length && mask[i] === 1) {
      if (runStart < 0) runStart = i;
    } else if (runStart >= 0) {
      if (i - runStart > MAX_QUOTE_CHARS) mask.fill(0, runStart, i);
      runStart = -1;
    }
  }
  return mask;
}

interface Segmented {
  text: string;
  outside: string;
  quotes: string[];
}

/** Splits a span of the text into its own words and the quotations in it. */
function segment(text: string, mask: Uint8Array, start: number, end: number): Segmented {
  const whole = text.slice(start, end);
  const firstQuoted = mask.subarray(start, end).indexOf(1);
  if (firstQuoted < 0) return { text: whole, outside: whole, quotes: [] };
  // Runs of equal mask, outside runs joined by a space (so no word spans a cut-out quotation).
  let outside = '';
  const quotes: string[] = [];
  let runStart = start;
  let inQuote = false;
  for (let i = start + firstQuoted; i < end; i++) {
    const q = mask[i] === 1;
    if (q === inQuote) continue;
    const run = text.slice(runStart, i);
    if (inQuote) quotes.push(run);
    else outside += `${run} `;
    runStart = i;
    inQuote = q;
  }
  const run = text.slice(runStart, end);
  if (inQuote) quotes.push(run);
  else outside += run;
  return { text: whole, outside, quotes: quotes.filter((x) => x.trim().length > 0) };
}

/**
 * Entity feature hashes of capitalised words already seen: the same names
 * recur in every article, and stemming and hashing them again dominated
 * profile building. A capitalised stop word ("The", "He") is kept as
 * NOT_A_NAME, so a word seen before costs one look-up, not a lower-casing
 * and a second one. Cleared when full, so memory stays bounded in a
 * long-running process.
 */
const KEY_CACHE_MAX = 100_000;
const nameCache = new Map<string, number>();
/** Hashes are uint32: a negative entry marks a stop word. */
const NOT_A_NAME = -1;

/** A capitalised word's entity feature hash (of the word as written), or NOT_A_NAME. */
function nameFeature(raw: string): number {
  let h = nameCache.get(raw);
  if (h === undefined) {
    if (nameCache.size >= KEY_CACHE_MAX) nameCache.clear();
    h = isStopWord(raw.toLowerCase()) ? NOT_A_NAME : hashString(`e:${stem(fold(words(raw)[0] ?? ''))}`);
    nameCache.set(raw, h);
  }
  return h;
}

/**
 * The features of one sentence: entities, numbers and terms of its own words; word pairs of what it quotes.
 * `known`: the words of the sentence's own text (seg.outside), when the article's token stream has them.
 */
function sentenceFeatures(seg: Segmented, extra: RawFeature[], lang: string, known?: WordInfo[]): SentenceFingerprint {
  const hashes: number[] = [];
  const kindsSeen: number[] = [];
  const addHash = (h: number, kind: number): void => {
    hashes.push(h);
    kindsSeen.push(kind);
  };
  const add = (key: string, kind: number): void => addHash(hashString(key), kind);
  for (const f of extra) if (seg.outside.includes(f.text)) addHash(f.hash, f.kind);
  const text = seg.outside;
  // Proper-noun-like words (capitalised, not sentence-initial) stand in for entities when the analyzer found none;
  // where every noun is capitalised (German), not one after an article or with a noun's ending (lang/names.ts).
  const nounsCapitalised = capitalisesNouns(lang);
  forEachName(text, (name, previous) => {
    if (nounsCapitalised && (isNounMarker(previous.toLowerCase(), lang) || hasNounEnding(name, lang))) return;
    const h = nameFeature(name);
    if (h !== NOT_A_NAME) addHash(h, FEATURE_KIND.entity);
  });
  for (const v of digitNumbers(text, lang)) add(`n:${Math.round(v * 1000) / 1000}`, FEATURE_KIND.number);
  for (const q of seg.quotes) {
    const qw = words(q).filter((w) => !isStopWord(w)).map((w) => stem(fold(w)));
    if (qw.length === 1) add(`q:${qw[0]}`, FEATURE_KIND.quote);
    for (let i = 0; i + QUOTE_GRAM <= qw.length; i++) add(`q:${qw.slice(i, i + QUOTE_GRAM).join(' ')}`, FEATURE_KIND.quote);
  }
  const addTerm = (w: WordInfo): void => {
    if (w.term >= 0) addHash(w.term, FEATURE_KIND.term);
    if (w.cognate >= 0) addHash(w.cognate, FEATURE_KIND.cognate);
  };
  if (known !== undefined) known.forEach(addTerm);
  else forEachWord(text.toLowerCase(), addTerm);
  return { text: seg.text, ...distinctFeatures(hashes, kindsSeen, KIND_WEIGHT) };
}

/** Analyzer facts per sentence index: entity keys and number values, as extra features. */
function analyzerFeatures(a: AnalyzedArticle): Map<number, RawFeature[]> {
  const out = new Map<number, RawFeature[]>();
  const push = (i: number, f: RawFeature): void => {
    const list = out.get(i);
    if (list) list.push(f);
    else out.set(i, [f]);
  };
  for (const e of a.entities) if (e.key) push(e.sentence, { hash: hashString(`e:${e.key}`), kind: FEATURE_KIND.analyzedEntity, text: e.text });
  for (const n of a.numbers) if (Number.isFinite(n.value)) push(n.sentence, { hash: hashString(`n:${Math.round(n.value * 1000) / 1000}`), kind: FEATURE_KIND.number, text: n.text });
  return out;
}

export function buildProfile(a: AnalyzedArticle, s: RelateSettings): ArticleProfile {
  const art = a.article;
  const lang = art.language || 'und';
  // What analysis read of a runaway text is what relate compares too: time and memory stay bounded.
  const text = a.analysedChars === undefined ? art.text : art.text.slice(0, a.sentences.at(-1)?.end ?? a.analysedChars);
  const mask = quoteMask(text);
  const stream = tokenStream(text, mask);
  const sketch = shingleSketch(stream, s.shingleSize);
  const shingles = sketch.all;
  const sample = sampleOf(shingles, s.sampleMod);
  const extra = analyzerFeatures(a);
  const source = a.sentences.length > 0 ? a.sentences.map((x) => ({ text: x.text, index: x.index })) : art.paragraphs.map((p, i) => ({ text: p, index: i }));
  const parts: { text: string; extra: RawFeature[] }[] = [];
  for (const sent of source) {
    splitSentences(sent.text).forEach((part) => parts.push({ text: part, extra: extra.get(sent.index) ?? [] }));
  }
  // Each sentence is found in the text (in order) so that quotations spanning sentences are known.
  const sentences: SentenceFingerprint[] = [];
  let cursor = 0;
  // The first word of the stream that ends after the cursor: sentences are found in order.
  let firstWord = 0;
  for (const part of parts) {
    if (countWords(part.text, MIN_SENTENCE_WORDS) < MIN_SENTENCE_WORDS || URL_LIKE.test(part.text)) continue;
    const at = text.indexOf(part.text, cursor);
    let seg: Segmented;
    let known: WordInfo[] | undefined;
    if (at >= 0) {
      seg = segment(text, mask, at, at + part.text.length);
      cursor = at + part.text.length;
      while (firstWord < stream.ends.length && stream.ends[firstWord]! <= at) firstWord++;
      known = wordsWithin(stream, firstWord, at, cursor);
    } else {
      seg = segment(part.text, quoteMask(part.text), 0, part.text.length);
    }
    const fp = sentenceFeatures(seg, part.extra, lang, known);
    if (fp.features.length >= MIN_SENTENCE_FEATURES) sentences.push(fp);
  }
  const published = art.publishedAt ? Date.parse(art.publishedAt) : NaN;
  return {
    id: art.id,
    publishedAt: Number.isFinite(published) ? published : undefined,
    language: lang,
    attribution: normaliseAttribution(art.attribution),
    shingleCount: shingles.length,
    sample,
    anchors: anchorShingles(sketch.content),
    signature: minhashSignature(shingles, s.permutations),
    sentences: pack(sentences),
    mtTraces: mtTraces(text),
  };
}
