import type { AnalyzedArticle, DerivationEdge } from '../types.js';
import { compareProfiles } from './compare.js';
import { combine } from './hash.js';
import { bandKeys } from './minhash.js';
import { buildProfile, FEATURE_KIND, type ArticleProfile } from './profile.js';
import { resolveSettings, type RelateSettings } from './settings.js';

/**
 * The incremental side of relate: articles arrive one at a time and each new
 * one is compared only with the few stored articles that share a sketch key,
 * never with all of them. Three kinds of key find three kinds of relative:
 *
 * - LSH bands of the MinHash signature: near-identical bodies (copies);
 * - anchor shingles (1 in 32, with content words; profile.ts): a run of
 *   copied paragraphs inside otherwise different texts (partial copies),
 *   which whole-text resemblance misses;
 * - fact keys, one per sentence, from the sentence's names and numbers: the
 *   sentences a rewrite or translation keeps even when it changes every word.
 *
 * Posting lists are capped (oldest dropped first): a key shared by thousands
 * of articles is a commonplace, not evidence, and the cap bounds the work per
 * new article however large the index grows.
 */

/** Fact keys kept per article: the smallest by hash (a bottom-k sketch of its sentences' facts). */
const FACT_KEYS_PER_ARTICLE = 24;
/** A sentence's keys pair up its this many smallest facts (3: three keys, one surviving any one fact lost). */
const FACTS_PER_KEY_SET = 3;
/** Fewest names/numbers a sentence needs to yield a fact key: one name alone is a commonplace. */
const MIN_FACTS_PER_KEY = 2;
/** Fact keys two articles must share before the (costlier) sentence alignment runs. */
const MIN_SHARED_FACT_KEYS = 2;
/**
 * Stored articles compared with a new one, at most: those sharing the most keys, then the oldest
 * (a source comes before its copies). A copy shares nearly every LSH band, so it ranks first; when
 * a text is copied by more outlets than this, each new copy still reaches this many of the earlier
 * ones, the first among them, enough to join their independence group. What it bounds is the
 * work per article where templated texts (results, weather, filings: the same sentences with
 * other names and figures) make hundreds of look-alikes.
 */
export const MAX_COMPARED = 16;
/** Longest posting list; beyond it the oldest entries are dropped. */
export const MAX_POSTING = 512;
/**
 * An anchor or fact key shared by more stored articles than this is a
 * commonplace of the corpus (a stock phrase, a name pair in every story of a
 * season), not evidence: it yields no candidates. LSH bands are exempt, since
 * a band collision is itself strong evidence.
 */
export const HUB_POSTING = 64;

type Posting = number | number[];

class PostingMap {
  private readonly map = new Map<number, Posting>();

  add(key: number, doc: number): void {
    const cur = this.map.get(key);
    if (cur === undefined) this.map.set(key, doc);
    else if (typeof cur === 'number') {
      if (cur !== doc) this.map.set(key, [cur, doc]);
    } else if (cur[cur.length - 1] !== doc) {
      cur.push(doc);
      if (cur.length > MAX_POSTING) cur.shift();
    }
  }

  remove(key: number, doc: number): void {
    const cur = this.map.get(key);
    if (cur === undefined) return;
    if (typeof cur === 'number') {
      if (cur === doc) this.map.delete(key);
      return;
    }
    const i = cur.indexOf(doc);
    if (i >= 0) cur.splice(i, 1);
    if (cur.length === 1) this.map.set(key, cur[0]!);
    else if (cur.length === 0) this.map.delete(key);
  }

  forEach(key: number, fn: (doc: number) => void, maxList = Infinity): void {
    const cur = this.map.get(key);
    if (cur === undefined) return;
    if (typeof cur === 'number') fn(cur);
    else if (cur.length <= maxList) for (const d of cur) fn(d);
  }

  get size(): number {
    return this.map.size;
  }
}

/** The keys an article is filed under. */
export interface DerivationKeys {
  bands: Uint32Array;
  samples: number[];
  facts: number[];
}

/** The spaces of keys: LSH band b is space b (0 … bands − 1); then these two. */
function sampleSpace(s: RelateSettings): number {
  return s.bands;
}

function factSpace(s: RelateSettings): number {
  return s.bands + 1;
}

