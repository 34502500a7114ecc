import type { AnalyzedArticle } from '../types.js';
import { combine, hashString } from './hash.js';
import { minhashSignature } from './minhash.js';
import type { RelateSettings } from './settings.js';
import { digitNumbers, maskQuotes, splitSentences, stem, STOP_WORDS, words } from './text.js';

/**
 * What relate keeps of an article: small sketches for copies and one
 * fingerprint per sentence for rewrites and translations. Profiles, not
 * articles, are what DerivationIndex stores, so they are kept compact.
 */

/** Kinds of sentence features, and how much a shared one counts: numbers and quotes pin a fact down far more than a common word. */
export const FEATURE_KIND = { term: 0, entity: 1, number: 2, quote: 3 } as const;
/** Quotes weigh least: independent reports quote the same statements word for word. */
export const KIND_WEIGHT: readonly number[] = [1, 2, 3, 1];

/** Words shorter than this are not content terms. */
const MIN_TERM_LENGTH = 3;
/** A sentence with fewer features than this is furniture or a fragment and is not aligned. */
const MIN_SENTENCE_FEATURES = 2;
/** Words per quote feature: pairs survive the small wording changes of translation. */
const QUOTE_GRAM = 2;

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
  /** MinHash signature of the shingles: estimates resemblance, feeds the LSH bands. */
  signature: Uint32Array;
  sentences: SentenceFingerprint[];
  /** Traces of machine translation found in the text (see mtTraces). */
  mtTraces: number;
}

