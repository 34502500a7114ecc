import { fmix32, hashString } from '../relate/hash.js';
import type { Bag, ClusterFeatures } from './features.js';

/**
 * Feature names as numbers. A feature's number is a 53-bit hash of its name,
 * a function of the name alone: no table from names to numbers grows with the
 * vocabulary or has to be kept in step between processes, and two processes
 * (or one restarted) number every feature alike. Two names share a number
 * with odds of about n² / 2⁵⁴ for a vocabulary of n names: for ten million
 * names, one pair in two hundred runs, and that pair would only add its
 * counts together.
 */

/** 2^21: the second hash fills the 21 bits below the first one's 32. */
const LOW_BITS = 2 ** 21;

/** A second 32-bit hash, of another construction than `hashString` (a polynomial, not FNV), so the two fail apart. */
function polynomialHash(s: string): number {
  let h = 0x2f0b3c5d;
  for (let i = 0; i < s.length; i++) h = (Math.imul(h, 0x2127599b) + s.charCodeAt(i)) | 0;
  return fmix32(h ^ s.length);
}

export function featureId(name: string): number {
  return hashString(name) * LOW_BITS + (polynomialHash(name) >>> 11);
}

/** A bag of named features with the numbers they are known by: counts in the bag's order. */
export interface NumberedBag {
  ids: number[];
  counts: number[];
}

/** An article's features by number: what the clusterer reads of it, and what a store loads ahead of placing it. */
export interface NumberedFeatures {
  language: string;
  terms: NumberedBag;
  anchors: NumberedBag;
}

function numberBag(bag: Bag): NumberedBag {
  const ids: number[] = [];
  const counts: number[] = [];
  for (const [name, count] of bag) {
    ids.push(featureId(name));
    counts.push(count);
  }
  return { ids, counts };
}

export function numberFeatures(f: ClusterFeatures): NumberedFeatures {
  return { language: f.language, terms: numberBag(f.terms), anchors: numberBag(f.anchors) };
}
