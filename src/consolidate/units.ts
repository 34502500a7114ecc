import type { AnalyzedArticle, DateMention, EntityMention, NumberMention } from '../types.js';
import type { EntityIndex } from './entities.js';
import { TITLES } from '../analyze/lexicon.js';
import { stem } from './text.js';

/**
 * Claim units: the body sentences of each article (headings and fragments
 * never become claims), each with the features alignment compares — a
 * TF-IDF vector of lemmas and entity keys, its numbers and its quotes.
 */

/** Fewer words than this is a caption, a dateline or a credit, not a statement. */
const MIN_UNIT_WORDS = 5;
/** Sentences about the page, not the news ("This article was originally published by …"). */
const PAGE_NOTE = /^(?:this (?:article|story|post|report|piece) (?:was|has been|is|first|originally)|(?:originally|first) (?:published|appeared)|click here|sign up|subscribe|follow us|read more|image (?:source|credit)|photo(?:graph)?s? (?:by|credit|:)|copyright|©|all rights reserved)/i;
/** Entity keys count more than a plain word: they name who and where. */
const ENTITY_WEIGHT = 1.5;

export interface Unit {
  /** Position in the units array. */
  id: number;
  article: string;
  /** Index of the article in the (id-sorted) input. */
  articleIndex: number;
  sentence: number;
  /** Offsets into the article text (the clause's when the sentence was split). */
  start: number;
  end: number;
  /** Relative position in its article, 0 at the top. */
  position: number;
  text: string;
  vector: Map<string, number>;
  norm: number;
  numbers: NumberMention[];
  /** Resolved dates the unit states. */
  dates: DateMention[];
  entities: Set<string>;
  /** Entities named as part of what is claimed, not as who reports it ("…, her rep told Us Weekly"). */
  contentEntities: Set<string>;
  /** Where each entity is first named in the unit (offsets into the article text). */
  mentionAt: Map<string, [number, number]>;
}

/** A name right after these words, or right before a speech verb, is the source of the statement. */
const ATTRIBUTION_BEFORE = /\b(?:told|tells|according to|quoted|quoting|reported by|cited by|said|says|via|reports)\s+(?:the\s+)?$/i;
const ATTRIBUTION_AFTER = /^\s*(?:has\s+|had\s+)?(?:said|says|reported|reports|told|tells|quoted|announced|confirmed)\b/i;

interface Features {
  numbers: NumberMention[];
  entities: Set<string>;
  /** Lower-cased words of the names mentioned. */
  nameWords: Set<string>;
}

