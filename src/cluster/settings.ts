/**
 * The knobs of the online clusterer. Defaults are chosen from first
 * principles where possible (see docs/cluster.md) and checked on ecbplus-dev;
 * `add` order plus these settings fully determine the stories.
 */
export interface ClusterSettings {
  /** Minimum combined similarity (0..1) for an article to join a story. */
  joinThreshold: number;
  /**
   * Share of the similarity that comes from anchors (names, numbers, dates) rather than body terms:
   * above half, since anchors are what tell two events of one kind apart (0.6 chosen on ecbplus-dev;
   * 0.5 to 0.7 are within 0.015 B-cubed F1 of it there).
   */
  anchorWeight: number;
  /**
   * Two live stories are merged when their average linkage (mean similarity over all pairs of
   * members) reaches this: higher than `joinThreshold`, since a merge rewrites established stories.
   */
  mergeThreshold: number;
  /** A dated article only meets stories active within this many days of it; idle stories leave the hot index after it. */
  windowDays: number;
  /** For undated streams: stories idle for this many articles leave the hot index. */
  maxIdleArticles: number;
  /** Distinctive features of an article used to look up candidate stories in the inverted index. */
  queryFeatures: number;
  /** Candidate stories scored in full per article (the best by index hits). */
  maxCandidates: number;
  /** Body terms kept in a story profile (the heaviest by weight × rarity). */
  profileTerms: number;
  /** Anchors kept in a story profile. */
  profileAnchors: number;
}

export const DEFAULT_CLUSTER_SETTINGS: Readonly<ClusterSettings> = Object.freeze({
  joinThreshold: 0.2,
  anchorWeight: 0.6,
  mergeThreshold: 0.3,
  windowDays: 7,
  maxIdleArticles: 20_000,
  queryFeatures: 24,
  maxCandidates: 16,
  profileTerms: 200,
  profileAnchors: 100,
});

export function resolveSettings(settings?: Partial<ClusterSettings>): ClusterSettings {
  const s = { ...DEFAULT_CLUSTER_SETTINGS, ...(settings ?? {}) };
  for (const [k, v] of Object.entries(s)) {
    if (typeof v !== 'number' || !Number.isFinite(v) || v < 0) throw new RangeError(`cluster setting ${k} must be a non-negative number`);
  }
  return s;
}
