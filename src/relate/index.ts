import type { AnalyzedArticle, DerivationEdge, Relations } from '../types.js';
import { candidatePairs } from './candidates.js';
import { compareProfiles } from './compare.js';
import { DerivationIndex } from './derivation-index.js';
import { groupsOf } from './groups.js';
import { buildProfile, type ArticleProfile } from './profile.js';
import { resolveSettings, type RelateSettings } from './settings.js';

/**
 * relate: who copied whom. Copies (whole or partial) by MinHash over word
 * shingles, rewrites and translations by sentence alignment over facts,
 * shared origin by a common wire credit plus weaker alignment; independence
 * groups are the connected components of the edges. See docs/relate.md.
 */

export { DEFAULT_RELATE_SETTINGS, resolveSettings, type RelateSettings } from './settings.js';
export { candidateDocs, derivationKeys, DerivationIndex, filedUnder, HUB_POSTING, postingLimit, type DerivationIndexOptions, type DerivationKeys, type DerivationPostings, type IndexStats } from './derivation-index.js';
export { groupsOf } from './groups.js';
export { buildProfile, type ArticleProfile } from './profile.js';
export { decodeArticleProfile, encodeArticleProfile } from './profile-codec.js';
export { compareProfiles } from './compare.js';
export { candidatePairs, SMALL_BATCH } from './candidates.js';
export { minhashSignature, estimateJaccard, bandKeys, collisionProbability } from './minhash.js';

/**
 * Up to this many articles the batch's candidate pairs (candidates.ts) are
 * compared; beyond, articles go through the incremental DerivationIndex,
 * whose memory per article is smaller and bounded.
 */
const BATCH_LIMIT = 20_000;

/**
 * Profiles of analyzed articles already related, per article object: a store
 * or server relating overlapping sets of the same articles builds each
 * profile once. Articles are immutable records; the profile also depends on
 * the shingle and sketch settings, which are checked.
 */
const profileCache = new WeakMap<AnalyzedArticle, { settings: RelateSettings; profile: ArticleProfile }>();

function cachedProfile(a: AnalyzedArticle, s: RelateSettings): ArticleProfile {
  const hit = profileCache.get(a);
  if (hit && hit.settings.shingleSize === s.shingleSize && hit.settings.sampleMod === s.sampleMod && hit.settings.permutations === s.permutations) return hit.profile;
  const profile = buildProfile(a, s);
  profileCache.set(a, { settings: s, profile });
  return profile;
}

function edgeOrder(a: DerivationEdge, b: DerivationEdge): number {
  return a.from < b.from ? -1 : a.from > b.from ? 1 : a.to < b.to ? -1 : a.to > b.to ? 1 : 0;
}

/** Derivation edges and independence groups of a set of articles. Deterministic: independent of input order. */
export function relate(articles: AnalyzedArticle[], settings?: Partial<RelateSettings>): Relations {
  const s = resolveSettings(settings);
  const sorted = [...articles].sort((x, y) => (x.article.id < y.article.id ? -1 : x.article.id > y.article.id ? 1 : 0));
  const edges: DerivationEdge[] = [];
  if (sorted.length <= BATCH_LIMIT) {
    const profiles = sorted.map((a) => cachedProfile(a, s));
    for (const [i, j] of candidatePairs(profiles, s)) {
      if (profiles[i]!.id === profiles[j]!.id) continue;
      const e = compareProfiles(profiles[i]!, profiles[j]!, s);
      if (e) edges.push(e);
    }
  } else {
    const index = new DerivationIndex(s);
    for (const a of sorted) edges.push(...index.add(a));
  }
  edges.sort(edgeOrder);
  const ids = [...new Set(sorted.map((a) => a.article.id))];
  return { edges, groups: groupsOf(ids, edges, s.groupThreshold) };
}
