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

/** Local copies of profile.ts constants: read in the innermost loops, where an imported binding may cost a call. */
const QUOTE = FEATURE_KIND.quote;
const TERM = FEATURE_KIND.term;
const COGNATE = FEATURE_KIND.cognate;
const KW = Float64Array.from(KIND_WEIGHT);

/**
 * Weight by kind of a feature both articles have, and of one only one has. Within one language
 * words meet as themselves and cognate keys are not compared; across languages words meet on their
 * cognate keys (or as themselves, an untranslated word), and a word the other side lacks is no
 * evidence against: it could not have been kept.
 */
const SAME_LANGUAGE = { kindWeight: KW.map((w, kind) => (kind === COGNATE ? 0 : w)), unsharedWeight: KW.map((w, kind) => (kind === COGNATE ? 0 : w)) };
const CROSS_LANGUAGE = { kindWeight: KW, unsharedWeight: KW.map((w, kind) => (kind === TERM || kind === COGNATE ? 0 : w)) };

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

/**
 * What alignment needs of one article, computed once per article rather than
 * once per pair (relate compares each article with many others): its distinct
 * features in hash order with their sentence frequency and kind, and for each
 * distinct feature the sentences holding it (a small inverted index), so a
 * pair's sentence similarities come from the features the two articles share
 * instead of from every sentence pair.
 */
interface AlignView {
  /** Distinct feature hashes, ascending. */
  uniq: Uint32Array;
  /** Sentences holding each distinct feature (features are distinct within a sentence). */
  df: Uint32Array;
  /** Highest FEATURE_KIND value the feature has in the article. */
  kind: Uint8Array;
  /** For each entry of SentenceFingerprints.features, its index in uniq. */
  slot: Uint32Array;
  /** Sentences of distinct feature u: sentences[postStart[u] .. postStart[u + 1]), ascending. */
  postStart: Uint32Array;
  sentences: Uint32Array;
}

/** Views are cached per fingerprint object: a profile's fingerprints never change once built. */
const views = new WeakMap<SentenceFingerprints, AlignView>();

function alignView(x: SentenceFingerprints): AlignView {
  const cached = views.get(x);
  if (cached) return cached;
  const total = x.features.length;
  const order = Uint32Array.from({ length: total }, (_, i) => i).sort((p, q) => x.features[p]! - x.features[q]! || p - q);
  const owner = new Uint32Array(total);
  for (let i = 0; i < x.texts.length; i++) owner.fill(i, x.offsets[i]!, x.offsets[i + 1]!);
  let distinct = 0;
  for (let r = 0; r < total; r++) if (r === 0 || x.features[order[r]!] !== x.features[order[r - 1]!]) distinct++;
  const uniq = new Uint32Array(distinct);
  const df = new Uint32Array(distinct);
  const kind = new Uint8Array(distinct);
  const slot = new Uint32Array(total);
  const postStart = new Uint32Array(distinct + 1);
  const sentences = new Uint32Array(total);
  let u = -1;
  for (let r = 0; r < total; r++) {
    const f = order[r]!;
    if (r === 0 || x.features[f] !== x.features[order[r - 1]!]) {
      u++;
      uniq[u] = x.features[f]!;
      postStart[u] = r;
    }
    df[u] = df[u]! + 1;
    if (x.kinds[f]! > kind[u]!) kind[u] = x.kinds[f]!;
    slot[f] = u;
    // order is stable by position, and positions grow with the sentence index: postings come out ascending.
    sentences[r] = owner[f]!;
  }
  postStart[distinct] = total;
  const view = { uniq, df, kind, slot, postStart, sentences };
  views.set(x, view);
  return view;
}

/** Module-level scratch buffers, grown as needed: comparing many pairs must not allocate per pair. */
let scratchOwn: Float64Array = new Float64Array(1024);
let scratchQuote: Float64Array = new Float64Array(1024);
let scratchD: Float64Array = new Float64Array(1024);

