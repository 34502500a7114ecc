import { FEATURE_KIND, KIND_WEIGHT, type SentenceFingerprints } from './profile.js';

/**
 * Sentence alignment between two articles: the core of rewrite and
 * translation detection. A rewrite keeps the facts of each sentence (names,
 * numbers, quoted words, the rarer content words) and their order while
 * changing most of the wording; two independent reports of one event share
 * facts too, but scattered, a few per article, and in their own order.
 *
 * Features are weighted by kind (numbers and quotes count most) and by how
 * rare they are within the pair (a name in every sentence of both articles
 * says little about which sentences correspond).
 */

/**
 * The score is normalised by the shorter article's sentence count, but never
 * by fewer than this: a one- or two-sentence article matching one sentence is
 * not evidence of a rewrite.
 */
const MIN_DENOMINATOR = 5;

export interface AlignedPair {
  a: number;
  b: number;
  sim: number;
}

export interface Alignment {
  pairs: AlignedPair[];
  /** Sum of aligned similarities over the sentences of the shorter article: 0..1. */
  score: number;
  /** Share of each article's sentences that found a partner. */
  coverageA: number;
  coverageB: number;
}

/** Weight of every feature hash for this pair: kind weight × log inverse sentence frequency within the two articles. */
function pairWeights(a: SentenceFingerprints, b: SentenceFingerprints): Map<number, number> {
  const df = new Map<number, number>();
  const kind = new Map<number, number>();
  for (const x of [a, b]) {
    // Features are distinct within a sentence, so counting occurrences counts sentences.
    for (let i = 0; i < x.features.length; i++) {
      const h = x.features[i]!;
      df.set(h, (df.get(h) ?? 0) + 1);
      const k = x.kinds[i]!;
      if ((kind.get(h) ?? -1) < k) kind.set(h, k);
    }
  }
  const n = a.texts.length + b.texts.length;
  const w = new Map<number, number>();
  for (const [h, d] of df) w.set(h, KIND_WEIGHT[kind.get(h)!]! * Math.log(1 + n / d));
  return w;
}

interface Weights {
  own: number;
  quote: number;
}

function totalWeight(x: SentenceFingerprints, i: number, w: Map<number, number>): Weights {
  const t = { own: 0, quote: 0 };
  for (let f = x.offsets[i]!; f < x.offsets[i + 1]!; f++) {
    if (x.kinds[f] === FEATURE_KIND.quote) t.quote += w.get(x.features[f]!) ?? 0;
    else t.own += w.get(x.features[f]!) ?? 0;
  }
  return t;
}

/**
 * Most a shared quotation adds to a sentence pair's similarity: sentences that
 * agree only in what they quote are what independent reports of one statement
 * look like, so quotes can confirm an alignment but not make one.
 */
const QUOTE_BONUS = 0.2;

/** Weighted cosine of the sentences' own features plus a bounded bonus for shared quoted words. */
function similarity(x: SentenceFingerprints, xi: number, y: SentenceFingerprints, yi: number, w: Map<number, number>, wx: Weights, wy: Weights): number {
  let i = x.offsets[xi]!;
  let j = y.offsets[yi]!;
  const iEnd = x.offsets[xi + 1]!;
  const jEnd = y.offsets[yi + 1]!;
  let shared = 0;
  let sharedQuote = 0;
  const fx = x.features;
  const fy = y.features;
  while (i < iEnd && j < jEnd) {
    const p = fx[i]!;
    const q = fy[j]!;
    if (p === q) {
      if (x.kinds[i] === FEATURE_KIND.quote) sharedQuote += w.get(p) ?? 0;
      else shared += w.get(p) ?? 0;
      i++;
      j++;
    } else if (p < q) i++;
    else j++;
  }
  const own = wx.own > 0 && wy.own > 0 ? shared / Math.sqrt(wx.own * wy.own) : 0;
  const quote = wx.quote > 0 && wy.quote > 0 ? sharedQuote / Math.sqrt(wx.quote * wy.quote) : 0;
  return Math.min(1, own + QUOTE_BONUS * quote);
}

/**
 * Monotone alignment (who-follows-whom is kept) maximising the summed
 * similarity of aligned pairs, each at least `floor`: a Needleman–Wunsch
 * without gap cost, O(|a|·|b|).
 */
export function alignSentences(a: SentenceFingerprints, b: SentenceFingerprints, floor: number): Alignment {
  const n = a.texts.length;
  const m = b.texts.length;
  if (n === 0 || m === 0) return { pairs: [], score: 0, coverageA: 0, coverageB: 0 };
  const w = pairWeights(a, b);
  const wa = Array.from({ length: n }, (_, i) => totalWeight(a, i, w));
  const wb = Array.from({ length: m }, (_, j) => totalWeight(b, j, w));
  const sim = new Float64Array(n * m);
  for (let i = 0; i < n; i++) for (let j = 0; j < m; j++) sim[i * m + j] = similarity(a, i, b, j, w, wa[i]!, wb[j]!);
  const D = new Float64Array((n + 1) * (m + 1));
  const W = m + 1;
  for (let i = 1; i <= n; i++) {
    for (let j = 1; j <= m; j++) {
      let best = Math.max(D[(i - 1) * W + j]!, D[i * W + j - 1]!);
      const s = sim[(i - 1) * m + j - 1]!;
      if (s >= floor) best = Math.max(best, D[(i - 1) * W + j - 1]! + s);
      D[i * W + j] = best;
    }
  }
  const pairs: AlignedPair[] = [];
  let i = n;
  let j = m;
  while (i > 0 && j > 0) {
    const here = D[i * W + j]!;
    const s = sim[(i - 1) * m + j - 1]!;
    if (s >= floor && here === D[(i - 1) * W + j - 1]! + s) {
      pairs.push({ a: i - 1, b: j - 1, sim: s });
      i--;
      j--;
    } else if (here === D[(i - 1) * W + j]!) i--;
    else j--;
  }
  pairs.reverse();
  const total = D[n * W + m]!;
  return { pairs, score: Math.min(1, total / Math.max(MIN_DENOMINATOR, Math.min(n, m))), coverageA: pairs.length / n, coverageB: pairs.length / m };
}
