import type { AlignedPassage, DerivationEdge, DerivationKind } from '../types.js';
import { alignSentences, type Alignment } from './align.js';
import { skeletonAgreement } from './skeleton.js';
import { estimateJaccard } from './minhash.js';
import type { ArticleProfile, SentenceFingerprints } from './profile.js';
import type { RelateSettings } from './settings.js';

/**
 * Decides whether two articles are related by derivation, of which kind, and
 * who copied whom. Copies are judged on word shingles (quotations masked);
 * everything else on sentence alignment (align.ts).
 */

/** Below this many sampled shingles per side, containment comes from the MinHash estimate instead of the sample. */
const MIN_SAMPLE_FOR_CONTAINMENT = 12;
/** Share of the smaller body that a partial copy must still reach (besides its minimum size in shingles). */
const PARTIAL_COPY_MIN_CONTAINMENT = 0.1;
/** Machine-translation traces (profile.mtTraces) that make an aligned rewrite a translation. */
const MT_TRACES_FOR_TRANSLATION = 2;
/** Publication times closer than this do not decide direction (clock skew, same-minute wire pickups). */
const DIRECTION_MIN_GAP_MS = 60_000;

export interface CopyMeasures {
  /** Estimated Jaccard resemblance of the shingle sets. */
  resemblance: number;
  /** Estimated share of the smaller body's shingles present in the larger. */
  containment: number;
  /** Estimated number of shared shingles. */
  shared: number;
}

function sortedIntersection(a: Uint32Array, b: Uint32Array): number {
  let i = 0;
  let j = 0;
  let n = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      n++;
      i++;
      j++;
    } else if (a[i]! < b[j]!) i++;
    else j++;
  }
  return n;
}

export function copyMeasures(a: ArticleProfile, b: ArticleProfile, s: RelateSettings): CopyMeasures {
  const resemblance = estimateJaccard(a.signature, b.signature);
  const smaller = Math.max(1, Math.min(a.shingleCount, b.shingleCount));
  const minSample = Math.min(a.sample.length, b.sample.length);
  let containment: number;
  if (minSample >= MIN_SAMPLE_FOR_CONTAINMENT) {
    containment = sortedIntersection(a.sample, b.sample) / minSample;
  } else {
    // |A∩B| = J·(|A|+|B|)/(1+J) from the resemblance estimate and the exact set sizes.
    containment = (resemblance * (a.shingleCount + b.shingleCount)) / (1 + resemblance) / smaller;
  }
  containment = Math.min(1, containment);
  return { resemblance, containment, shared: containment * smaller };
}

export function isCopy(m: CopyMeasures, s: RelateSettings): boolean {
  return (
    m.resemblance >= s.copyResemblance ||
    m.containment >= s.copyContainment ||
    (m.shared >= s.partialCopyMinShared && m.containment >= PARTIAL_COPY_MIN_CONTAINMENT)
  );
}

/** Detection thresholds map to 0.5 and certainty to 1, so one group threshold serves every kind. */
function confidence(raw: number): number {
  return Math.round((0.5 + 0.5 * Math.min(1, Math.max(0, raw))) * 1000) / 1000;
}

/**
 * The origin: the earlier article when both dates are known and apart;
 * otherwise the one whose content is less contained in the other (a
 * truncated or trimmed copy is the derived one); otherwise the smaller id.
 * Returns true when a is the origin.
 */
function aIsOrigin(a: ArticleProfile, b: ArticleProfile, coverageA: number, coverageB: number, sizeA: number, sizeB: number): boolean {
  if (a.publishedAt !== undefined && b.publishedAt !== undefined && Math.abs(a.publishedAt - b.publishedAt) >= DIRECTION_MIN_GAP_MS) {
    return a.publishedAt < b.publishedAt;
  }
  if (Math.abs(coverageA - coverageB) > 0.05) return coverageA < coverageB;
  if (sizeA !== sizeB) return sizeA > sizeB;
  return a.id < b.id;
}

function evidenceOf(al: Alignment, a: ArticleProfile, b: ArticleProfile, aFirst: boolean, max: number): AlignedPassage[] {
  const best = [...al.pairs].sort((x, y) => y.sim - x.sim || x.a - y.a).slice(0, max);
  best.sort((x, y) => x.a - y.a);
  return best.map((p) => {
    const ta = a.sentences.texts[p.a]!;
    const tb = b.sentences.texts[p.b]!;
    return { fromText: aFirst ? ta : tb, toText: aFirst ? tb : ta, score: Math.round(p.sim * 1000) / 1000 };
  });
}

function edge(a: ArticleProfile, b: ArticleProfile, kind: DerivationKind, raw: number, aFirst: boolean, evidence: AlignedPassage[]): DerivationEdge {
  const [from, to] = aFirst ? [a.id, b.id] : [b.id, a.id];
  return { from, to, kind, score: confidence(raw), evidence };
}

