/**
 * Document frequencies learnt online, article vectors and story profiles.
 * Weights are applied at scoring time from the current document
 * frequencies, so a profile built early in a stream is judged with the
 * rarity figures of now.
 */
import type { Bag, ClusterFeatures } from './features.js';

/** A sparse vector: feature → weight. */
export type Vec = Map<string, number>;

/** Document frequencies over the stream so far (both feature spaces share one table: prefixes keep them apart). */
export class DocumentFrequencies {
  private readonly df = new Map<string, number>();
  private n = 0;
  /** idf depends on n, so memoised values live until the next document arrives. */
  private memo = new Map<string, number>();

  get documents(): number {
    return this.n;
  }

  addDocument(features: ClusterFeatures): void {
    this.n++;
    this.memo = new Map();
    for (const f of features.terms.keys()) this.df.set(f, (this.df.get(f) ?? 0) + 1);
    for (const f of features.anchors.keys()) this.df.set(f, (this.df.get(f) ?? 0) + 1);
  }

  /** Smoothed inverse document frequency (as in scikit-learn): never zero, so even common words count a little. */
  idf(feature: string): number {
    let v = this.memo.get(feature);
    if (v === undefined) {
      v = Math.log((this.n + 1) / ((this.df.get(feature) ?? 0) + 1)) + 1;
      this.memo.set(feature, v);
    }
    return v;
  }
}

/** Sublinear term frequency, scaled to unit length: long articles do not outweigh short ones in a profile. */
export function unitLogTf(bag: Bag): Vec {
  const v: Vec = new Map();
  let norm = 0;
  for (const [f, c] of bag) {
    const w = 1 + Math.log(c);
    v.set(f, w);
    norm += w * w;
  }
  if (norm === 0) return v;
  const inv = 1 / Math.sqrt(norm);
  for (const [f, w] of v) v.set(f, w * inv);
  return v;
}

export interface ArticleVectors {
  terms: Vec;
  anchors: Vec;
  /** idf-weighted lengths, filled in by `withNorms` once per article rather than once per candidate. */
  termNorm?: number;
  anchorNorm?: number;
}

export function withNorms(v: ArticleVectors, df: DocumentFrequencies): ArticleVectors {
  return { ...v, termNorm: idfNorm(v.terms, df), anchorNorm: idfNorm(v.anchors, df) };
}

export function articleVectors(features: ClusterFeatures): ArticleVectors {
  return { terms: unitLogTf(features.terms), anchors: unitLogTf(features.anchors) };
}

/** Length of a vector after weighting by idf. */
export function idfNorm(v: Vec, df: DocumentFrequencies): number {
  let n = 0;
  for (const [f, w] of v) {
    const x = w * df.idf(f);
    n += x * x;
  }
  return Math.sqrt(n);
}

/** Cosine of two vectors after weighting both by idf. */
export function idfCosine(a: Vec, b: Vec, df: DocumentFrequencies): number {
  if (a.size === 0 || b.size === 0) return 0;
  const dot = idfDot(a, b, df);
  return dot === 0 ? 0 : dot / (idfNorm(a, df) * idfNorm(b, df));
}

/** Σ a·b·idf², iterating the smaller vector. */
export function idfDot(a: Vec, b: Vec, df: DocumentFrequencies): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let dot = 0;
  for (const [f, w] of small) {
    const o = large.get(f);
    if (o === undefined) continue;
    const idf = df.idf(f);
    dot += w * o * idf * idf;
  }
  return dot;
}

/** What a story is made of, in the same spaces as an article. */
export class StoryProfile {
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

  /**
   * Adds an article as idf-weighted unit vectors (the idf of now): the profile is then the sum of
   * its members' vectors and a dot product with it, divided by the size, is an average cosine.
   */
  add(v: ArticleVectors, seq: number, time: number | undefined, df: DocumentFrequencies): void {
    const nt = v.termNorm ?? idfNorm(v.terms, df);
    const na = v.anchorNorm ?? idfNorm(v.anchors, df);
    if (nt > 0) addInto(this.terms, v.terms, 1 / nt);
    if (na > 0) addInto(this.anchors, v.anchors, 1 / na);
    this.size++;
    this.touch(seq, time);
  }

  /** Absorbs another story (a late merge). */
  absorb(other: StoryProfile): void {
    addInto(this.terms, other.terms, 1);
    addInto(this.anchors, other.anchors, 1);
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

  /** Keeps a profile bounded: when a space holds twice its budget, the lightest features (weight × rarity) go. */
  prune(maxTerms: number, maxAnchors: number, df: DocumentFrequencies): void {
    pruneVec(this.terms, maxTerms, df);
    pruneVec(this.anchors, maxAnchors, df);
  }
}

function addInto(target: Vec, source: Vec, scale: number): void {
  for (const [f, w] of source) target.set(f, (target.get(f) ?? 0) + w * scale);
}

function pruneVec(v: Vec, max: number, df: DocumentFrequencies): void {
  if (v.size <= 2 * max) return;
  const ranked = [...v].map(([f, w]) => [f, w * df.idf(f)] as const);
  ranked.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  for (let i = max; i < ranked.length; i++) v.delete(ranked[i]![0]);
}

/**
 * Average-linkage similarity of an article to a story: the mean over the story's members of the
 * idf-weighted cosine, per space, combined with the anchor share. Profiles hold sums of unit
 * vectors, so this costs one sparse dot product, not one per member.
 */
export function articleToStory(a: ArticleVectors, story: StoryProfile, df: DocumentFrequencies, anchorWeight: number): number {
  if (story.size === 0) return 0;
  const nt = a.termNorm ?? idfNorm(a.terms, df);
  const na = a.anchorNorm ?? idfNorm(a.anchors, df);
  const t = nt > 0 ? idfDot(a.terms, story.terms, df) / (nt * story.size) : 0;
  const e = na > 0 ? idfDot(a.anchors, story.anchors, df) / (na * story.size) : 0;
  return (1 - anchorWeight) * t + anchorWeight * e;
}

/** Average-linkage similarity of two stories: the mean cosine over all pairs of their members. */
export function storyToStory(x: StoryProfile, y: StoryProfile, df: DocumentFrequencies, anchorWeight: number): number {
  if (x.size === 0 || y.size === 0) return 0;
  const n = x.size * y.size;
  return ((1 - anchorWeight) * idfDot(x.terms, y.terms, df) + anchorWeight * idfDot(x.anchors, y.anchors, df)) / n;
}

/**
 * How tight a story is: the mean similarity between two distinct members, shrunk towards
 * `prior` (the tightness of a typical story) by `priorPairs` pseudo-pairs, so a story of one or
 * two articles is judged like a typical story until it has pairs of its own to show.
 * |Σu|² counts every ordered pair plus each member with itself.
 */
export function cohesion(x: StoryProfile, df: DocumentFrequencies, anchorWeight: number, prior: number, priorPairs: number): number {
  const n = x.size;
  const pairs = (n * (n - 1)) / 2;
  if (pairs === 0) return prior;
  const within = (self: number): number => (self - n) / (n * (n - 1));
  const observed = (1 - anchorWeight) * within(idfDot(x.terms, x.terms, df)) + anchorWeight * within(idfDot(x.anchors, x.anchors, df));
  return (observed * pairs + prior * priorPairs) / (pairs + priorPairs);
}
