/**
 * Document frequencies learnt online, article vectors and story profiles.
 *
 * An article becomes two unit vectors (body terms, anchors) weighted by
 * sublinear tf × idf with the document frequencies of the moment it arrives.
 * A story profile is the plain sum of its members' vectors, so
 * dot(article, profile) / size is the article's mean cosine to the members
 * (average linkage) and dot(profileA, profileB) / (sizeA · sizeB) is the
 * average linkage of two stories, each one sparse dot product.
 *
 * Languages: body terms compare only within one language (two reports in
 * Spanish and French share no words even when they say the same thing), so a
 * profile keeps its members' term sums per language. For a pair of articles
 * in different languages the term evidence is missing, not negative: their
 * anchor similarity (names, places, dates and figures are written alike in
 * every language) stands in for it. A pair's similarity is thus
 *   same language:       W · anchors + (1 − W) · terms
 *   different languages: anchors
 * where W (the anchor share) grows with the time between the two (time.ts).
 */
import type { Bag, ClusterFeatures } from './features.js';

/** A sparse vector: feature → weight. */
export type Vec = Map<string, number>;

/** Document frequencies over the stream so far (both feature spaces share one table: prefixes keep them apart). */
export class DocumentFrequencies {
  private readonly df = new Map<string, number>();
  private n = 0;

  get documents(): number {
    return this.n;
  }

  addDocument(features: ClusterFeatures): void {
    this.n++;
    for (const f of features.terms.keys()) this.df.set(f, (this.df.get(f) ?? 0) + 1);
    for (const f of features.anchors.keys()) this.df.set(f, (this.df.get(f) ?? 0) + 1);
  }

  /** Smoothed inverse document frequency (as in scikit-learn): never zero, so even common words count a little. */
  idf(feature: string): number {
    return Math.log((this.n + 1) / ((this.df.get(feature) ?? 0) + 1)) + 1;
  }
}

/** An article in both spaces, each an idf-weighted unit vector, with its language. */
export interface ArticleVectors {
  language: string;
  terms: Vec;
  anchors: Vec;
}

/** Sublinear tf × idf, scaled to unit length (empty stays empty). */
export function weigh(bag: Bag, df: DocumentFrequencies): Vec {
  const v: Vec = new Map();
  let norm = 0;
  for (const [f, c] of bag) {
    // Counts below one come from down-weighted positions: kept linear so they stay positive.
    const w = (c >= 1 ? 1 + Math.log(c) : c) * df.idf(f);
    v.set(f, w);
    norm += w * w;
  }
  if (norm === 0) return v;
  const inv = 1 / Math.sqrt(norm);
  for (const [f, w] of v) v.set(f, w * inv);
  return v;
}

export function articleVectors(features: ClusterFeatures, df: DocumentFrequencies): ArticleVectors {
  return { language: features.language, terms: weigh(features.terms, df), anchors: weigh(features.anchors, df) };
}

/** Sparse dot product, iterating the smaller vector. */
export function dot(a: Vec, b: Vec): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let sum = 0;
  for (const [f, w] of small) {
    const o = large.get(f);
    if (o !== undefined) sum += w * o;
  }
  return sum;
}

/** The members of a story written in one language: how many, and the sums of their vectors. */
export interface LanguagePart {
  size: number;
  terms: Vec;
  anchors: Vec;
}

/** What a story is made of, in the same spaces as an article. */
export class StoryProfile {
  /** Sum of all members' anchor vectors. */
  readonly anchors: Vec = new Map();
  /** Members by language. */
  readonly parts = new Map<string, LanguagePart>();
  size = 0;
  /** Position in the stream of the founding and the latest article. */
  firstSeq: number;
  lastSeq: number;
  /** Epoch milliseconds of the earliest and latest dated member, when any is dated. */
  firstTime: number | undefined;
  lastTime: number | undefined;

  constructor(
    readonly id: string,
    seq: number,
  ) {
    this.firstSeq = seq;
    this.lastSeq = seq;
  }

  add(v: ArticleVectors, seq: number, time: number | undefined): void {
    addInto(this.anchors, v.anchors);
    const part = this.part(v.language);
    addInto(part.terms, v.terms);
    addInto(part.anchors, v.anchors);
    part.size++;
    this.size++;
    this.touch(seq, time);
  }

  private part(language: string): LanguagePart {
    let part = this.parts.get(language);
    if (!part) this.parts.set(language, (part = { size: 0, terms: new Map(), anchors: new Map() }));
    return part;
  }

  /** Absorbs another story (a late merge). */
  absorb(other: StoryProfile): void {
    addInto(this.anchors, other.anchors);
    for (const [language, p] of other.parts) {
      const part = this.part(language);
      addInto(part.terms, p.terms);
      addInto(part.anchors, p.anchors);
      part.size += p.size;
    }
    this.size += other.size;
    this.firstSeq = Math.min(this.firstSeq, other.firstSeq);
    this.touch(other.lastSeq, other.lastTime);
    if (other.firstTime !== undefined) this.touch(this.lastSeq, other.firstTime);
  }

