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
import type { NumberedBag, NumberedFeatures } from './feature-id.js';

/** A sparse vector: feature number (feature-id.ts) → weight. */
export type Vec = Map<number, number>;

/**
 * Where document frequencies are kept, by feature number: a Map for a clusterer in memory, a
 * table for a store (which loads the counts of an article's features before placing it).
 */
export interface FrequencyTable {
  /** The feature's count, or undefined when none is kept. */
  get(id: number): number | undefined;
  set(id: number, count: number): void;
  /** Forgets every feature counted at most `atMost` times. */
  prune(atMost: number): void;
}

export class MemoryFrequencyTable implements FrequencyTable {
  private readonly counts = new Map<number, number>();

  get(id: number): number | undefined {
    return this.counts.get(id);
  }

  set(id: number, count: number): void {
    this.counts.set(id, count);
  }

  prune(atMost: number): void {
    for (const [id, count] of this.counts) if (count <= atMost) this.counts.delete(id);
  }

  get size(): number {
    return this.counts.size;
  }
}

/**
 * Cells of the histogram of counts (how many features are counted once, twice, …): enough to
 * choose any pruning threshold; counts beyond the last cell are pooled in it (pruning never
 * reaches them).
 */
const HISTOGRAM_CELLS = 256;
/** How often (in documents) the vocabulary is checked against its bound. */
const PRUNE_EVERY = 1024;
/** A pruning brings the vocabulary down to at most this share of its bound, so that it is not pruned again at once. */
const PRUNE_TO = 0.75;

/** What document frequencies are besides the counts: documents seen and the histogram of counts (plain data, for a store). */
export interface FrequencyCursor {
  documents: number;
  /** histogram[c]: features counted c times (the last cell: that many or more). */
  histogram: number[];
}

/**
 * Document frequencies over the stream so far (both feature spaces share one table: their names
 * differ), bounded: once more than `maxFeatures` features are counted, the rarest are forgotten
 * (all those counted at most t times, for the smallest t that brings the vocabulary under
 * PRUNE_TO of the bound). A forgotten feature counts as never seen, and from one again when it
 * comes back: rare features keep a high idf either way, which is what matters. The histogram of
 * counts, kept along, chooses t without reading the table, so a store pruning its table in SQL
 * forgets exactly what a clusterer in memory does.
 */
export class DocumentFrequencies {
  private n: number;
  private readonly histogram: number[];

  constructor(
    private readonly table: FrequencyTable = new MemoryFrequencyTable(),
    private readonly maxFeatures = Infinity,
    cursor?: FrequencyCursor,
  ) {
    this.n = cursor?.documents ?? 0;
    this.histogram = cursor ? [...cursor.histogram] : new Array<number>(HISTOGRAM_CELLS).fill(0);
  }

  get documents(): number {
    return this.n;
  }

  /** Features counted now. */
  get features(): number {
    let total = 0;
    for (let c = 1; c < HISTOGRAM_CELLS; c++) total += this.histogram[c]!;
    return total;
  }

  cursor(): FrequencyCursor {
    return { documents: this.n, histogram: [...this.histogram] };
  }

  addDocument(features: NumberedFeatures): void {
    this.n++;
    this.count(features.terms.ids);
    this.count(features.anchors.ids);
    if (this.n % PRUNE_EVERY === 0) this.pruneIfFull();
  }

  private count(ids: readonly number[]): void {
    const last = HISTOGRAM_CELLS - 1;
    for (const id of ids) {
      const c = this.table.get(id) ?? 0;
      this.table.set(id, c + 1);
      if (c > 0) this.histogram[Math.min(c, last)]!--;
      this.histogram[Math.min(c + 1, last)]!++;
    }
  }

  private pruneIfFull(): void {
    let kept = this.features;
    if (kept <= this.maxFeatures) return;
    const target = Math.floor(this.maxFeatures * PRUNE_TO);
    let atMost = 0;
    while (kept > target && atMost < HISTOGRAM_CELLS - 2) {
      atMost++;
      kept -= this.histogram[atMost]!;
      this.histogram[atMost] = 0;
    }
    this.table.prune(atMost);
  }

  /** Smoothed inverse document frequency (as in scikit-learn): never zero, so even common words count a little. */
  idf(id: number): number {
    return Math.log((this.n + 1) / ((this.table.get(id) ?? 0) + 1)) + 1;
  }
}

/** An article in both spaces, each an idf-weighted unit vector, with its language. */
export interface ArticleVectors {
  language: string;
  terms: Vec;
  anchors: Vec;
}

/** Sublinear tf × idf, scaled to unit length (empty stays empty). */
export function weigh(bag: NumberedBag, df: DocumentFrequencies): Vec {
  const v: Vec = new Map();
  let norm = 0;
  for (let i = 0; i < bag.ids.length; i++) {
    const c = bag.counts[i]!;
    // Counts below one come from down-weighted positions: kept linear so they stay positive.
    const w = (c >= 1 ? 1 + Math.log(c) : c) * df.idf(bag.ids[i]!);
    v.set(bag.ids[i]!, w);
    norm += w * w;
  }
  if (norm === 0) return v;
  const inv = 1 / Math.sqrt(norm);
  for (const [f, w] of v) v.set(f, w * inv);
  return v;
}

export function articleVectors(features: NumberedFeatures, df: DocumentFrequencies): ArticleVectors {
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

/** Heaviest first, ties by feature number: the order pruning and compaction keep features in. */
export function byWeight(a: [number, number], b: [number, number]): number {
  return b[1] - a[1] || a[0] - b[0];
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
