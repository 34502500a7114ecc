import type { NumberMention } from '../types.js';

/**
 * Comparing reported quantities. Two numbers are about the same thing when
 * they share a unit (and, for bare counts, the noun counted); they agree
 * when equal, or within a tolerance when either is hedged ("almost 40" vs
 * "about 40"), or when ranges overlap.
 */

/** Relative tolerance for hedged values (the fact slots' values.ts uses the same). */
export const HEDGED_TOLERANCE = 0.15;
/** Relative tolerance for exact values (rounding: 42.7 vs 42.65). */
export const EXACT_TOLERANCE = 0.01;

export function sameSlot(a: NumberMention, b: NumberMention): boolean {
  if (a.unit !== b.unit) return false;
  // A measure of two named things ("a 10-metre dhow", "277 km from Aden") is two measures.
  if (a.unit !== '') return a.counts === undefined || b.counts === undefined || a.counts === b.counts;
  return a.counts !== undefined && a.counts === b.counts;
}

/**
 * Each figure spans its own tolerance: a hedge widens the hedged figure, not the exact one beside it ("some 62
 * percent" is 53 to 71 percent, which "83.3 percent" is not).
 */
export function agree(a: NumberMention, b: NumberMention): boolean {
  const tolA = a.approximate ? HEDGED_TOLERANCE : EXACT_TOLERANCE;
  const tolB = b.approximate ? HEDGED_TOLERANCE : EXACT_TOLERANCE;
  const aLo = a.value * (1 - tolA);
  const aHi = (a.max ?? a.value) * (1 + tolA);
  const bLo = b.value * (1 - tolB);
  const bHi = (b.max ?? b.value) * (1 + tolB);
  return aLo <= bHi && bLo <= aHi;
}

const DIMENSION: Record<string, string> = {
  second: 'duration', hour: 'duration', day: 'duration', week: 'duration', month: 'duration', year: 'duration',
  metre: 'length', kilogram: 'mass', percent: 'share', usd: 'amount', eur: 'amount', gbp: 'amount', rub: 'amount',
  jpy: 'amount', cny: 'amount', krw: 'amount', inr: 'amount', degree: 'degrees',
};

/** Words that say which length a length is. */
const LENGTH_KINDS: [RegExp, string][] = [
  [/\b(?:tall|high|height)\b/i, 'height'],
  [/\b(?:deep|depth)\b/i, 'depth'],
  [/\b(?:wide|width|across)\b/i, 'width'],
  [/\b(?:away|distance|far)\b/i, 'distance'],
];

/** A short name for what a slot measures: "rocket height", "shake duration", "missile count". */
export function describeSlot(n: NumberMention, topic: string | undefined, texts: string[] = []): string {
  let dim = n.unit === '' ? 'count' : (DIMENSION[n.unit] ?? n.unit);
  if (dim === 'length') dim = LENGTH_KINDS.find(([re]) => texts.some((t) => re.test(t)))?.[1] ?? dim;
  const what = n.counts ?? topic;
  return what !== undefined ? `${what} ${dim}` : dim;
}
