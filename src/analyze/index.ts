import type { AnalyzedArticle, Article, DateMention, EntityType, NumberMention, Sentence } from '../types.js';
import { splitClauses } from './clauses.js';
import { findClocks, type ClockMention } from './clock.js';
import { publicationDay, findDates } from './dates.js';
import { bestType, findEntities, votePerson } from './entities.js';
import { tokenizeArticle, type TokenizedSentence } from './nlp.js';
import { findFacts } from './facts/index.js';
import { verbToken, within } from './facts/items.js';
import { findNumbers } from './numbers.js';
import { findAllQuotes, paragraphSpans, type Span } from './quotes.js';
import { findRecords, type RecordMention } from './records.js';
import { isAddressLine, repairBoundaries } from './sentences.js';
import { termsOf, wordTokens } from './terms.js';

/**
 * analyze: Article → AnalyzedArticle. Sentences come from wink-nlp (per
 * paragraph, so none crosses a paragraph break), with offsets into
 * article.text; entities, numbers, dates and quotes come from the rules of
 * the sibling modules, run over those sentences.
 */

/** A one-sentence paragraph without final punctuation and at most this many words is a heading. */
const HEADING_MAX_WORDS = 16;
/** Marks that end a statement (a sentence, a quote, a bracket). */
const FINAL_PUNCTUATION = new Set(['.', '!', '?', '…', ':', ';', '"', '”', '’', '»', ')']);

/**
 * Characters of one article analysis reads: twenty times the longest news
 * article, so a runaway page (a log, a dump) costs seconds, not minutes, and
 * memory stays bounded; the rest is kept in the article, not read for claims.
 */
export const MAX_ANALYSED_CHARS = 1_000_000;

export function analyze(whole: Article): AnalyzedArticle {
  const { article, read } = withinBudget(whole);
  const analysed = analyzeAll(article);
  if (read === undefined) return analysed;
  return { ...analysed, article: whole, analysedChars: read };
}

/** The article cut to its first paragraphs within MAX_ANALYSED_CHARS (a longer first paragraph cut short), and how much was kept. */
function withinBudget(article: Article): { article: Article; read?: number } {
  const total = article.paragraphs.reduce((n, p) => n + p.length, 0);
  if (total <= MAX_ANALYSED_CHARS) return { article };
  const kept: string[] = [];
  let used = 0;
  for (const p of article.paragraphs) {
    if (used + p.length > MAX_ANALYSED_CHARS) {
      if (kept.length === 0) kept.push(p.slice(0, MAX_ANALYSED_CHARS));
      break;
    }
    kept.push(p);
    used += p.length;
  }
  return { article: { ...article, paragraphs: kept }, read: kept.reduce((n, p) => n + p.length, 0) };
}

