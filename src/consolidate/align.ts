import { sameSlot } from './numbers.js';
import { cosine, type Unit } from './units.js';

/**
 * Aligning claim units across articles. Candidates come from an inverted
 * index over the units' terms (very common terms are skipped when
 * generating candidates so the work stays near-linear); each candidate pair
 * is scored by weighted cosine plus evidence that paraphrase cannot hide: a
 * quantity of the same kind (seconds, metres — even with a different value,
 * which is then a conflict, not a different claim) and a shared quote.
 * Clusters are grown greedily from the best pair down, one unit per
 * article, and only while the average similarity to the cluster holds.
 */

/** A pair at least this similar is the same statement. */
export const ALIGN_THRESHOLD = 0.36;
/** Average similarity a unit must keep with every member of the cluster it joins. */
const AVERAGE_THRESHOLD = 0.32;
/** The same kind of quantity in both (40 seconds / 15 seconds). */
const NUMBER_BONUS = 0.18;
/** The same quote (merged across wordings) in both. */
const QUOTE_BONUS = 0.25;
/** Candidates kept per unit: bounds the work on big stories. */
const TOP_K = 12;
/** Terms in more units than this fraction do not generate candidates (they still score). */
const COMMON_FRACTION = 0.2;
const COMMON_MIN = 40;

export function pairScore(a: Unit, b: Unit, quotes: Map<number, Set<number>>): number {
  // A measured quantity on one side only: the other is a vaguer statement that does not carry the
  // figure ("shook hands" vs "shook hands for 40 seconds"), so it must not count as its support.
  if (measured(a) !== measured(b)) return 0;
  let s = cosine(a, b);
  if (a.numbers.some((x) => b.numbers.some((y) => sameSlot(x, y)))) s += NUMBER_BONUS;
  const qa = quotes.get(a.id);
  const qb = quotes.get(b.id);
  if (qa !== undefined && qb !== undefined && [...qa].some((q) => qb.has(q))) s += QUOTE_BONUS;
  return s;
}

function measured(u: Unit): boolean {
  return u.numbers.some((n) => n.unit !== '');
}

export function alignUnits(units: Unit[], quotes: Map<number, Set<number>>): number[][] {
  const postings = new Map<string, number[]>();
  for (const u of units) for (const k of u.vector.keys()) (postings.get(k) ?? postings.set(k, []).get(k) ?? []).push(u.id);
  const common = Math.max(COMMON_MIN, Math.floor(units.length * COMMON_FRACTION));
  const pairs: { a: number; b: number; s: number }[] = [];
  const cache = new Map<string, number>();
  for (const u of units) {
    const acc = new Map<number, number>();
    for (const [k, w] of u.vector) {
      const list = postings.get(k) ?? [];
      if (list.length > common) continue;
      for (const v of list) {
        if (v <= u.id) continue;
        const other = units[v] as Unit;
        if (other.articleIndex === u.articleIndex) continue;
        acc.set(v, (acc.get(v) ?? 0) + w * (other.vector.get(k) ?? 0));
      }
    }
    const top = [...acc.entries()].sort((x, y) => y[1] - x[1] || x[0] - y[0]).slice(0, TOP_K);
    for (const [v] of top) {
      const s = pairScore(u, units[v] as Unit, quotes);
      cache.set(`${u.id}:${v}`, s);
      if (s >= ALIGN_THRESHOLD) pairs.push({ a: u.id, b: v, s });
    }
  }
  pairs.sort((x, y) => y.s - x.s || x.a - y.a || x.b - y.b);

  const clusterOf = units.map((u) => u.id);
  const members = new Map<number, number[]>(units.map((u) => [u.id, [u.id]]));
  const sim = (a: number, b: number): number => {
    const key = a < b ? `${a}:${b}` : `${b}:${a}`;
    let s = cache.get(key);
    if (s === undefined) {
      s = pairScore(units[a] as Unit, units[b] as Unit, quotes);
      cache.set(key, s);
    }
    return s;
  };
  for (const p of pairs) {
    const ca = clusterOf[p.a] as number;
    const cb = clusterOf[p.b] as number;
    if (ca === cb) continue;
    const ma = members.get(ca) ?? [];
    const mb = members.get(cb) ?? [];
    const articlesA = new Set(ma.map((m) => units[m]?.articleIndex));
    if (mb.some((m) => articlesA.has(units[m]?.articleIndex))) continue;
    let total = 0;
    for (const x of ma) for (const y of mb) total += sim(x, y);
    if (total / (ma.length * mb.length) < AVERAGE_THRESHOLD) continue;
    const merged = [...ma, ...mb].sort((x, y) => x - y);
    const root = Math.min(ca, cb);
    members.delete(ca);
    members.delete(cb);
    members.set(root, merged);
    for (const m of merged) clusterOf[m] = root;
  }
  return [...members.values()].sort((x, y) => (x[0] ?? 0) - (y[0] ?? 0));
}
