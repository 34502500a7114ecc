/**
 * Every threshold of derivation detection, named and explained in one place
 * (docs/relate.md gives the reasoning and the measurements behind them).
 */
export interface RelateSettings {
  /** Words per shingle for copy detection: 5 is long enough that independent reports rarely share one by chance. */
  shingleSize: number;
  /** A shingle is kept in the containment sample when hash % sampleMod === 0 (Broder's MOD-m sketch). */
  sampleMod: number;
  /** MinHash functions; bands × rows must equal it. */
  permutations: number;
  bands: number;
  rows: number;
  /** Resemblance (Jaccard of shingles) at or above which two bodies are one text: a copy. */
  copyResemblance: number;
  /** Share of the smaller body's shingles found in the larger one that makes a (partial or truncated) copy. */
  copyContainment: number;
  /** Fewest shared shingles (estimated) for a partial copy: about one paragraph, more than any shared quote (quotes are masked anyway). */
  partialCopyMinShared: number;
  /** Sentence-pair similarity below which two sentences are not aligned at all. */
  sentenceFloor: number;
  /** Alignment score (see align.ts) at or above which an article is a rewrite or translation of another. */
  rewriteScore: number;
  /** Fewest aligned sentence pairs for a rewrite: one or two shared facts are what independent reports of one event have. */
  rewriteMinAligned: number;
  /**
   * Short articles cannot reach rewriteMinAligned pairs; with at least this many
   * they are rewrites when nearly every sentence matches closely (score at
   * least rewriteShortScore, far above what independent reports reach).
   */
  rewriteShortMinAligned: number;
  rewriteShortScore: number;
  /**
   * Translations (articles in different languages) are judged on correspondence, not on a score over
   * shared words (compare.ts, isTranslation): at least this share of each article's sentences aligned...
   */
  translationCoverage: number;
  /** ...with a mean similarity of aligned pairs of at least this (on names, numbers, shared words and cognates)... */
  translationSimilarity: number;
  /** ...aligned sentences' mean log length ratio no further from 0 than this (ln 2: one language never takes twice the room of another)... */
  translationLengthRatio: number;
  /** ...and aligned sentences keeping their figures and punctuation in order: mean skeleton agreement (skeleton.ts) at least this. */
  translationSkeleton: number;
  /** Lower alignment score that suffices when both articles credit the same wire (attribution): shared origin. */
  sharedOriginScore: number;
  sharedOriginMinAligned: number;
  /**
   * Edges at or above this score join their articles into one independence group. Edge
   * scores are 0.5 + 0.5 × the kind's raw measure (resemblance or containment
   * for copies, alignment score otherwise), so every detected edge scores at
   * least 0.5 and the default groups them all; raise it to group only surer edges.
   */
  groupThreshold: number;
  /** Passages kept as an edge's evidence. */
  maxEvidence: number;
}

export const DEFAULT_RELATE_SETTINGS: RelateSettings = {
  shingleSize: 5,
  sampleMod: 4,
  permutations: 64,
  bands: 16,
  rows: 4,
  copyResemblance: 0.5,
  copyContainment: 0.6,
  partialCopyMinShared: 40,
  sentenceFloor: 0.3,
  rewriteScore: 0.3,
  rewriteMinAligned: 7,
  rewriteShortMinAligned: 4,
  rewriteShortScore: 0.6,
  translationCoverage: 0.5,
  translationSimilarity: 0.45,
  translationLengthRatio: Math.LN2,
  translationSkeleton: 0.8,
  sharedOriginScore: 0.2,
  sharedOriginMinAligned: 3,
  groupThreshold: 0.5,
  maxEvidence: 5,
};

export function resolveSettings(partial?: Partial<RelateSettings>): RelateSettings {
  const s = { ...DEFAULT_RELATE_SETTINGS, ...(partial ?? {}) };
  if (s.bands * s.rows !== s.permutations) throw new RangeError(`relate: bands × rows (${s.bands}×${s.rows}) must equal permutations (${s.permutations})`);
  return s;
}