/** Distinct shingle hashes of a token stream. */
export function shingleHashes(tokens: string[], k: number): Set<number> {
  const out = new Set<number>();
  if (tokens.length === 0) return out;
  if (tokens.length < k) {
    out.add(hashString(tokens.join(' ')));
    return out;
  }
  const th = tokens.map((t) => hashString(t));
  for (let i = 0; i + k <= th.length; i++) {
    let h = 0x2545f491;
    for (let j = 0; j < k; j++) h = combine(h, th[i + j]!);
    out.add(h);
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

/**
 * Tells-tale signs of machine translation into English, counted per article:
 * clipped sentence fragments left where an idiom did not translate ("Admit it.",
 * "Giving priority."), German/French quotation marks, decimal commas, and
 * calques of German press titles ("Kremlin chief").
 */
export function mtTraces(text: string): number {
  let n = 0;
  for (const s of splitSentences(text)) {
    const w = words(s);
    if (w.length > 0 && w.length <= 2 && /[.]$/.test(s) && /^\p{Lu}/u.test(s)) n++;
  }
  n += (text.match(/„/g) ?? []).length > 0 ? 1 : 0;
  n += (text.match(/\b\d+,\d{1,2}\s?(?:metres?|meters?|km|kilometres?|kilometers?|percent|%|million|billion)/g) ?? []).length;
  n += (text.match(/\b(?:Kremlin chief|head of state Putin|Chancellor of the Federal)\b/g) ?? []).length > 0 ? 1 : 0;
  return n;
}

interface RawFeature {
  hash: number;
  kind: number;
}

/** Sentences a quotation may run across before its missing closing mark is assumed. */
const MAX_QUOTE_SENTENCES = 4;

interface Segmented {
  text: string;
  outside: string;
  quotes: string[];
}

/**
 * Splits each sentence into its own words and the words it quotes, carrying
 * an open quotation over sentence breaks (quotes of several sentences are
 * common; "…" toggles, curly and angle marks open and close).
 */
export function segmentQuotes(sentences: string[]): Segmented[] {
  let open = false;
  let openFor = 0;
  return sentences.map((text) => {
    if (open && ++openFor > MAX_QUOTE_SENTENCES) open = false;
    let outside = '';
    const quotes: string[] = [];
    let cur = '';
    for (const ch of text) {
      let toggle = false;
      if (ch === '"') toggle = true;
      else if (ch === '“' || ch === '„' || ch === '«') toggle = !open;
      else if (ch === '”' || ch === '»') toggle = open;
      if (ch === '“' && open) toggle = true; // German closing mark
      if (!toggle) {
        cur += ch;
        continue;
      }
      if (open) quotes.push(cur);
      else outside += cur;
      cur = ' ';
      open = !open;
      openFor = 0;
    }
    if (open) quotes.push(cur);
    else outside += cur;
    return { text, outside, quotes: quotes.filter((q) => q.trim().length > 0) };
  });
}

/** The features of one sentence: entities, numbers and terms of its own words; word pairs of what it quotes. */
function sentenceFeatures(seg: Segmented, extra: RawFeature[]): SentenceFingerprint {
  const feats = new Map<number, number>();
  const add = (key: string, kind: number): void => {
    const h = hashString(key);
    const prev = feats.get(h);
    if (prev === undefined || KIND_WEIGHT[kind]! > KIND_WEIGHT[prev]!) feats.set(h, kind);
  };
  for (const f of extra) {
    const prev = feats.get(f.hash);
    if (prev === undefined || KIND_WEIGHT[f.kind]! > KIND_WEIGHT[prev]!) feats.set(f.hash, f.kind);
  }
  const text = seg.outside;
  // Proper-noun-like words (capitalised, not sentence-initial) stand in for entities when the analyzer found none.
  const rawWords = [...text.matchAll(/[\p{L}][\p{L}\p{N}'’-]*/gu)];
  rawWords.forEach((m, i) => {
    if (i > 0 && /^\p{Lu}/u.test(m[0]) && !STOP_WORDS.has(m[0].toLowerCase())) add(`e:${stem(words(m[0])[0] ?? '')}`, FEATURE_KIND.entity);
  });
  for (const v of digitNumbers(text)) add(`n:${Math.round(v * 1000) / 1000}`, FEATURE_KIND.number);
  for (const q of seg.quotes) {
    const qw = words(q).filter((w) => !STOP_WORDS.has(w)).map(stem);
    if (qw.length === 1) add(`q:${qw[0]}`, FEATURE_KIND.quote);
    for (let i = 0; i + QUOTE_GRAM <= qw.length; i++) add(`q:${qw.slice(i, i + QUOTE_GRAM).join(' ')}`, FEATURE_KIND.quote);
  }
  for (const t of words(text)) {
    if (t.length < MIN_TERM_LENGTH || STOP_WORDS.has(t) || /^\d/.test(t)) continue;
    add(`t:${stem(t)}`, FEATURE_KIND.term);
  }
  const sorted = [...feats.keys()].sort((a, b) => a - b);
  return { text: seg.text, features: Uint32Array.from(sorted), kinds: Uint8Array.from(sorted.map((h) => feats.get(h)!)) };
}

/** Analyzer facts per sentence index: entity keys and number values, as extra features. */
function analyzerFeatures(a: AnalyzedArticle): Map<number, RawFeature[]> {
  const out = new Map<number, RawFeature[]>();
  const push = (i: number, f: RawFeature): void => {
    const list = out.get(i);
    if (list) list.push(f);
    else out.set(i, [f]);
  };
  for (const e of a.entities) if (e.key) push(e.sentence, { hash: hashString(`e:${e.key}`), kind: FEATURE_KIND.entity });
  for (const n of a.numbers) if (Number.isFinite(n.value)) push(n.sentence, { hash: hashString(`n:${Math.round(n.value * 1000) / 1000}`), kind: FEATURE_KIND.number });
  return out;
}

export function buildProfile(a: AnalyzedArticle, s: RelateSettings): ArticleProfile {
  const art = a.article;
  const tokens = words(maskQuotes(art.text));
  const shingles = shingleHashes(tokens, s.shingleSize);
  const sample = Uint32Array.from([...shingles].filter((h) => h % s.sampleMod === 0).sort((x, y) => x - y));
  const extra = analyzerFeatures(a);
  const source = a.sentences.length > 0 ? a.sentences.map((x) => ({ text: x.text, index: x.index })) : art.paragraphs.map((p, i) => ({ text: p, index: i }));
  const parts: { text: string; extra: RawFeature[] }[] = [];
  for (const sent of source) {
    splitSentences(sent.text).forEach((part, j) => parts.push({ text: part, extra: j === 0 ? (extra.get(sent.index) ?? []) : [] }));
  }
  const segmented = segmentQuotes(parts.map((p) => p.text));
  const sentences: SentenceFingerprint[] = [];
  segmented.forEach((seg, i) => {
    const fp = sentenceFeatures(seg, parts[i]!.extra);
    if (fp.features.length >= MIN_SENTENCE_FEATURES) sentences.push(fp);
  });
  const published = art.publishedAt ? Date.parse(art.publishedAt) : NaN;
  return {
    id: art.id,
    publishedAt: Number.isFinite(published) ? published : undefined,
    language: art.language || 'und',
    attribution: normaliseAttribution(art.attribution),
    shingleCount: shingles.size,
    sample,
    signature: minhashSignature(shingles, s.permutations),
    sentences,
    mtTraces: mtTraces(art.text),
  };
}
