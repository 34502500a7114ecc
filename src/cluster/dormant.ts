/**
 * Stories that went quiet. A story idle for longer than the hot window
 * leaves the hot index (its members, neighbour lists and postings go) but is
 * kept here, compact, for `dormantDays`: its size, its span in time and its
 * heaviest features, packed. An inverted index over its heaviest anchors (the
 * names, places, dates and figures that a follow-up repeats) finds it again
 * when a later article names them; that article can then wake it (see
 * OnlineClusterer). The index is bounded by age and by count, so memory stays
 * flat however long the stream.
 */
import { packedDot, type FeatureNumbers, type PackedVec, type PackedVectors } from './neighbours.js';
import { byWeight, combineParts, StoryProfile, type Vec, type Weighing } from './profile.js';

/** The members of a dormant story in one language, compacted. */
export interface DormantPart {
  language: string;
  size: number;
  terms: PackedVec;
  anchors: PackedVec;
}

/** A dormant story: plain data (numbers and typed arrays), as a store would keep it. */
export interface DormantStory {
  id: string;
  size: number;
  firstSeq: number;
  lastSeq: number;
  firstTime: number | undefined;
  lastTime: number | undefined;
  anchors: PackedVec;
  parts: DormantPart[];
  /** Feature numbers it is posted under in the dormant index (its heaviest anchors). */
  posted: Int32Array;
}

/** How much of a story is kept when it goes dormant. */
export interface DormantBudget {
  /** Features kept per space (anchors overall, terms and anchors per language). */
  features: number;
  /** Anchors it is posted under. */
  posted: number;
}

/**
 * A posting list longer than this marks a commonplace anchor (a year, a country in every story):
 * it finds no dormant story, so one lookup never scores thousands.
 */
const HUB_POSTING = 256;

function top(v: Vec, n: number): Vec {
  return new Map([...v].sort(byWeight).slice(0, n));
}

/** The dormant form of a story profile. */
export function compact(p: StoryProfile, numbers: FeatureNumbers, budget: DormantBudget): DormantStory {
  const anchors = top(p.anchors, budget.features);
  const parts = [...p.parts]
    .sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
    .map(([language, part]) => ({ language, size: part.size, terms: numbers.packVec(top(part.terms, budget.features)), anchors: numbers.packVec(top(part.anchors, budget.features)) }));
  const posted = Int32Array.from([...anchors.keys()].slice(0, budget.posted), (f) => numbers.number(f));
  return { id: p.id, size: p.size, firstSeq: p.firstSeq, lastSeq: p.lastSeq, firstTime: p.firstTime, lastTime: p.lastTime, anchors: numbers.packVec(anchors), parts, posted };
}

/** A profile again (for a story woken by a new article): what compaction kept of it. */
export function expand(d: DormantStory, numbers: FeatureNumbers): StoryProfile {
  const p = new StoryProfile(d.id, d.firstSeq);
  p.size = d.size;
  p.firstTime = d.firstTime;
  p.lastTime = d.lastTime;
  p.lastSeq = d.lastSeq;
  numbers.unpackInto(d.anchors, p.anchors);
  for (const part of d.parts) {
    const q = { size: part.size, terms: new Map<string, number>(), anchors: new Map<string, number>() };
    numbers.unpackInto(part.terms, q.terms);
    numbers.unpackInto(part.anchors, q.anchors);
    p.parts.set(part.language, q);
  }
  return p;
}

/** `articleToStory` of profile.ts against a dormant story, on packed vectors. */
export function articleToDormant(a: PackedVectors, d: DormantStory, w: Weighing): number {
  if (d.size === 0) return 0;
  const anchors = packedDot(a.anchors, d.anchors);
  const part = d.parts.find((p) => p.language === a.language);
  const bothAnchored = a.anchors.ids.length > 0 && d.anchors.ids.length > 0;
  if (part === undefined) return combineParts(anchors, 0, 0, 0, w.freshness, w.anchorWeight, bothAnchored) / d.size;
  const sameLanguageAnchors = d.parts.length === 1 ? anchors : packedDot(a.anchors, part.anchors);
  return combineParts(anchors, packedDot(a.terms, part.terms), sameLanguageAnchors, part.size, w.freshness, w.anchorWeight, bothAnchored) / d.size;
}

/** Dormant stories by id, in the order they went dormant, and the inverted index over their anchors. */
export class DormantIndex {
  private readonly stories = new Map<string, DormantStory>();
  private readonly postings = new Map<number, string[]>();

  get size(): number {
    return this.stories.size;
  }

  get(id: string): DormantStory | undefined {
    return this.stories.get(id);
  }

  add(d: DormantStory): void {
    this.stories.set(d.id, d);
    for (const f of d.posted) {
      const list = this.postings.get(f);
      if (list === undefined) this.postings.set(f, [d.id]);
      else list.push(d.id);
    }
  }

  /** Takes a story out (woken, or expired). */
  remove(id: string): DormantStory | undefined {
    const d = this.stories.get(id);
    if (d === undefined) return undefined;
    this.stories.delete(id);
    for (const f of d.posted) {
      const list = this.postings.get(f);
      if (list === undefined) continue;
      const at = list.indexOf(id);
      if (at >= 0) list.splice(at, 1);
      if (list.length === 0) this.postings.delete(f);
    }
    return d;
  }

  /**
   * Dormant stories posted under the article's anchors, best covered first (summed weight of the
   * shared anchors, ties by founding order), at most `max`.
   */
  candidates(anchors: PackedVec, max: number): DormantStory[] {
    const hits = new Map<string, number>();
    for (let i = 0; i < anchors.ids.length; i++) {
      const list = this.postings.get(anchors.ids[i]!);
      if (list === undefined || list.length > HUB_POSTING) continue;
      for (const id of list) hits.set(id, (hits.get(id) ?? 0) + anchors.weights[i]!);
    }
    return [...hits]
      .map(([id, h]) => ({ story: this.stories.get(id)!, h }))
      .sort((a, b) => b.h - a.h || a.story.firstSeq - b.story.firstSeq)
      .slice(0, max)
      .map((x) => x.story);
  }

  /** Drops the stories that went dormant first while `expired` says so, and any beyond `max`. */
  expire(expired: (d: DormantStory) => boolean, max: number): void {
    for (const d of this.stories.values()) {
      if (this.stories.size <= max && !expired(d)) break;
      this.remove(d.id);
    }
  }

  /** Every dormant story, in the order they went dormant (for a snapshot of the clusterer's state). */
  all(): IterableIterator<DormantStory> {
    return this.stories.values();
  }
}