function grown(buf: Float64Array, size: number): Float64Array {
  if (buf.length >= size) return buf;
  let n = buf.length;
  while (n < size) n *= 2;
  return new Float64Array(n);
}

/**
 * log(1 + n / d) by n (sentences of the pair) and d (sentences holding the
 * feature): both small integers, so each value is computed once per process
 * rather than once per feature per pair.
 */
const logTables = new Map<number, Float64Array>();

function logTable(n: number): Float64Array {
  let t = logTables.get(n);
  if (!t) {
    // d never exceeds n: a feature is at most once per sentence.
    t = new Float64Array(n + 1);
    for (let d = 1; d <= n; d++) t[d] = Math.log(1 + n / d);
    logTables.set(n, t);
  }
  return t;
}

interface PairWeights {
  wa: Float64Array;
  wb: Float64Array;
  /** Indices (into each view's uniq) of the shared features, ascending by hash. */
  sharedA: Uint32Array;
  sharedB: Uint32Array;
  shared: number;
}

/**
 * Weight of every distinct feature of each side for this pair: kind weight ×
 * log inverse sentence frequency within the two articles (a feature's kind is
 * the highest it has on either side). Returned per side, indexed like the
 * view's uniq; a shared feature gets the same weight on both sides.
 */
function pairWeights(a: SentenceFingerprints, va: AlignView, b: SentenceFingerprints, vb: AlignView, crossLanguage: boolean): PairWeights {
  const { kindWeight, unsharedWeight } = crossLanguage ? CROSS_LANGUAGE : SAME_LANGUAGE;
  const log = logTable(a.texts.length + b.texts.length);
  const na = va.uniq.length;
  const nb = vb.uniq.length;
  const wa = new Float64Array(na);
  const wb = new Float64Array(nb);
  const cap = Math.min(na, nb);
  const sharedA = new Uint32Array(cap);
  const sharedB = new Uint32Array(cap);
  let shared = 0;
  let i = 0;
  let j = 0;
  while (i < na && j < nb) {
    const p = va.uniq[i]!;
    const q = vb.uniq[j]!;
    if (p === q) {
      const w = kindWeight[Math.max(va.kind[i]!, vb.kind[j]!)]! * log[va.df[i]! + vb.df[j]!]!;
      wa[i] = w;
      wb[j] = w;
      sharedA[shared] = i;
      sharedB[shared] = j;
      shared++;
      i++;
      j++;
    } else if (p < q) {
      wa[i] = unsharedWeight[va.kind[i]!]! * log[va.df[i]!]!;
      i++;
    } else {
      wb[j] = unsharedWeight[vb.kind[j]!]! * log[vb.df[j]!]!;
      j++;
    }
  }
  for (; i < na; i++) wa[i] = unsharedWeight[va.kind[i]!]! * log[va.df[i]!]!;
  for (; j < nb; j++) wb[j] = unsharedWeight[vb.kind[j]!]! * log[vb.df[j]!]!;
  return { wa, wb, sharedA, sharedB, shared };
}

interface Weights {
  own: Float64Array;
  quote: Float64Array;
}

/** Summed weight of each sentence's own features and of its quoted ones. */
function sentenceWeights(x: SentenceFingerprints, v: AlignView, w: Float64Array): Weights {
  const own = new Float64Array(x.texts.length);
  const quote = new Float64Array(x.texts.length);
  for (let i = 0; i < x.texts.length; i++) {
    let o = 0;
    let q = 0;
    for (let f = x.offsets[i]!; f < x.offsets[i + 1]!; f++) {
      if (x.kinds[f] === QUOTE) q += w[v.slot[f]!]!;
      else o += w[v.slot[f]!]!;
    }
    own[i] = o;
    quote[i] = q;
  }
  return { own, quote };
}


