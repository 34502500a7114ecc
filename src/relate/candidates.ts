import { bandKeys } from './minhash.js';
import { FEATURE_KIND, type ArticleProfile } from './profile.js';
import type { RelateSettings } from './settings.js';

/**
 * Candidate pairs for a batch of articles (relate on one story): the pairs
 * worth the full comparison (compare.ts), found through keys the articles
 * share instead of by comparing every pair. Within a batch the whole set is
 * known, so, unlike the incremental DerivationIndex, frequencies are exact and
 * each article can keep its best-matching neighbours:
 *
 * - LSH bands of the MinHash signature: near-identical bodies (copies);
 * - sampled shingles (the containment sample) shared by at least
 *   MIN_SHARED_SAMPLES articles: partial and truncated copies;
 * - a common wire credit (profile.attribution), the premise of a shared-origin edge;
 * - rare sentence features (names, numbers, content words held by few
 *   articles of the batch): each article's TOP_NEIGHBOURS by summed rarity of
 *   what they share, plus any article sharing at least STRONG_OVERLAP of it.
 *   Rewrites and translations keep the rare names, numbers and words of the
 *   sentences they keep; independent reports of one event share the common
 *   ones, which carry no weight here.
 *
 * The work is Σ (postings)² over keys held by at most HUB articles, plus
 * TOP_NEIGHBOURS comparisons per article: near-linear in the batch size.
 */

/** Up to this many articles every pair is compared: exact, and cheaper than building the keys. */
export const SMALL_BATCH = 32;
/** A sampled shingle or feature held by more articles than this is a commonplace of the batch and yields no candidates. */
const HUB_MIN = 24;
/** ... or by more than this share of the batch, when that is larger. */
const HUB_SHARE = 0.05;
/** Shared sampled shingles (1 in sampleMod of all) that make a copy candidate: 2 is a short run of identical words outside quotes. */
const MIN_SHARED_SAMPLES = 2;
/** Neighbours by rare-feature overlap kept per article. */
const TOP_NEIGHBOURS = 12;
/**
 * Overlap (summed idf of shared rare features) that makes a candidate
 * whatever the article's ranking: a story told by many rewrites of one wire
 * gives an article more true relatives than TOP_NEIGHBOURS.
 */
const STRONG_OVERLAP = 40;

/** Pair key of i < j in a batch of n. */
function pairKey(i: number, j: number, n: number): number {
  return i < j ? i * n + j : j * n + i;
}

function postings(keysOf: (p: ArticleProfile) => Iterable<number>, profiles: ArticleProfile[]): Map<number, number[]> {
  const out = new Map<number, number[]>();
  profiles.forEach((p, i) => {
    for (const k of keysOf(p)) {
      const list = out.get(k);
      if (list === undefined) out.set(k, [i]);
      else if (list[list.length - 1] !== i) list.push(i);
    }
  });
  return out;
}

/** Distinct sentence features of an article other than quoted words (independent reports quote the same statements). */
function* ownFeatures(p: ArticleProfile): Iterable<number> {
  const x = p.sentences;
  const seen = new Set<number>();
  for (let f = 0; f < x.features.length; f++) {
    if (x.kinds[f] === FEATURE_KIND.quote) continue;
    const h = x.features[f]!;
    if (!seen.has(h)) {
      seen.add(h);
      yield h;
    }
  }
}

/** Candidate pairs [i, j] with i < j, ascending: indices into profiles. */
export function candidatePairs(profiles: ArticleProfile[], s: RelateSettings): [number, number][] {
  const n = profiles.length;
  const out: [number, number][] = [];
  if (n <= SMALL_BATCH) {
    for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) out.push([i, j]);
    return out;
  }
  const hub = Math.max(HUB_MIN, Math.ceil(HUB_SHARE * n));
  const chosen = new Set<number>();

  // Copies: every pair in an LSH bucket (a bucket is strong evidence, so no hub limit).
  const bandsOf = profiles.map((p) => (p.shingleCount > 0 ? bandKeys(p.signature, s.bands, s.rows) : undefined));
  for (let b = 0; b < s.bands; b++) {
    const buckets = new Map<number, number[]>();
    bandsOf.forEach((keys, i) => {
      if (keys === undefined) return;
      const list = buckets.get(keys[b]!);
      if (list === undefined) buckets.set(keys[b]!, [i]);
      else list.push(i);
    });
    for (const list of buckets.values()) for (let x = 0; x < list.length; x++) for (let y = x + 1; y < list.length; y++) chosen.add(pairKey(list[x]!, list[y]!, n));
  }

  // Partial copies: sampled shingles in common.
  const sharedSamples = new Map<number, number>();
  for (const list of postings((p) => p.sample, profiles).values()) {
    if (list.length > hub) continue;
    for (let x = 0; x < list.length; x++) {
      for (let y = x + 1; y < list.length; y++) {
        const k = pairKey(list[x]!, list[y]!, n);
        const c = (sharedSamples.get(k) ?? 0) + 1;
        sharedSamples.set(k, c);
        if (c === MIN_SHARED_SAMPLES) chosen.add(k);
      }
    }
  }

  // Shared origin: articles crediting the same wire, unless the whole batch does (then the rare features below must find them).
  const byCredit = new Map<string, number[]>();
  profiles.forEach((p, i) => {
    if (p.attribution === undefined) return;
    const list = byCredit.get(p.attribution);
    if (list === undefined) byCredit.set(p.attribution, [i]);
    else list.push(i);
  });
  for (const list of byCredit.values()) {
    if (list.length > hub) continue;
    for (let x = 0; x < list.length; x++) for (let y = x + 1; y < list.length; y++) chosen.add(pairKey(list[x]!, list[y]!, n));
  }

  // Rewrites and translations: rare features in common, weighted by rarity in the batch.
  const features = postings(ownFeatures, profiles);
  const perArticle: number[][] = Array.from({ length: n }, () => []);
  const idf = new Map<number, number>();
  for (const [h, list] of features) {
    if (list.length < 2 || list.length > hub) continue;
    idf.set(h, Math.log(n / list.length));
    for (const i of list) perArticle[i]!.push(h);
  }
  const score = new Float64Array(n);
  const touched: number[] = [];
  for (let i = 0; i < n; i++) {
    for (const h of perArticle[i]!) {
      const w = idf.get(h)!;
      for (const j of features.get(h)!) {
        if (j === i) continue;
        if (score[j] === 0) touched.push(j);
        score[j] = score[j]! + w;
      }
    }
    // Best first; ties by index so the result does not depend on anything but the (sorted) batch.
    touched.sort((x, y) => score[y]! - score[x]! || x - y);
    touched.forEach((j, rank) => {
      if (rank < TOP_NEIGHBOURS || score[j]! >= STRONG_OVERLAP) chosen.add(pairKey(i, j, n));
    });
    for (const j of touched) score[j] = 0;
    touched.length = 0;
  }

  for (const k of [...chosen].sort((x, y) => x - y)) out.push([Math.floor(k / n), k % n]);
  return out;
}