/**
 * The most of a posting list `candidateDocs` reads, newest first: a band's whole list
 * (MAX_POSTING); for the other spaces, one more than HUB_POSTING tells a commonplace.
 */
export function postingLimit(space: number, s: RelateSettings): number {
  return space < s.bands ? MAX_POSTING : HUB_POSTING + 1;
}

export function derivationKeys(p: ArticleProfile, s: RelateSettings): DerivationKeys {
  const bands = p.shingleCount > 0 ? bandKeys(p.signature, s.bands, s.rows) : new Uint32Array(0);
  return { bands, samples: [...p.anchors], facts: factKeys(p) };
}

/** Every (space, key) an article is filed under, in the order `candidateDocs` reads them. */
export function* filedUnder(keys: DerivationKeys, s: RelateSettings): Iterable<[number, number]> {
  for (let b = 0; b < keys.bands.length; b++) yield [b, keys.bands[b]!];
  for (const k of keys.samples) yield [sampleSpace(s), k];
  for (const k of keys.facts) yield [factSpace(s), k];
}

/** Posting lists by space and key: in memory (DerivationIndex) or read from a store's table. */
export interface DerivationPostings {
  /**
   * Calls fn for each article filed under the key, oldest first (at most the MAX_POSTING newest),
   * unless more than `maxList` are.
   */
  forEach(space: number, key: number, fn: (doc: number) => void, maxList: number): void;
}

/**
 * The stored articles worth comparing with one that has these keys, ascending: any sharing an
 * LSH band or an anchor shingle, and any sharing MIN_SHARED_FACT_KEYS fact keys (commonplace
 * anchors and fact keys, over HUB_POSTING articles, find none); of them the MAX_COMPARED sharing
 * the most keys, then the oldest.
 */
export function candidateDocs(keys: DerivationKeys, postings: DerivationPostings, s: RelateSettings): number[] {
  const shared = new Map<number, number>();
  const factHits = new Map<number, number>();
  const count = (d: number): void => void shared.set(d, (shared.get(d) ?? 0) + 1);
  keys.bands.forEach((k, b) => postings.forEach(b, k, count, Infinity));
  for (const k of keys.samples) postings.forEach(sampleSpace(s), k, count, HUB_POSTING);
  for (const k of keys.facts) postings.forEach(factSpace(s), k, (d) => factHits.set(d, (factHits.get(d) ?? 0) + 1), HUB_POSTING);
  for (const [d, n] of factHits) if (n >= MIN_SHARED_FACT_KEYS) shared.set(d, (shared.get(d) ?? 0) + n);
  const best = [...shared].sort((a, b) => b[1] - a[1] || a[0] - b[0]).slice(0, MAX_COMPARED);
  return best.map(([d]) => d).sort((x, y) => x - y);
}

/**
 * Keys of each sentence from its names and numbers, kept bottom-k: one for each pair of the
 * sentence's FACTS_PER_KEY_SET smallest facts, so that two sentences sharing most of their facts
 * share a key although each has one the other lacks (a translation names a place in its own
 * language). Names are the capitalised words of the text, not the analyzer's entity keys: they
 * read the same in a translation, whose entity keys an English-trained analyzer reads otherwise
 * ("actriz lindsay lohan").
 */
export function factKeys(p: ArticleProfile): number[] {
  const keys = new Set<number>();
  const x = p.sentences;
  for (let i = 0; i < x.texts.length; i++) {
    const facts: number[] = [];
    for (let f = x.offsets[i]!; f < x.offsets[i + 1]!; f++) {
      const k = x.kinds[f];
      if (k === FEATURE_KIND.entity || k === FEATURE_KIND.number) facts.push(x.features[f]!);
    }
    if (facts.length < MIN_FACTS_PER_KEY) continue;
    // Features are sorted: the smallest fact hashes come first.
    const smallest = Math.min(facts.length, FACTS_PER_KEY_SET);
    for (let u = 0; u < smallest; u++) for (let v = u + 1; v < smallest; v++) keys.add(combine(facts[u]!, facts[v]!));
  }
  return [...keys].sort((a, b) => a - b).slice(0, FACT_KEYS_PER_ARTICLE);
}

export interface IndexStats {
  articles: number;
  candidatesChecked: number;
  keys: number;
}