/**
 * Whether two articles in different languages correspond sentence by sentence, as a translation
 * and its original do: most sentences of each have a partner (alignment on what survives
 * translation: names, numbers, shared words and cognates), the partners are about as similar as
 * translated sentences are, one language does not take twice the room of the other (Gale and
 * Church, 1993: a text and its translation have lengths in a near-constant ratio), and partners
 * keep the same figures and punctuation in the same order (skeleton.ts), which two independent
 * reports of one event, sharing names and figures, do not.
 */
export function isTranslation(al: Alignment, a: SentenceFingerprints, b: SentenceFingerprints, s: RelateSettings): boolean {
  const k = al.pairs.length;
  if (k === 0 || Math.min(al.coverageA, al.coverageB) < s.translationCoverage) return false;
  let logRatio = 0;
  let sim = 0;
  for (const p of al.pairs) {
    logRatio += Math.log(Math.max(1, a.texts[p.a]!.length) / Math.max(1, b.texts[p.b]!.length));
    sim += p.sim;
  }
  if (Math.abs(logRatio / k) > s.translationLengthRatio || sim / k < s.translationSimilarity) return false;
  return skeletonAgreement(al, a, b) >= s.translationSkeleton;
}

export function isRewrite(al: Alignment, s: RelateSettings): boolean {
  const n = al.pairs.length;
  return (n >= s.rewriteMinAligned && al.score >= s.rewriteScore) || (n >= s.rewriteShortMinAligned && al.score >= s.rewriteShortScore);
}

/** Whether two articles are known to be written in different languages. */
function languagesDiffer(a: ArticleProfile, b: ArticleProfile): boolean {
  return a.language !== 'und' && b.language !== 'und' && a.language !== b.language;
}

/** Rewrite or translation: a translation when the languages differ or the derived text carries machine-translation traces its origin lacks. */
function rewriteKind(origin: ArticleProfile, derived: ArticleProfile): DerivationKind {
  const traces = derived.mtTraces >= MT_TRACES_FOR_TRANSLATION && origin.mtTraces < MT_TRACES_FOR_TRANSLATION;
  return languagesDiffer(origin, derived) || traces ? 'translation' : 'rewrite';
}

/** The derivation edge between two articles, or null when they are independent. */
export function compareProfiles(a: ArticleProfile, b: ArticleProfile, s: RelateSettings): DerivationEdge | null {
  if (a.id === b.id) return null;
  const m = copyMeasures(a, b, s);
  const copy = isCopy(m, s);
  const wholeCopy = m.resemblance >= s.copyResemblance || m.containment >= s.copyContainment;
  const al = alignSentences(a.sentences, b.sentences, s.sentenceFloor, languagesDiffer(a, b));
  // A partial overlap of wording with sentence-by-sentence correspondence is an edited rewrite or a translation, not a copy.
  if (copy && (wholeCopy || !isRewrite(al, s))) {
    // Containment of each side in the other, from the shared estimate.
    const covA = m.shared / Math.max(1, a.shingleCount);
    const covB = m.shared / Math.max(1, b.shingleCount);
    const aFirst = aIsOrigin(a, b, covA, covB, a.shingleCount, b.shingleCount);
    return edge(a, b, 'copy', Math.max(m.resemblance, m.containment), aFirst, evidenceOf(al, a, b, aFirst, s.maxEvidence));
  }
  if (languagesDiffer(a, b) ? isTranslation(al, a.sentences, b.sentences, s) : isRewrite(al, s)) {
    // Without dates, a side with machine-translation traces is the translation, i.e. the derived one.
    const traced = (p: ArticleProfile): boolean => p.mtTraces >= MT_TRACES_FOR_TRANSLATION;
    const dated = a.publishedAt !== undefined && b.publishedAt !== undefined && Math.abs(a.publishedAt - b.publishedAt) >= DIRECTION_MIN_GAP_MS;
    const aFirst =
      !dated && traced(a) !== traced(b) ? traced(b) : aIsOrigin(a, b, al.coverageA, al.coverageB, a.sentences.texts.length, b.sentences.texts.length);
    const kind = aFirst ? rewriteKind(a, b) : rewriteKind(b, a);
    return edge(a, b, kind, Math.max(al.score, m.containment), aFirst, evidenceOf(al, a, b, aFirst, s.maxEvidence));
  }
  if (a.attribution && a.attribution === b.attribution && al.pairs.length >= s.sharedOriginMinAligned && al.score >= s.sharedOriginScore) {
    const aFirst = a.id < b.id;
    return edge(a, b, 'shared-origin', al.score, aFirst, evidenceOf(al, a, b, aFirst, s.maxEvidence));
  }
  return null;
}
