/**
 * The knobs of the online clusterer. Defaults are chosen from first
 * principles where possible (see docs/cluster.md) and checked on ecbplus-dev;
 * `add` order plus these settings fully determine the stories.
 */
export interface ClusterSettings {
  /**
   * Minimum combined similarity (0..1) for an article to join a story. Deliberately strict: a join
   * can never be undone, while a story founded too eagerly is merged back by `settle` once the
   * company its members keep shows it is the same event (0.3 to 0.4 measure alike on ecbplus-dev).
   */
  joinThreshold: number;
  /**
   * Share of the similarity that comes from anchors (names, numbers, dates) rather than body terms:
   * above half, since anchors are what tell two events of one kind apart (0.6 chosen on ecbplus-dev;
   * 0.5 to 0.7 are within 0.015 B-cubed F1 of it there).
   */
  anchorWeight: number;
  /**
   * Two live stories are merged at once (in `add`) when their average linkage (mean similarity over
   * all pairs of members) reaches this: only near-duplicates, since raw similarity levels differ
   * between topics; other late merges wait for `settle`'s shared-neighbour evidence.
   */
  mergeThreshold: number;
  /**
   * Days of silence over which the share of body terms in the similarity halves, the anchors taking
   * over (time.ts): the longer a story has been quiet, the more a new report must share its names,
   * places, dates and figures, not only its vocabulary, to continue it.
   */
  termHalfLifeDays: number;
  /**
   * A story idle for this many days leaves the hot index (members, neighbour lists, postings) and
   * becomes dormant: still found through its anchors, and woken by an article that continues it.
   */
  hotDays: number;
  /**
   * ...and once this many articles have also passed it by: streams arrive only roughly in date
   * order, and one far-off date must not empty the hot index at once.
   */
  hotMinIdleArticles: number;
  /** For undated streams: stories idle for this many articles leave the hot index. */
  maxIdleArticles: number;
  /** A dormant story is forgotten after this many days of silence (dated streams). */
  dormantDays: number;
  /**
   * Features whose document frequency is kept: beyond, the rarest are forgotten (profile.ts). The
   * vocabulary of a news stream grows without end (names, figures, misspellings); what tells a
   * feature's weight is whether it is common, which the most frequent million tell.
   */
  maxVocabulary: number;
  /** At most this many dormant stories are kept (the ones that went dormant first are forgotten first). */
  maxDormantStories: number;
  /** Features a dormant story keeps per space (anchors overall; terms and anchors per language). */
  dormantFeatures: number;
  /** Heaviest anchors a dormant story is found under. */
  dormantPosted: number;
  /** Dormant stories (best by shared anchors) scored in full per article. */
  dormantCandidates: number;
  /** Distinctive features of an article used to look up candidate stories in the inverted index. */
  queryFeatures: number;
  /** Candidate stories scored in full per article (the best by index hits). */
  maxCandidates: number;
  /** Body terms kept in a story profile (the heaviest by weight × rarity). */
  profileTerms: number;
  /** Anchors kept in a story profile. */
  profileAnchors: number;
  /** Nearest neighbours each recent article keeps (K of shared-nearest-neighbour evidence). */
  neighbours: number;
  /** Minimum article-to-article similarity for a neighbour: below it, articles are strangers, not neighbours. */
  neighbourFloor: number;
  /**
   * `settle` merges two stories when the mean share of nearest neighbours over all pairs of their
   * members reaches this (0..1): the stories keep the same company, so they report one event.
   */
  settleThreshold: number;
  /** ...and their plain average linkage reaches this: shared neighbours alone never join unrelated stories. */
  settleGate: number;
  /** Candidate stories (best first) whose recent members a new article is compared with, one by one, for neighbours. */
  neighbourStories: number;
  /** Recent members per story kept for neighbour search. */
  neighbourMembers: number;
  /** In `add`, stories idle for at least this many articles are settled with each other (0: only an explicit `settle`). */
  settleIdleArticles: number;
}

export const DEFAULT_CLUSTER_SETTINGS: Readonly<ClusterSettings> = Object.freeze({
  joinThreshold: 0.35,
  anchorWeight: 0.6,
  mergeThreshold: 0.5,
  termHalfLifeDays: 3,
  hotDays: 7,
  hotMinIdleArticles: 200,
  maxIdleArticles: 20_000,
  dormantDays: 180,
  maxVocabulary: 1_048_576,
  maxDormantStories: 50_000,
  dormantFeatures: 48,
  dormantPosted: 16,
  dormantCandidates: 4,
  queryFeatures: 24,
  maxCandidates: 16,
  profileTerms: 200,
  profileAnchors: 100,
  neighbours: 8,
  neighbourFloor: 0.1,
  settleThreshold: 0.25,
  settleGate: 0.1,
  neighbourStories: 4,
  neighbourMembers: 12,
  settleIdleArticles: 150,
});

export function resolveSettings(settings?: Partial<ClusterSettings>): ClusterSettings {
  const s = { ...DEFAULT_CLUSTER_SETTINGS, ...(settings ?? {}) };
  for (const [k, v] of Object.entries(s)) {
    if (typeof v !== 'number' || !Number.isFinite(v) || v < 0) throw new RangeError(`cluster setting ${k} must be a non-negative number`);
  }
  return s;
}