  /** Records a member's position and time (also used when a profile is rebuilt from a stored one). */
  touch(seq: number, time: number | undefined): void {
    this.lastSeq = Math.max(this.lastSeq, seq);
    if (time === undefined) return;
    this.firstTime = this.firstTime === undefined ? time : Math.min(this.firstTime, time);
    this.lastTime = this.lastTime === undefined ? time : Math.max(this.lastTime, time);
  }

  /** Keeps a profile bounded: when a space holds twice its budget, the lightest features go. */
  prune(maxTerms: number, maxAnchors: number): void {
    pruneVec(this.anchors, maxAnchors);
    for (const part of this.parts.values()) {
      pruneVec(part.terms, maxTerms);
      pruneVec(part.anchors, maxAnchors);
    }
  }
}

export function addInto<K>(target: Map<K, number>, source: Map<K, number>): void {
  for (const [f, w] of source) target.set(f, (target.get(f) ?? 0) + w);
}

/** Heaviest first, ties by feature name: the order pruning and compaction keep features in. */
export function byWeight(a: [string, number], b: [string, number]): number {
  return b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0);
}

function pruneVec(v: Vec, max: number): void {
  if (v.size <= 2 * max) return;
  const ranked = [...v].sort(byWeight);
  for (let i = max; i < ranked.length; i++) v.delete(ranked[i]![0]);
}

/**
 * The similarity of a pair (or the summed similarity over all pairs of two groups) from its parts:
 * `anchors` over all pairs, `terms` and `sameLanguageAnchors` over the `sameLanguagePairs` pairs
 * that share a language. `freshness` (1 at once, falling towards 0 with the time between them,
 * time.ts) caps what the terms may add: a report long after a story's last one continues it only
 * as far as it shares the story's anchors, and sharing its vocabulary can then confirm that, not
 * replace it. Zero when both sides have anchors but share none: the same kind of event with no
 * participant, place, date or figure in common is another event.
 */
export function combineParts(
  anchors: number,
  terms: number,
  sameLanguageAnchors: number,
  sameLanguagePairs: number,
  freshness: number,
  anchorWeight: number,
  bothAnchored: boolean,
): number {
  if (anchors === 0 && bothAnchored) return 0;
  // Per pair, the term similarity counts up to its anchor similarity plus the rest of the way to 1 times the freshness.
  const termCap = sameLanguageAnchors + (sameLanguagePairs - sameLanguageAnchors) * freshness;
  // Pairs in different languages have no term evidence: their anchor similarity stands in for it.
  const crossLanguageAnchors = Math.max(0, anchors - sameLanguageAnchors);
  return anchorWeight * anchors + (1 - anchorWeight) * (Math.min(terms, termCap) + crossLanguageAnchors);
}

/** How the parts of a similarity are weighed: the anchors' share, and the freshness of the pair (time.ts). */
export interface Weighing {
  anchorWeight: number;
  freshness: number;
}

/** Average-linkage similarity of an article to a story: its mean similarity to the members. */
export function articleToStory(a: ArticleVectors, story: StoryProfile, w: Weighing): number {
  if (story.size === 0) return 0;
  const anchors = dot(a.anchors, story.anchors);
  const part = story.parts.get(a.language);
  if (part === undefined) return combineParts(anchors, 0, 0, 0, w.freshness, w.anchorWeight, a.anchors.size > 0 && story.anchors.size > 0) / story.size;
  const sameLanguageAnchors = story.parts.size === 1 ? anchors : dot(a.anchors, part.anchors);
  return combineParts(anchors, dot(a.terms, part.terms), sameLanguageAnchors, part.size, w.freshness, w.anchorWeight, a.anchors.size > 0 && story.anchors.size > 0) / story.size;
}

/** Similarity of two single articles: `articleToStory` against a one-member story. */
export function articleToArticle(a: ArticleVectors, b: ArticleVectors, w: Weighing): number {
  const anchors = dot(a.anchors, b.anchors);
  const same = a.language === b.language;
  return combineParts(anchors, same ? dot(a.terms, b.terms) : 0, same ? anchors : 0, same ? 1 : 0, w.freshness, w.anchorWeight, a.anchors.size > 0 && b.anchors.size > 0);
}

/** Average-linkage similarity of two stories: the mean similarity over all pairs of their members. */
export function storyToStory(x: StoryProfile, y: StoryProfile, w: Weighing): number {
  if (x.size === 0 || y.size === 0) return 0;
  const anchors = dot(x.anchors, y.anchors);
  let terms = 0;
  let sameLanguageAnchors = 0;
  let sameLanguagePairs = 0;
  for (const [language, px] of x.parts) {
    const py = y.parts.get(language);
    if (!py) continue;
    terms += dot(px.terms, py.terms);
    sameLanguageAnchors += x.parts.size === 1 && y.parts.size === 1 ? anchors : dot(px.anchors, py.anchors);
    sameLanguagePairs += px.size * py.size;
  }
  return combineParts(anchors, terms, sameLanguageAnchors, sameLanguagePairs, w.freshness, w.anchorWeight, x.anchors.size > 0 && y.anchors.size > 0) / (x.size * y.size);
}
