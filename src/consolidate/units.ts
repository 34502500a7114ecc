import type { AnalyzedArticle, NumberMention } from '../types.js';
import type { EntityIndex } from './entities.js';

/**
 * Claim units: the body sentences of each article (headings and fragments
 * never become claims), each with the features alignment compares — a
 * TF-IDF vector of lemmas and entity keys, its numbers and its quotes.
 */

/** Fewer words than this is a caption, a dateline or a credit, not a statement. */
const MIN_UNIT_WORDS = 5;
/** Entity keys count more than a plain word: they name who and where. */
const ENTITY_WEIGHT = 1.5;

export interface Unit {
  /** Position in the units array. */
  id: number;
  article: string;
  /** Index of the article in the (id-sorted) input. */
  articleIndex: number;
  sentence: number;
  /** Relative position in its article, 0 at the top. */
  position: number;
  text: string;
  vector: Map<string, number>;
  norm: number;
  numbers: NumberMention[];
  entities: Set<string>;
}

export function buildUnits(articles: AnalyzedArticle[], ents: EntityIndex): Unit[] {
  const raw: { a: number; s: number; bag: Map<string, number>; numbers: NumberMention[]; entities: Set<string> }[] = [];
  const df = new Map<string, number>();
  articles.forEach((art, ai) => {
    const bySentence = new Map<number, { numbers: NumberMention[]; entities: Set<string> }>();
    const slot = (i: number): { numbers: NumberMention[]; entities: Set<string> } => {
      let v = bySentence.get(i);
      if (v === undefined) {
        v = { numbers: [], entities: new Set() };
        bySentence.set(i, v);
      }
      return v;
    };
    for (const n of art.numbers) if (n.ordinal !== true) slot(n.sentence).numbers.push(n);
    for (const e of art.entities) slot(e.sentence).entities.add(ents.canonical(e.key));
    for (const s of art.sentences) {
      if (s.kind === 'heading' || s.tokens.length < MIN_UNIT_WORDS) continue;
      if (s.text.trim() === art.article.title.trim()) continue;
      // A question asks; it claims nothing ("Will Russia help North Korea build satellites?").
      if (/\?["”’]?\s*$/.test(s.text)) continue;
      const bag = new Map<string, number>();
      for (const t of s.terms) bag.set(t, (bag.get(t) ?? 0) + 1);
      const f = slot(s.index);
      for (const e of f.entities) bag.set(`e:${e}`, ENTITY_WEIGHT);
      for (const k of bag.keys()) df.set(k, (df.get(k) ?? 0) + 1);
      raw.push({ a: ai, s: s.index, bag, numbers: f.numbers, entities: f.entities });
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
    const sentence = art.sentences[r.s];
    return {
      id,
      article: art.article.id,
      articleIndex: r.a,
      sentence: r.s,
      position: r.s / Math.max(1, art.sentences.length),
      text: sentence?.text ?? '',
      vector,
      norm: Math.sqrt(sq) || 1,
      numbers: r.numbers,
      entities: r.entities,
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