export function buildUnits(articles: AnalyzedArticle[], ents: EntityIndex): Unit[] {
  const raw: { a: number; s: number; start: number; end: number; text: string; bag: Map<string, number>; numbers: NumberMention[]; dates: DateMention[]; entities: Set<string>; contentEntities: Set<string>; mentionAt: Map<string, [number, number]> }[] = [];
  const df = new Map<string, number>();
  articles.forEach((art, ai) => {
    const bySentence = new Map<number, Features>();
    const slot = (i: number): Features => {
      let v = bySentence.get(i);
      if (v === undefined) {
        v = { numbers: [], entities: new Set(), nameWords: new Set() };
        bySentence.set(i, v);
      }
      return v;
    };
    for (const n of art.numbers) if (n.ordinal !== true) slot(n.sentence).numbers.push(n);
    for (const e of art.entities) {
      const f = slot(e.sentence);
      f.entities.add(ents.canonical(e.key));
      for (const w of e.text.toLowerCase().split(/[^\p{L}\p{N}]+/u)) f.nameWords.add(w);
    }
    const mentionsOf = new Map<number, EntityMention[]>();
    for (const e of art.entities) (mentionsOf.get(e.sentence) ?? mentionsOf.set(e.sentence, []).get(e.sentence) ?? []).push(e);
    const datesOf = new Map<number, DateMention[]>();
    for (const d of art.dates) if (d.iso !== undefined) (datesOf.get(d.sentence) ?? datesOf.set(d.sentence, []).get(d.sentence) ?? []).push(d);
    for (const s of art.sentences) {
      if (s.kind === 'heading' || s.tokens.length < MIN_UNIT_WORDS) continue;
      if (s.text.trim() === art.article.title.trim()) continue;
      // A question asks; it claims nothing ("Will Russia help North Korea build satellites?").
      if (/\?["”’]?\s*$/.test(s.text)) continue;
      // Notes about the page itself, whatever extraction left in: they are not news.
      if (PAGE_NOTE.test(s.text)) continue;
      const f = slot(s.index);
      const parts = s.clauses ?? [{ start: s.start, end: s.end, terms: s.terms }];
      for (const part of parts) {
        const inside = (m: { start?: number }): boolean => parts.length === 1 || m.start === undefined || (m.start >= part.start && m.start < part.end);
        const mentions = (mentionsOf.get(s.index) ?? []).filter(inside);
        const entities = new Set(mentions.map((e) => ents.canonical(e.key)));
        const text0 = art.article.text;
        const mentionAt = new Map<string, [number, number]>();
        for (const e of mentions) if (e.start !== undefined && e.end !== undefined && !mentionAt.has(ents.canonical(e.key))) mentionAt.set(ents.canonical(e.key), [e.start, e.end]);
        const contentEntities = new Set(
          mentions
            .filter((e) => e.start === undefined || e.end === undefined || !(ATTRIBUTION_BEFORE.test(text0.slice(Math.max(0, e.start - 40), e.start)) || ATTRIBUTION_AFTER.test(text0.slice(e.end, e.end + 30))))
            .map((e) => ents.canonical(e.key)),
        );
        const bag = new Map<string, number>();
        // Names count once, as their entity key, not again as words ("Kim", "Jong", "Un").
        // Lemmas are stemmed once more so derivations meet ("assistance"/"assist", "cooperation"/"cooperate").
        for (const t of part.terms) {
          // Titles ("president", "leader") mostly come with a name already counted.
          if (f.nameWords.has(t) || TITLES.has(t)) continue;
          const k = stem(t);
          bag.set(k, (bag.get(k) ?? 0) + 1);
        }
        for (const e of entities) bag.set(`e:${e}`, ENTITY_WEIGHT);
        for (const k of bag.keys()) df.set(k, (df.get(k) ?? 0) + 1);
        const text = parts.length === 1 ? s.text : s.text.slice(part.start - s.start, part.end - s.start);
        raw.push({ a: ai, s: s.index, start: part.start, end: part.end, text, bag, numbers: f.numbers.filter(inside), dates: (datesOf.get(s.index) ?? []).filter(inside), entities, contentEntities, mentionAt });
      }
    }
  });
  // Document frequency over units, not articles: a name in every other sentence ("Russia") says little.
  const n = raw.length;
  return raw.map((r, id) => {
    const art = articles[r.a] as AnalyzedArticle;
    const vector = new Map<string, number>();
    let sq = 0;
    for (const [k, tf] of r.bag) {
      const w = tf * Math.log(1 + (n + 1) / ((df.get(k) ?? 0) + 0.5));
      vector.set(k, w);
      sq += w * w;
    }
    return {
      id,
      article: art.article.id,
      articleIndex: r.a,
      sentence: r.s,
      start: r.start,
      end: r.end,
      position: r.s / Math.max(1, art.sentences.length),
      text: r.text,
      vector,
      norm: Math.sqrt(sq) || 1,
      numbers: r.numbers,
      dates: r.dates,
      entities: r.entities,
      contentEntities: r.contentEntities,
      mentionAt: r.mentionAt,
    };
  });
}

export function cosine(a: Unit, b: Unit): number {
  const [small, big] = a.vector.size <= b.vector.size ? [a, b] : [b, a];
  let dot = 0;
  for (const [k, w] of small.vector) {
    const v = big.vector.get(k);
    if (v !== undefined) dot += w * v;
  }
  return dot / (a.norm * b.norm);
}