/**
 * Most a shared quotation adds to a sentence pair's similarity: sentences that
 * agree only in what they quote are what independent reports of one statement
 * look like, so quotes can confirm an alignment but not make one.
 */
const QUOTE_BONUS = 0.2;

/**
 * Similarity of every sentence pair into sim (row-major, |a|×|b|): the
 * weighted cosine of the sentences' own features plus a bounded bonus for
 * shared quoted words. Only features the articles share are visited (through
 * the views' postings), in ascending hash order, so each pair's sums add the
 * same terms in the same order as a merge of the two sentences would.
 * Returns how many pairs reach floor.
 */
function similarities(a: SentenceFingerprints, va: AlignView, b: SentenceFingerprints, vb: AlignView, sim: Float64Array, quoteSim: Float64Array, floor: number, crossLanguage: boolean): number {
  const n = a.texts.length;
  const m = b.texts.length;
  sim.fill(0, 0, n * m);
  quoteSim.fill(0, 0, n * m);
  const { wa, wb, sharedA, sharedB, shared } = pairWeights(a, va, b, vb, crossLanguage);
  if (shared === 0) return 0;
  for (let k = 0; k < shared; k++) {
    const u = sharedA[k]!;
    const v = sharedB[k]!;
    const w = wa[u]!;
    // A feature's kind is the same wherever it occurs (the kind is part of its key), so either side's first posting tells it.
    const isQuote = va.kind[u] === QUOTE;
    const target = isQuote ? quoteSim : sim;
    for (let p = va.postStart[u]!; p < va.postStart[u + 1]!; p++) {
      const row = va.sentences[p]! * m;
      for (let q = vb.postStart[v]!; q < vb.postStart[v + 1]!; q++) {
        const c = row + vb.sentences[q]!;
        target[c] = target[c]! + w;
      }
    }
  }
  const ta = sentenceWeights(a, va, wa);
  const tb = sentenceWeights(b, vb, wb);
  let atFloor = 0;
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < m; j++) {
      const c = i * m + j;
      const sharedOwn = sim[c]!;
      const sharedQuote = quoteSim[c]!;
      if (sharedOwn === 0 && sharedQuote === 0) continue;
      const own = ta.own[i]! > 0 && tb.own[j]! > 0 ? sharedOwn / Math.sqrt(ta.own[i]! * tb.own[j]!) : 0;
      const quote = ta.quote[i]! > 0 && tb.quote[j]! > 0 ? sharedQuote / Math.sqrt(ta.quote[i]! * tb.quote[j]!) : 0;
      const s = Math.min(1, own + QUOTE_BONUS * quote);
      sim[c] = s;
      if (s >= floor) atFloor++;
    }
  }
  return atFloor;
}

/**
 * Monotone alignment (who-follows-whom is kept) maximising the summed
 * similarity of aligned pairs, each at least `floor`: a Needleman–Wunsch
 * without gap cost, O(|a|·|b|). `crossLanguage`: the articles are written in
 * different languages, so only what survives translation (names, numbers,
 * words the two happen to share) is compared.
 */
export function alignSentences(a: SentenceFingerprints, b: SentenceFingerprints, floor: number, crossLanguage = false): Alignment {
  const n = a.texts.length;
  const m = b.texts.length;
  if (n === 0 || m === 0) return { pairs: [], score: 0, coverageA: 0, coverageB: 0 };
  scratchOwn = grown(scratchOwn, n * m);
  scratchQuote = grown(scratchQuote, n * m);
  const sim = scratchOwn;
  // Independent articles mostly share no sentence pair above the floor: then the alignment is empty.
  if (similarities(a, alignView(a), b, alignView(b), sim, scratchQuote, floor, crossLanguage) === 0) return { pairs: [], score: 0, coverageA: 0, coverageB: 0 };
  const W = m + 1;
  scratchD = grown(scratchD, (n + 1) * W);
  const D = scratchD;
  D.fill(0, 0, (n + 1) * W);
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
