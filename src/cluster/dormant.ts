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
import { packedDot, packVec, unpackInto, type PackedVec, type PackedVectors } from './neighbours.js';
import { byWeight, combineParts, StoryProfile, type Vec, type Weighing } from './profile.js';

/** The members of a dormant story in one language, compacted. */
export interface DormantPart {
  language: string;
  size: number;
  terms: PackedVec;
  anchors: PackedVec;
}

/** A dormant story: plain data (numbers and typed arrays), as a store keeps it. */
export interface DormantStory {
  id: string;
  size: number;
  firstSeq: number;
  lastSeq: number;
  firstTime: number | undefined;
  lastTime: number | undefined;
  /** The order in which stories went dormant (a counter): beyond the count bound, the lowest are forgotten. */
  rank: number;
  anchors: PackedVec;
  parts: DormantPart[];
  /** Feature numbers it is posted under in the dormant index (its heaviest anchors). */
  posted: Float64Array;
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
export const HUB_POSTING = 256;

/** What choosing candidates needs of a story posted under an anchor. */
export interface DormantPosting {
  id: string;
  firstSeq: number;
}

/**
 * Where dormant stories are kept: in memory here, in tables in a store, which loads the postings
 * of an article's anchors before placing it, and the stories `candidates` chose before scoring.
 */
export interface DormantTable {
  /** Stories kept, when the table counts them (for monitoring). */
  readonly size?: number;
  /** The stories posted under an anchor (undefined: none); a list of more than HUB_POSTING may stop at HUB_POSTING + 1. */
  posted(anchor: number): readonly DormantPosting[] | undefined;
  get(id: string): DormantStory | undefined;
  add(d: DormantStory): void;
  remove(id: string): void;
  /** Forgets every story silent since before `silentBefore` (epoch ms; no story when undefined) or gone dormant before rank `rankBelow`. */
  forget(silentBefore: number | undefined, rankBelow: number): void;
}

function top(v: Vec, n: number): Vec {
  return new Map([...v].sort(byWeight).slice(0, n));
}

/** The dormant form of a story profile. */
export function compact(p: StoryProfile, budget: DormantBudget, rank: number): DormantStory {
  const anchors = top(p.anchors, budget.features);
  const parts = [...p.parts]
    .sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
    .map(([language, part]) => ({ language, size: part.size, terms: packVec(top(part.terms, budget.features)), anchors: packVec(top(part.anchors, budget.features)) }));
  const posted = Float64Array.from([...anchors.keys()].slice(0, budget.posted));
  return { id: p.id, size: p.size, firstSeq: p.firstSeq, lastSeq: p.lastSeq, firstTime: p.firstTime, lastTime: p.lastTime, rank, anchors: packVec(anchors), parts, posted };
}

/** A profile again (for a story woken by a new article): what compaction kept of it. */
export function expand(d: DormantStory): StoryProfile {
  const p = new StoryProfile(d.id, d.firstSeq);
  p.size = d.size;
  p.firstTime = d.firstTime;
  p.lastTime = d.lastTime;
  p.lastSeq = d.lastSeq;
  unpackInto(d.anchors, p.anchors);
  for (const part of d.parts) {
    const q = { size: part.size, terms: new Map<number, number>(), anchors: new Map<number, number>() };
    unpackInto(part.terms, q.terms);
    unpackInto(part.anchors, q.anchors);
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

/** Dormant stories in memory, with the inverted index over their anchors. */
export class MemoryDormantTable implements DormantTable {
  private readonly stories = new Map<string, DormantStory>();
  private readonly postings = new Map<number, DormantPosting[]>();

  get size(): number {
    return this.stories.size;
  }

  posted(anchor: number): readonly DormantPosting[] | undefined {
    return this.postings.get(anchor);
  }

  get(id: string): DormantStory | undefined {
    return this.stories.get(id);
  }

  add(d: DormantStory): void {
    this.stories.set(d.id, d);
    for (const f of d.posted) {
      const list = this.postings.get(f);
      const entry = { id: d.id, firstSeq: d.firstSeq };
      if (list === undefined) this.postings.set(f, [entry]);
      else list.push(entry);
    }
  }

  remove(id: string): void {
    const d = this.stories.get(id);
    if (d === undefined) return;
    this.stories.delete(id);
    for (const f of d.posted) {
      const list = this.postings.get(f);
      if (list === undefined) continue;
      const at = list.findIndex((e) => e.id === id);
      if (at >= 0) list.splice(at, 1);
      if (list.length === 0) this.postings.delete(f);
    }
  }

  forget(silentBefore: number | undefined, rankBelow: number): void {
    for (const d of this.stories.values()) {
      const silent = silentBefore !== undefined && d.lastTime !== undefined && d.lastTime < silentBefore;
      if (silent || d.rank < rankBelow) this.remove(d.id);
    }
  }
}

/**
 * The dormant stories a clusterer can wake: chooses the candidates of an article from the
 * postings of its anchors, and ranks stories as they go dormant, so that the count bound forgets
 * the ones that went dormant first.
 */
export class DormantIndex {
  constructor(
    readonly table: DormantTable,
    /** The rank the next story going dormant gets. */
    public nextRank = 0,
  ) {}

  get(id: string): DormantStory | undefined {
    return this.table.get(id);
  }

  add(p: StoryProfile, budget: DormantBudget): void {
    this.table.add(compact(p, budget, this.nextRank++));
  }

  /** Takes a story out (woken). */
  remove(id: string): void {
    this.table.remove(id);
  }

  /**
   * Ids of the dormant stories posted under the article's anchors, best covered first (summed
   * weight of the shared anchors, ties by founding order), at most `max`.
   */
  candidates(anchors: PackedVec, max: number): string[] {
    const hits = new Map<string, { h: number; firstSeq: number }>();
    for (let i = 0; i < anchors.ids.length; i++) {
      const list = this.table.posted(anchors.ids[i]!);
      if (list === undefined || list.length > HUB_POSTING) continue;
      for (const e of list) {
        const hit = hits.get(e.id);
        if (hit === undefined) hits.set(e.id, { h: anchors.weights[i]!, firstSeq: e.firstSeq });
        else hit.h += anchors.weights[i]!;
      }
    }
    return [...hits]
      .sort((a, b) => b[1].h - a[1].h || a[1].firstSeq - b[1].firstSeq)
      .slice(0, max)
      .map(([id]) => id);
  }

  /** Forgets the stories silent since before `silentBefore`, and all but the `max` that went dormant last. */
  expire(silentBefore: number | undefined, max: number): void {
    this.table.forget(silentBefore, this.nextRank - max);
  }
}
