import { charClass, charWidth, LETTER, NUMBER, UPPER } from '../analyze/chars.js';

/**
 * The pieces of a sentence fingerprint that run for every sentence of every
 * article, written for speed: the distinct features of a sentence and the
 * name-like words of its text.
 */

/** Bits of a packed feature key that hold the feature's place in the order seen. */
const ORDER_BITS = 18;
/** Bits that hold its kind's weight rank (up to four weights). */
const RANK_BITS = 2;

/**
 * The sorted, distinct hashes of a sentence's features, each with the kind
 * of most weight (weights[kind]) it was seen with (of equal weights, the first seen).
 * Each sighting is packed into one exact double, hash · rank · order, and
 * the doubles sorted: cheaper than a Map from hash to kind, then a sort.
 */
export function distinctFeatures(hashes: number[], kinds: number[], weights: readonly number[]): { features: Uint32Array; kinds: Uint8Array } {
  const n = hashes.length;
  const rank = weightRanks(weights);
  if (n >= 2 ** ORDER_BITS || rank === undefined) return distinctFeaturesByMap(hashes, kinds, weights);
  const packed = new Float64Array(n);
  for (let i = 0; i < n; i++) packed[i] = (hashes[i]! * 2 ** RANK_BITS + rank[kinds[i]!]!) * 2 ** ORDER_BITS + i;
  packed.sort();
  const features = new Uint32Array(n);
  const outKinds = new Uint8Array(n);
  let m = 0;
  for (let i = 0; i < n; i++) {
    const h = Math.floor(packed[i]! / 2 ** (RANK_BITS + ORDER_BITS));
    if (m > 0 && features[m - 1] === h) continue;
    features[m] = h;
    outKinds[m++] = kinds[packed[i]! % 2 ** ORDER_BITS]!;
  }
  return { features: features.slice(0, m), kinds: outKinds.slice(0, m) };
}

const RANKS = new WeakMap<readonly number[], number[] | undefined>();

/** Rank of each kind's weight, 0 for the heaviest so that an ascending sort puts it first; undefined when too many weights to pack. */
function weightRanks(weights: readonly number[]): number[] | undefined {
  if (!RANKS.has(weights)) {
    const distinct = [...new Set(weights)].sort((a, b) => b - a);
    RANKS.set(weights, distinct.length > 2 ** RANK_BITS ? undefined : weights.map((w) => distinct.indexOf(w)));
  }
  return RANKS.get(weights);
}

/** distinctFeatures for a sentence too long for the packed keys (or weights too many to rank in them). */
function distinctFeaturesByMap(hashes: number[], kinds: number[], weights: readonly number[]): { features: Uint32Array; kinds: Uint8Array } {
  const feats = new Map<number, number>();
  hashes.forEach((h, i) => {
    const prev = feats.get(h);
    if (prev === undefined || weights[kinds[i]!]! > weights[prev]!) feats.set(h, kinds[i]!);
  });
  const features = Uint32Array.from(feats.keys()).sort();
  return { features, kinds: Uint8Array.from(features, (h) => feats.get(h)!) };
}

const HYPHEN = 0x2d;
const APOSTROPHE = 0x27;
const RIGHT_QUOTE = 0x2019;

/**
 * Calls fn with every capitalised name-like word of the text but the first, and the word before it:
 * the words [\p{L}][\p{L}\p{N}'’-]* whose first letter is upper-case,
 * found by a hand-written scan (the regex's match objects cost more).
 */
export function forEachName(text: string, fn: (word: string, previous: string) => void): void {
  const n = text.length;
  let i = 0;
  let seen = 0;
  let previous = '';
  while (i < n) {
    const cls = charClass(text, i);
    if ((cls & LETTER) === 0) {
      i += charWidth(text, i);
      continue;
    }
    const start = i;
    i += charWidth(text, i);
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c === APOSTROPHE || c === RIGHT_QUOTE || c === HYPHEN) i++;
      else if ((charClass(text, i) & (LETTER | NUMBER)) !== 0) i += charWidth(text, i);
      else break;
    }
    if (seen++ > 0 && (cls & UPPER) !== 0) fn(text.slice(start, i), previous);
    previous = text.slice(start, i);
  }
}