function analyzeAll(article: Article): AnalyzedArticle {
  const { text, bases } = textFor(article);
  // Quote marks are paired once per paragraph: sentence joining and quote finding both need them.
  const spans = paragraphSpans(article.paragraphs);
  const tokenized = joinQuoted(repairBoundaries(tokenizeArticle(article.paragraphs, bases), text), article.paragraphs, spans, bases);
  // A web address written out as a paragraph is never a statement.
  const addresses = new Set(article.paragraphs.flatMap((p, i) => (isAddressLine(p) ? [i] : [])));

  // Extraction knows subheadings by their place in the page; its word counts as much as ours.
  const extractedHeadings = new Set(article.headings ?? []);
  const perParagraph = new Map<number, number>();
  for (const s of tokenized) perParagraph.set(s.paragraph, (perParagraph.get(s.paragraph) ?? 0) + 1);
  const sentences: Sentence[] = tokenized.map((s, i) => {
    const words = wordTokens(s.tokens);
    const hasVerb = s.tokens.some((_, k) => verbToken(s.tokens, k));
    const alone = perParagraph.get(s.paragraph) === 1;
    const body = s.tokens.length > 0 ? sliceText(text, s) : '';
    const unpunctuated = !FINAL_PUNCTUATION.has(body.trimEnd().slice(-1));
    const heading = extractedHeadings.has(s.paragraph) || addresses.has(s.paragraph) || !hasVerb || (alone && unpunctuated && words.length <= HEADING_MAX_WORDS);
    const sentence: Sentence = {
      index: i,
      paragraph: s.paragraph,
      text: body,
      start: s.start,
      end: s.end,
      tokens: words,
      terms: termsOf(s.tokens),
      kind: heading ? 'heading' : 'body',
    };
    return sentence;
  });

  const { mentions, votes } = findEntities(tokenized, text);
  const pub = publicationDay(article.publishedAt);
  const dates: DateMention[] = [];
  const clocks: ClockMention[] = [];
  const records: RecordMention[] = [];
  const numbers: NumberMention[] = [];
  // A clock time or a record is never also a quantity ("1100 hrs", "52-3"): checked within the sentence, where they overlap.
  for (const s of sentences) {
    const d = findDates(s.text, s.start, s.index, pub);
    const c = findClocks(s.text, s.start);
    const r = findRecords(s.text, s.start);
    const taken: { start: number; end: number }[] = [...d, ...c, ...r];
    for (const n of findNumbers(s.text, s.start, s.index)) if (!taken.some((t) => n.start < t.end && n.end > t.start)) numbers.push(n);
    for (const x of d) dates.push(x);
    for (const x of c) clocks.push(x);
    for (const x of r) records.push(x);
  }

  const sentenceAt = (pos: number): number => {
    let lo = 0;
    let hi = sentences.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((sentences[mid]?.start ?? 0) <= pos) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };
  // Votes stay as they are while quotes are read: each key's type is worked out once.
  const typeOf = new Map<string, EntityType>();
  const types = (k: string): EntityType => {
    let t = typeOf.get(k);
    if (t === undefined) {
      t = bestType(votes.get(k));
      typeOf.set(k, t);
    }
    return t;
  };
  // The part-of-speech tags of the tokens between two offsets (tokens in text order): what a few speaker rules ask of
  // the words around a name.
  const tokens = tokenized.flatMap((s) => s.tokens);
  const tags = (from: number, to: number): string[] => within(tokens, from, to).map((t) => t.pos);
  const ctx = { text, mentions, types, sentenceAt, tags };
  const quotes = findAllQuotes(article.paragraphs, bases, ctx, spans);
  for (const q of quotes) {
    if (q.speaker === undefined || !q.byVerb || q.inferred === true) continue;
    const v = votes.get(q.speaker);
    if (v === undefined || (v.organization < 3 && v.place < 3)) votePerson(votes, q.speaker);
  }
  for (const m of mentions) m.type = bestType(votes.get(m.key));
  // Every character inside a quote, marked once: clause splitting asks of every token.
  const inQuote = new Uint8Array(text.length + 1);
  for (const q of quotes) if (q.end > q.start) inQuote.fill(1, Math.max(0, q.start), Math.min(q.end, text.length));
  const quoted = (pos: number): boolean => inQuote[pos] === 1;
  tokenized.forEach((s, i) => {
    const sentence = sentences[i];
    if (sentence === undefined || sentence.kind === 'heading') return;
    const clauses = splitClauses(s.tokens, quoted);
    if (clauses !== undefined) sentence.clauses = clauses;
  });

  const facts = findFacts({
    sentences: tokenized.map((s, i) => ({ tokens: s.tokens, index: i, text: sentences[i]?.text ?? '', start: s.start, statement: sentences[i]?.kind !== 'heading' })),
    text,
    mentions: { numbers, dates, clocks, records, names: mentions },
    quoted,
  });

  return {
    article,
    sentences,
    entities: mentions.map(({ text: t, key, type, sentence, start, end }) => ({ text: t, key, type, sentence, start, end })),
    numbers,
    dates,
    quotes: quotes.map(({ byVerb: _b, inferred: _i, ...q }) => q),
    facts,
  };
}

/**
 * A quoted passage of several sentences stays in the sentence that quotes
 * it ("Putin responded, “That’s why we came here. The leader … space”."):
 * a claim is the attributed statement, not half a quote. Only closed quotes
 * join sentences, so a stray quote mark cannot swallow a paragraph.
 */
function joinQuoted(sentences: TokenizedSentence[], paragraphs: string[], spansOf: Span[][], bases: number[]): TokenizedSentence[] {
  const spans: [number, number][] = [];
  paragraphs.forEach((p, pi) => {
    for (const sp of spansOf[pi] ?? []) if (sp.close < p.length) spans.push([(bases[pi] ?? 0) + sp.open, (bases[pi] ?? 0) + sp.close]);
  });
  if (spans.length === 0) return sentences;
  const out: TokenizedSentence[] = [];
  for (const s of sentences) {
    const prev = out[out.length - 1];
    if (prev !== undefined && prev.paragraph === s.paragraph && spans.some(([o, c]) => o < prev.end && c >= s.start)) {
      out[out.length - 1] = { paragraph: prev.paragraph, start: prev.start, end: s.end, tokens: [...prev.tokens, ...s.tokens] };
    } else out.push(s);
  }
  return out;
}

/**
 * The text that offsets index, and each paragraph's offset in it:
 * article.text, unless an extractor handed a text its paragraphs cannot be
 * found in, then the paragraphs joined as the Article contract says text is made.
 */
function textFor(article: Article): { text: string; bases: number[] } {
  const own = paragraphOffsets(article.text, article.paragraphs);
  if (own !== undefined) return { text: article.text, bases: own };
  const text = article.paragraphs.join('\n\n');
  return { text, bases: paragraphOffsets(text, article.paragraphs) ?? [] };
}

function paragraphOffsets(text: string, paragraphs: string[]): number[] | undefined {
  const out: number[] = [];
  let cursor = 0;
  for (const p of paragraphs) {
    const at = text.indexOf(p, cursor);
    if (at < 0) return undefined;
    out.push(at);
    cursor = at + p.length;
  }
  return out;
}


function sliceText(text: string, s: TokenizedSentence): string {
  return text.slice(s.start, s.end);
}
