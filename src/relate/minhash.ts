import { combine, fmix32 } from './hash.js';

/**
 * MinHash signatures and LSH banding (Broder 1997; Indyk & Motwani 1998).
 * A signature of k minima estimates the Jaccard resemblance of two shingle
 * sets; cutting it into b bands of r rows and hashing each band makes two
 * sets with resemblance J collide in at least one band with probability
 * 1 - (1 - J^r)^b, an S-curve whose midpoint is about (1/b)^(1/r).
 */

/** Seeds of the k hash functions: fixed so signatures are comparable across runs and processes. */
function seedsFor(k: number): Uint32Array {
  const seeds = new Uint32Array(k);
  for (let i = 0; i < k; i++) seeds[i] = fmix32(0x5bd1e995 + i * 0x27d4eb2f);
  return seeds;
}

const SEED_CACHE = new Map<number, Uint32Array>();

/** The k-minima signature of a set of uint32 shingle hashes (empty set: all 0xffffffff). */
export function minhashSignature(shingles: Iterable<number>, k: number): Uint32Array {
  let seeds = SEED_CACHE.get(k);
  if (!seeds) {
    seeds = seedsFor(k);
    SEED_CACHE.set(k, seeds);
  }
  const sig = new Uint32Array(k).fill(0xffffffff);
  // Two permutations at a time over a packed copy of the set: the running minima stay in registers.
  const xs = shingles instanceof Uint32Array ? shingles : Uint32Array.from(shingles);
  const n = xs.length;
  for (let i = 0; i < k; i += 2) {
    const seedA = seeds[i]!;
    const seedB = i + 1 < k ? seeds[i + 1]! : seedA;
    let minA = 0xffffffff;
    let minB = 0xffffffff;
    for (let j = 0; j < n; j++) {
      const x = xs[j]!;
      // xor-then-fmix32 is a bijection of uint32 per seed: a cheap, well-mixed permutation.
      const a = fmix32(x ^ seedA);
      const b = fmix32(x ^ seedB);
      if (a < minA) minA = a;
      if (b < minB) minB = b;
    }
    sig[i] = minA;
    if (i + 1 < k) sig[i + 1] = minB;
  }
  return sig;
}

/** Fraction of equal positions: the unbiased MinHash estimate of Jaccard resemblance. */
export function estimateJaccard(a: Uint32Array, b: Uint32Array): number {
  const k = Math.min(a.length, b.length);
  if (k === 0) return 0;
  let same = 0;
  for (let i = 0; i < k; i++) if (a[i] === b[i] && a[i] !== 0xffffffff) same++;
  return same / k;
}

/** One uint32 key per band; the band number is mixed in so equal rows in different bands do not collide. */
export function bandKeys(sig: Uint32Array, bands: number, rows: number): Uint32Array {
  const keys = new Uint32Array(bands);
  for (let b = 0; b < bands; b++) {
    let h = fmix32(b + 1);
    for (let r = 0; r < rows; r++) h = combine(h, sig[b * rows + r] ?? 0);
    keys[b] = h;
  }
  return keys;
}

/** Probability that two sets of resemblance j share at least one band. */
export function collisionProbability(j: number, bands: number, rows: number): number {
  return 1 - (1 - j ** rows) ** bands;
}
