/**
 * Shared nearest neighbours: the evidence behind `settle`.
 *
 * Two reports of one event are not always more similar to each other than
 * reports of two events of the same kind (two title defences of one boxer,
 * two offers to one player): raw similarity levels differ from topic to
 * topic. What does separate them is *whose company they keep*: the nearest
 * neighbours of a report of event A are other reports of A, those of a report
 * of B are reports of B. Counting shared nearest neighbours (Jarvis and
 * Patrick, 1973) turns absolute similarity into a rank-based, locally scaled
 * one.
 *
 * Every recent article keeps its K nearest earlier-or-later articles (among
 * members of the stories it was compared with), itself included. A story's
 * neighbourhood is the multiset union of its members' neighbour lists, so the
 * mean shared-neighbour count over all pairs of members of two stories is one
 * sparse dot product of their neighbourhoods (as for term profiles):
 * sum over x in A, y in B of |N(x) ∩ N(y)| = Σ_z A[z] · B[z].
 */
import { combineParts, type ArticleVectors, type Vec, type Weighing } from './profile.js';

/** A sparse vector as parallel arrays sorted by feature number: its dot product is a merge, no hashing. */
export interface PackedVec {
  /** Feature numbers (feature-id.ts: integers below 2^53), ascending. */
  ids: Float64Array;
  weights: Float64Array;
}

/** An article in both spaces, packed for the many article-to-article comparisons of neighbour search. */
export interface PackedVectors {
  language: string;
  terms: PackedVec;
  anchors: PackedVec;
}

export function packVec(v: Vec): PackedVec {
  const ids = Float64Array.from(v.keys()).sort();
  const weights = new Float64Array(ids.length);
  for (let i = 0; i < ids.length; i++) weights[i] = v.get(ids[i]!)!;
  return { ids, weights };
}

export function pack(v: ArticleVectors): PackedVectors {
  return { language: v.language, terms: packVec(v.terms), anchors: packVec(v.anchors) };
}

/** A packed vector as a sparse one again (by feature number, in the packed order). */
export function unpackInto(p: PackedVec, into: Vec): void {
  for (let i = 0; i < p.ids.length; i++) into.set(p.ids[i]!, p.weights[i]!);
}

export function packedDot(a: PackedVec, b: PackedVec): number {
  const ai = a.ids;
  const bi = b.ids;
  let i = 0;
  let j = 0;
  let sum = 0;
  while (i < ai.length && j < bi.length) {
    const x = ai[i]!;
    const y = bi[j]!;
    if (x === y) sum += a.weights[i++]! * b.weights[j++]!;
    else if (x < y) i++;
    else j++;
  }
  return sum;
}

/** `articleToArticle` of profile.ts on packed vectors (same value). */
export function packedSimilarity(a: PackedVectors, b: PackedVectors, w: Weighing): number {
  const anchors = packedDot(a.anchors, b.anchors);
  const same = a.language === b.language;
  return combineParts(anchors, same ? packedDot(a.terms, b.terms) : 0, same ? anchors : 0, same ? 1 : 0, w.freshness, w.anchorWeight, a.anchors.ids.length > 0 && b.anchors.ids.length > 0);
}

/** An article kept for neighbour search while its story is hot. */
export interface Member<S> {
  /** Position in the stream: the article's key in neighbourhoods. */
  seq: number;
  /** Publication time (epoch ms), when dated. */
  time: number | undefined;
  vectors: PackedVectors;
  story: S;
  /** Nearest other articles, best first (at most K): similarity at or above the floor only. */
  nearest: { seq: number; sim: number }[];
}

/** What a story needs for shared-neighbour evidence. */
export interface Neighbourhood<S> {
  /** Its most recent members, oldest first (bounded). */
  members: Member<S>[];
  /** Article seq → how many members count that article among their neighbours (themselves included). */
  shared: Map<number, number>;
}

export function bump(shared: Map<number, number>, seq: number, by: number): void {
  const n = (shared.get(seq) ?? 0) + by;
  if (n === 0) shared.delete(seq);
  else shared.set(seq, n);
}

/**
 * Offers `seq` at similarity `sim` as a neighbour of `m`: kept when the list has room or it beats
 * the weakest entry (ties go to the earlier article, so the order of offers cannot matter).
 * `shared` (the neighbourhood of m's story) follows the list.
 */
export function offer<S>(m: Member<S>, seq: number, sim: number, k: number, shared: Map<number, number>): boolean {
  const list = m.nearest;
  if (list.length >= k) {
    const worst = list[list.length - 1]!;
    if (sim < worst.sim || (sim === worst.sim && seq > worst.seq)) return false;
    list.pop();
    bump(shared, worst.seq, -1);
  }
  let at = list.length;
  while (at > 0 && (list[at - 1]!.sim < sim || (list[at - 1]!.sim === sim && list[at - 1]!.seq > seq))) at--;
  list.splice(at, 0, { seq, sim });
  bump(shared, seq, 1);
  return true;
}

/**
 * Compares a new article with `others` (members of its candidate stories): fills its own neighbour
 * list and offers it to each of them. `weighingOf` gives how the pair is weighed (profile.ts), `sharedOf`
 * the neighbourhood of a member's story. Returns the members whose lists took the article.
 */
export function linkNeighbours<S>(
  article: Member<S>,
  others: readonly Member<S>[],
  k: number,
  floor: number,
  weighingOf: (m: Member<S>) => Weighing,
  sharedOf: (m: Member<S>) => Map<number, number>,
): Member<S>[] {
  const found: { seq: number; sim: number }[] = [];
  const changed: Member<S>[] = [];
  for (const m of others) {
    const sim = packedSimilarity(article.vectors, m.vectors, weighingOf(m));
    if (sim < floor) continue;
    found.push({ seq: m.seq, sim });
    if (offer(m, article.seq, sim, k, sharedOf(m))) changed.push(m);
  }
  found.sort((a, b) => b.sim - a.sim || a.seq - b.seq);
  article.nearest = found.slice(0, k);
  return changed;
}

/** The neighbourhood entries one member contributes to its story: its neighbours and itself. */
export function contribute<S>(shared: Map<number, number>, m: Member<S>, sign: 1 | -1): void {
  bump(shared, m.seq, sign);
  for (const n of m.nearest) bump(shared, n.seq, sign);
}

/**
 * Mean shared-neighbour fraction over all pairs of members of two stories (0..1): the average
 * linkage of the shared-nearest-neighbour similarity, with neighbour lists of K + 1 (self included).
 */
export function sharedNeighbourLinkage(a: Map<number, number>, sizeA: number, b: Map<number, number>, sizeB: number, k: number): number {
  if (sizeA === 0 || sizeB === 0) return 0;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let sum = 0;
  for (const [seq, n] of small) {
    const o = large.get(seq);
    if (o !== undefined) sum += n * o;
  }
  return sum / ((k + 1) * sizeA * sizeB);
}