export interface DerivationIndexOptions {
  /**
   * Articles kept; beyond, the oldest is dropped (no longer found as a source).
   * A store of millions of articles would otherwise hold every profile in
   * memory; copies and rewrites follow their source within days, far fewer
   * articles than this. Default: no limit.
   */
  maxArticles?: number;
}

export class DerivationIndex implements DerivationPostings {
  readonly settings: RelateSettings;
  private readonly maxArticles: number;
  private readonly profiles = new Map<number, ArticleProfile>();
  private readonly docOf = new Map<string, number>();
  /** One posting map per space: the bands, then anchor shingles, then fact keys. */
  private readonly spaces: PostingMap[];
  private nextDoc = 0;
  /** Pairs verified since creation: the measure of work per new article. */
  candidatesChecked = 0;

  constructor(settings?: Partial<RelateSettings>, options: DerivationIndexOptions = {}) {
    this.settings = resolveSettings(settings);
    this.maxArticles = options.maxArticles ?? Infinity;
    this.spaces = Array.from({ length: this.settings.bands + 2 }, () => new PostingMap());
  }

  forEach(space: number, key: number, fn: (doc: number) => void, maxList: number): void {
    this.spaces[space]!.forEach(key, fn, maxList);
  }

  get size(): number {
    return this.profiles.size;
  }

  has(id: string): boolean {
    return this.docOf.has(id);
  }

  /** Indexes the article and returns its edges to the articles already indexed (none for an id already present). */
  add(article: AnalyzedArticle): DerivationEdge[] {
    return this.addProfile(buildProfile(article, this.settings));
  }

  /** As add, from a profile built beforehand (buildProfile), e.g. in a worker. */
  addProfile(p: ArticleProfile): DerivationEdge[] {
    if (this.docOf.has(p.id)) return [];
    const keys = this.keysFor(p);
    const edges = this.queryKeys(p, keys);
    this.insert(p, keys);
    return edges;
  }

  /** As addProfile without looking for edges: for a store replaying articles whose edges it holds already (the comparisons are most of addProfile's cost). */
  indexProfile(p: ArticleProfile): void {
    if (!this.docOf.has(p.id)) this.insert(p, this.keysFor(p));
  }

  private insert(p: ArticleProfile, keys: DerivationKeys): void {
    const doc = this.nextDoc++;
    this.profiles.set(doc, p);
    this.docOf.set(p.id, doc);
    for (const [space, k] of filedUnder(keys, this.settings)) this.spaces[space]!.add(k, doc);
    // Profiles iterate in insertion order: the first is the oldest.
    if (this.profiles.size > this.maxArticles) this.remove(this.profiles.values().next().value!.id);
  }

  /** The edges a profile would get against the index, without adding it. */
  query(p: ArticleProfile): DerivationEdge[] {
    return this.queryKeys(p, this.keysFor(p));
  }

  private queryKeys(p: ArticleProfile, keys: DerivationKeys): DerivationEdge[] {
    const edges: DerivationEdge[] = [];
    for (const d of candidateDocs(keys, this, this.settings)) {
      const other = this.profiles.get(d);
      if (!other) continue;
      this.candidatesChecked++;
      const e = compareProfiles(other, p, this.settings);
      if (e) edges.push(e);
    }
    return edges;
  }

  remove(id: string): boolean {
    const doc = this.docOf.get(id);
    if (doc === undefined) return false;
    // Keys are recomputed rather than stored: cheap, and it halves what a stored article costs.
    const keys = this.keysFor(this.profiles.get(doc)!);
    for (const [space, k] of filedUnder(keys, this.settings)) this.spaces[space]!.remove(k, doc);
    this.profiles.delete(doc);
    this.docOf.delete(id);
    return true;
  }

  stats(): IndexStats {
    return {
      articles: this.profiles.size,
      candidatesChecked: this.candidatesChecked,
      keys: this.spaces.reduce((n, m) => n + m.size, 0),
    };
  }

  /** Every stored profile, in insertion order (for brute-force comparison and tests). */
  *storedProfiles(): IterableIterator<ArticleProfile> {
    yield* this.profiles.values();
  }

  private keysFor(p: ArticleProfile): DerivationKeys {
    return derivationKeys(p, this.settings);
  }
}
