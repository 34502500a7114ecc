/**
 * Document frequencies learnt online, article vectors and story profiles.
 *
 * An article becomes two unit vectors (body terms, anchors) weighted by
 * sublinear tf × idf with the document frequencies of the moment it arrives.
 * A story profile is the plain sum of its members' vectors, so
 * dot(article, profile) / size is the article's mean cosine to the members
 * (average linkage) and dot(profileA, profileB) / (sizeA · sizeB) is the
 * average linkage of two stories, each one sparse dot product.
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

/** An article in both spaces, each an idf-weighted unit vector. */
export interface ArticleVectors {
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
  return { terms: weigh(features.terms, df), anchors: weigh(features.anchors, df) };
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

/** Cosine of two vectors (for callers holding raw sums). */
export function cosine(a: Vec, b: Vec): number {
  const d = dot(a, b);
  return d === 0 ? 0 : d / Math.sqrt(dot(a, a) * dot(b, b));
}

/** What a story is made of, in the same spaces as an article. */
export class StoryProfile {
  /** Sums of the members' unit vectors. */
  readonly terms: Vec = new Map();
  readonly anchors: Vec = new Map();
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
    addInto(this.terms, v.terms);
    addInto(this.anchors, v.anchors);
    this.size++;
    this.touch(seq, time);
  }

  /** Absorbs another story (a late merge). */
  absorb(other: StoryProfile): void {
    addInto(this.terms, other.terms);
    addInto(this.anchors, other.anchors);
    this.size += other.size;
    this.firstSeq = Math.min(this.firstSeq, other.firstSeq);
    this.touch(other.lastSeq, other.lastTime);
    if (other.firstTime !== undefined) this.touch(this.lastSeq, other.firstTime);
  }

  private touch(seq: number, time: number | undefined): void {
    this.lastSeq = Math.max(this.lastSeq, seq);
    if (time === undefined) return;
    this.firstTime = this.firstTime === undefined ? time : Math.min(this.firstTime, time);
    this.lastTime = this.lastTime === undefined ? time : Math.max(this.lastTime, time);
  }

  /** Keeps a profile bounded: when a space holds twice its budget, the lightest features go. */
  prune(maxTerms: number, maxAnchors: number): void {
    pruneVec(this.terms, maxTerms);
    pruneVec(this.anchors, maxAnchors);
  }
}

export function addInto<K>(target: Map<K, number>, source: Map<K, number>): void {
  for (const [f, w] of source) target.set(f, (target.get(f) ?? 0) + w);
}

function pruneVec(v: Vec, max: number): void {
  if (v.size <= 2 * max) return;
  const ranked = [...v].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  for (let i = max; i < ranked.length; i++) v.delete(ranked[i]![0]);
}

/**
 * Average-linkage similarity of an article to a story: its mean cosine to the members, anchors
 * weighted by `anchorWeight`. Zero when both have anchors but share none: the same kind of event
 * with no participant, place, date or figure in common is another event.
 */
export function articleToStory(a: ArticleVectors, story: StoryProfile, anchorWeight: number): number {
  if (story.size === 0) return 0;
  const anchors = dot(a.anchors, story.anchors);
  if (anchors === 0 && a.anchors.size > 0 && story.anchors.size > 0) return 0;
  return ((1 - anchorWeight) * dot(a.terms, story.terms) + anchorWeight * anchors) / story.size;
}

/** Similarity of two single articles: `articleToStory` against a one-member story. */
export function articleToArticle(a: ArticleVectors, b: ArticleVectors, anchorWeight: number): number {
  const anchors = dot(a.anchors, b.anchors);
  if (anchors === 0 && a.anchors.size > 0 && b.anchors.size > 0) return 0;
  return (1 - anchorWeight) * dot(a.terms, b.terms) + anchorWeight * anchors;
}

/** Average-linkage similarity of two stories: the mean cosine over all pairs of their members. */
export function storyToStory(x: StoryProfile, y: StoryProfile, anchorWeight: number): number {
  if (x.size === 0 || y.size === 0) return 0;
  const anchors = dot(x.anchors, y.anchors);
  if (anchors === 0 && x.anchors.size > 0 && y.anchors.size > 0) return 0;
  return ((1 - anchorWeight) * dot(x.terms, y.terms) + anchorWeight * anchors) / (x.size * y.size);
}
