/**
 * Online story clustering: articles arrive one at a time and each joins the
 * most similar live story or founds a new one. Cost per article is bounded:
 * candidate stories come from an inverted index over the article's most
 * distinctive features, only stories active within a time window (or, for
 * undated streams, within the last articles) stay in that index, and story
 * profiles keep a bounded number of features.
 *
 * Determinism: the sequence of `add` calls plus the settings fully determine
 * every story id, assignment and merge; nothing depends on the clock, the
 * process or hash iteration order. A store can replay the same calls in
 * another process and get the same ids.
 */
import type { StoryAssignment, StoryMerge } from '../types.js';
import { articleToDormant, DormantIndex, expand, MemoryDormantTable, type DormantStory, type DormantTable } from './dormant.js';
import { numberFeatures, type NumberedFeatures } from './feature-id.js';
import { extractFeatures, type ClusterFeatures } from './features.js';
import { contribute, linkNeighbours, pack, sharedNeighbourLinkage, type Member, type PackedVectors } from './neighbours.js';
import { addInto, articleToStory, articleVectors, DocumentFrequencies, MemoryFrequencyTable, StoryProfile, storyToStory, type ArticleVectors, type FrequencyTable, type Weighing } from './profile.js';
import { resolveSettings, type ClusterSettings } from './settings.js';
import {
  decodeCursor,
  decodeLinks,
  decodeMemberVectors,
  decodeNearest,
  decodeProfile,
  encodeCursor,
  encodeLinks,
  encodeMemberVectors,
  encodeNearest,
  encodeProfile,
  type ClustererChanges,
  type ClustererSnapshot,
  type Story,
} from './state.js';
import { DAY_MS, freshness, gapBetween } from './time.js';

export { DEFAULT_CLUSTER_SETTINGS, type ClusterSettings } from './settings.js';
export { extractFeatures, stem, type ClusterFeatures, type Bag } from './features.js';
export { featureId, numberFeatures, type NumberedFeatures } from './feature-id.js';
export { bcubed, type BCubed } from './metrics.js';
export { HUB_POSTING, type DormantPosting, type DormantStory, type DormantTable } from './dormant.js';
export type { FrequencyTable } from './profile.js';
export { decodeDormant, encodeDormant, type ClustererChanges, type ClustererSnapshot, type StoredMember, type StoredStory } from './state.js';

/** What the clusterer needs of an article; an `Article` is one. */
export interface ClusterItem {
  id: string;
  title?: string;
  text: string;
  publishedAt?: string;
  /** The article's language (Article.language); told from the text when missing or "und". */
  language?: string;
}

/** How often (in articles) idle stories are swept out of the hot index: amortises the sweep to O(1) per article. */
const EXPIRY_SWEEP_EVERY = 256;
/** Prefix of story ids, which are derived from the founding article's id. */
const STORY_ID_PREFIX = 's-';
/** Live stories closest to the article that are checked for a merge with its home story. */
const MERGE_CHECKS = 8;
/** How often (in articles) idle stories are settled with each other: amortises the sweep. */
const SETTLE_SWEEP_EVERY = 128;

export interface ClustererOptions {
  /**
   * Keep the article → story record behind `storyOf` and `assignments` (default true). A
   * long-running service that stores the ids `add` returns can turn it off: memory then stays flat
   * once the time window is full (only merged-away story ids, for `resolve`, are kept).
   */
  rememberArticles?: boolean;
  /**
   * Where what grows with the stream is kept (default: in memory): document frequencies and
   * dormant stories, in tables of a store, with the hot state it wrote last (`snapshot`). A
   * clusterer given storage records what changes for `takeChanges`.
   */
  storage?: ClustererStorage;
}

/** A store's side of a clusterer: its tables, and the hot state to start from. */
export interface ClustererStorage {
  frequencies: FrequencyTable;
  dormant: DormantTable;
  /** The state written last (none for a new store). */
  snapshot?: ClustererSnapshot;
}

/**
 * An article half placed (`prepare`): counted in the document frequencies, weighed and packed,
 * with the dormant stories it may continue chosen but not yet read. A store loads those between
 * `prepare` and `place`.
 */
export interface PendingArticle {
  articleId: string;
  seq: number;
  time: number | undefined;
  vectors: ArticleVectors;
  packed: PackedVectors;
  query: number[];
  /** Ids of the dormant stories to score (`place` reads them from the dormant table). */
  dormant: string[];
}

/** Stories and members changed since the last `takeChanges`, by key; what to write is read at that time. */
interface ChangeLog {
  /** Story id → which parts changed (an id no longer hot is removed). */
  stories: Map<string, { profile: boolean; links: boolean }>;
  /** Member seq → whether it is new (an entry no longer a member is removed). */
  members: Map<number, boolean>;
}

/** Two stories `settle` may merge, with their shared-neighbour linkage. */
interface SettlePair {
  a: Story;
  b: Story;
  link: number;
}

export class OnlineClusterer {
  readonly settings: Readonly<ClusterSettings>;
  private readonly df: DocumentFrequencies;
  /** Live stories by id (the hot index), in the order they became hot; dormant and merged-away stories are not here. */
  private readonly hot = new Map<string, Story>();
  /** Inverted index: feature → ids of hot stories posted under it. */
  private readonly postings = new Map<number, Set<string>>();
  /** Stories that went quiet: found through their anchors, woken by an article that continues them. */
  private readonly dormant: DormantIndex;
  /** Merged-away story id → the story it went into. */
  private readonly mergedInto = new Map<string, string>();
  private readonly mergeLog: StoryMerge[] = [];
  private readonly order: { id: string; story: string }[] = [];
  private readonly byArticle = new Map<string, string>();
  /** Article ids added more than once, with their count: only those need a suffix on a story id. */
  private readonly repeats = new Map<string, number>();
  /** Recent members of hot stories by seq: whose story an entry of a neighbourhood points to. */
  private readonly members = new Map<number, Member<Story>>();
  /** The latest article added: the trigger recorded for merges made by `settle`. */
  private lastArticle: string | undefined;
  private seq = 0;
  /** Latest publication time seen: "now" for the hot window. */
  private now: number | undefined;
  /** The rank the next story becoming hot gets. */
  private nextHotRank = 0;

  private readonly remember: boolean;
  /** What changed since the last takeChanges (only with storage). */
  private readonly changes: ChangeLog | undefined;

  constructor(settings?: Partial<ClusterSettings>, options: ClustererOptions = {}) {
    this.settings = Object.freeze(resolveSettings(settings));
    this.remember = options.rememberArticles ?? true;
    const storage = options.storage;
    const cursor = storage?.snapshot ? decodeCursor(storage.snapshot.cursor) : undefined;
    this.df = new DocumentFrequencies(storage?.frequencies ?? new MemoryFrequencyTable(), this.settings.maxVocabulary, cursor?.frequencies);
    this.dormant = new DormantIndex(storage?.dormant ?? new MemoryDormantTable(), cursor?.nextDormantRank ?? 0);
    if (storage) this.changes = { stories: new Map(), members: new Map() };
    if (cursor && storage?.snapshot) {
      this.seq = cursor.seq;
      this.now = cursor.now;
      this.lastArticle = cursor.lastArticle;
      this.nextHotRank = cursor.nextHotRank;
      this.restoreHot(storage.snapshot);
    }
  }

  /** The hot stories and their members as they were written, in the order they became hot. */
  private restoreHot(snapshot: ClustererSnapshot): void {
    const stored = new Map(snapshot.members.map((m) => [m.seq, m]));
    const stories = snapshot.stories.map((s) => ({ profile: decodeProfile(s.profile), links: decodeLinks(s.links) })).sort((a, b) => a.links.rank - b.links.rank);
    for (const { profile, links } of stories) {
      const story: Story = { profile, rank: links.rank, indexed: new Set(), members: [], shared: links.shared };
      this.hot.set(profile.id, story);
      this.post(story, links.indexed);
      for (const seq of links.members) {
        const row = stored.get(seq);
        if (row === undefined) throw new Error(`cluster state: member ${seq} of ${profile.id} is missing`);
        const { time, vectors } = decodeMemberVectors(row.vectors);
        const member: Member<Story> = { seq, time, vectors, story, nearest: decodeNearest(row.nearest) };
        story.members.push(member);
        this.members.set(seq, member);
      }
    }
    // Restoring is not a change.
    this.changes?.stories.clear();
  }

  /**
   * What changed since the last call (a clusterer given storage only): the hot stories and
   * members to write or delete, and the cursor. A store writes them in the transaction that
   * records the articles placed since.
   */
  takeChanges(): ClustererChanges {
    const log = this.changes;
    if (!log) throw new Error('takeChanges needs a clusterer with storage');
    const out: ClustererChanges = {
      cursor: encodeCursor({ seq: this.seq, now: this.now, lastArticle: this.lastArticle, nextHotRank: this.nextHotRank, nextDormantRank: this.dormant.nextRank, frequencies: this.df.cursor() }),
      stories: [],
      removedStories: [],
      members: [],
      removedMembers: [],
    };
    for (const [id, parts] of log.stories) {
      const story = this.hot.get(id);
      if (!story) out.removedStories.push(id);
      else out.stories.push({ id, profile: parts.profile ? encodeProfile(story.profile) : undefined, links: parts.links ? encodeLinks(story) : undefined });
    }
    for (const [seq, isNew] of log.members) {
      const m = this.members.get(seq);
      if (!m) out.removedMembers.push(seq);
      else out.members.push({ seq, vectors: isNew ? encodeMemberVectors(m) : undefined, nearest: encodeNearest(m) });
    }
    log.stories.clear();
    log.members.clear();
    return out;
  }

  private changedStory(story: Story | string, parts: { profile?: boolean; links?: boolean }): void {
    if (!this.changes) return;
    const id = typeof story === 'string' ? story : story.profile.id;
    const entry = this.changes.stories.get(id) ?? { profile: false, links: false };
    entry.profile ||= parts.profile ?? false;
    entry.links ||= parts.links ?? false;
    this.changes.stories.set(id, entry);
  }

  private changedMember(seq: number, isNew = false): void {
    if (!this.changes) return;
    this.changes.members.set(seq, isNew || (this.changes.members.get(seq) ?? false));
  }

  /**
   * Forgets the merges recorded so far (a store that wrote them keeps them itself): `merges` and
   * `resolve` then know only later ones. Without it they grow with the stream.
   */
  forgetMerges(): void {
    this.mergeLog.length = 0;
    this.mergedInto.clear();
  }

  get merges(): readonly StoryMerge[] {
    return this.mergeLog;
  }

  /** Number of stories in the hot index (for monitoring memory). */
  get hotStories(): number {
    return this.hot.size;
  }

  /** Number of dormant stories still findable (for monitoring memory), when the table counts them. */
  get dormantStories(): number | undefined {
    return this.dormant.table.size;
  }

  /** Features whose document frequency is kept (for monitoring memory). */
  get vocabulary(): number {
    return this.df.features;
  }

  /** Whether the story (resolved through merges) has gone quiet: out of the hot index, findable through its anchors. */
  isDormant(storyId: string): boolean {
    return this.dormant.get(this.resolve(storyId)) !== undefined;
  }

  /** Places one article and returns its story id (after any merge it caused). */
  add(item: ClusterItem): string {
    return this.addFeatures(item.id, extractFeatures(item.text, item.title, item.language), publicationTime(item.publishedAt));
  }

  /** `add` with the features extracted beforehand (on a store's worker thread): places the article exactly as `add` would. */
  addExtracted(item: { id: string; publishedAt?: string }, features: ClusterFeatures): string {
    return this.addFeatures(item.id, features, publicationTime(item.publishedAt));
  }

  /** `add` for callers that computed the features already (the bench, a store replaying). */
  addFeatures(articleId: string, features: ClusterFeatures, time: number | undefined): string {
    return this.place(this.prepare(articleId, numberFeatures(features), time));
  }

  /**
   * The first half of placing an article: it is counted in the document frequencies (which must
   * hold its features: a store loads them first), weighed, packed, and the dormant stories it may
   * continue are chosen from the postings of its anchors (loaded likewise). `place` must follow,
   * before any other call: a store reads the chosen dormant stories in between.
   */
  prepare(articleId: string, features: NumberedFeatures, time: number | undefined): PendingArticle {
    const seq = this.seq++;
    if (this.byArticle.has(articleId)) this.repeats.set(articleId, (this.repeats.get(articleId) ?? 1) + 1);
    if (time !== undefined && (this.now === undefined || time > this.now)) this.now = time;
    this.df.addDocument(features);
    const vectors = articleVectors(features, this.df);
    const packed = pack(vectors);
    return { articleId, seq, time, vectors, packed, query: this.queryFeatures(vectors), dormant: this.dormant.candidates(packed.anchors, this.settings.dormantCandidates) };
  }

  /** The second half: scores the candidate stories, joins or founds, merges, settles and sweeps. Returns the article's story. */
  place(p: PendingArticle): string {
    const { articleId, seq, time, vectors, packed, query } = p;
    const scored: Candidate[] = this.candidates(query).map((story) => ({
      story,
      score: articleToStory(vectors, story.profile, this.weighing(time, time, story.profile.firstTime, story.profile.lastTime)),
    }));
    for (const id of p.dormant) {
      const d = this.dormant.get(id);
      if (d === undefined) throw new Error(`dormant story ${id} was not loaded`);
      scored.push({ story: d, score: articleToDormant(packed, d, this.weighing(time, time, d.firstTime, d.lastTime)) });
    }
    scored.sort((a, b) => b.score - a.score || firstSeqOf(a.story) - firstSeqOf(b.story));

    // A story scoring zero shares no anchor with any of its members: none of them can be a neighbour.
    const hotScored = scored.filter((c): c is Candidate & { story: Story } => c.score > 0 && isHot(c.story)).map((c) => c.story);
    const member = this.neighbourSearch(seq, time, packed, hotScored);

    let home: Story;
    const best = scored[0];
    if (best && best.score >= this.settings.joinThreshold) {
      home = isHot(best.story) ? best.story : this.wake(best.story);
    } else {
      home = this.found(articleId, seq);
    }
    home.profile.add(vectors, seq, time);
    this.post(home, query);
    if (member) this.enlist(home, member);

    // Late evidence: once the home story has grown, its whole profile may match another live
    // story better than any single article did.
    const close = scored.slice(0, MERGE_CHECKS).flatMap((c) => (isHot(c.story) ? [c.story] : []));
    home = this.mergeClose(home, close, articleId);
    home.profile.prune(this.settings.profileTerms, this.settings.profileAnchors);
    this.changedStory(home, { profile: true });

    const storyId = home.profile.id;
    if (this.remember) {
      this.order.push({ id: articleId, story: storyId });
      this.byArticle.set(articleId, storyId);
    }
    this.lastArticle = articleId;
    // Idle stories are settled before any leaves the hot index: a dormant story has no neighbours.
    if (seq % SETTLE_SWEEP_EVERY === SETTLE_SWEEP_EVERY - 1 || seq % EXPIRY_SWEEP_EVERY === EXPIRY_SWEEP_EVERY - 1) this.settleIdle();
    if (seq % EXPIRY_SWEEP_EVERY === EXPIRY_SWEEP_EVERY - 1) this.expire();
    return this.resolve(storyId);
  }

  /** How a pair of spans in time (an article's is one instant) is weighed: by the time between them (time.ts). */
  private weighing(first: number | undefined, last: number | undefined, otherFirst: number | undefined, otherLast: number | undefined): Weighing {
    return { anchorWeight: this.settings.anchorWeight, freshness: freshness(gapBetween(first, last, otherFirst, otherLast), this.settings.termHalfLifeDays) };
  }

  private weighingOf(a: StoryProfile, b: StoryProfile): Weighing {
    return this.weighing(a.firstTime, a.lastTime, b.firstTime, b.lastTime);
  }

  /**
   * Late merges on shared-neighbour evidence: every pair of live stories whose members keep the
   * same company (see neighbours.ts) is merged, best pair first, as agglomerative clustering with
   * average linkage would. `add` does this by itself for stories idle for `settleIdleArticles`;
   * call it at the end of a batch (as `clusterArticles` does) or now and then in a service, so
   * stories still growing are settled too. Deterministic: a replay making the same `add` and
   * `settle` calls gets the same merges. Merges are recorded with the latest article as trigger.
   */
  settle(): void {
    this.settleWhere(() => true);
  }

  /**
   * Settles the stories idle for `settleIdleArticles`: only stories no longer growing, since the
   * neighbour lists of a young event still hold the reports of its look-alike (its own reports have
   * not arrived yet).
   */
  private settleIdle(): void {
    if (this.settings.settleIdleArticles > 0) this.settleWhere((s) => this.seq - s.profile.lastSeq >= this.settings.settleIdleArticles);
  }

  private settleWhere(eligible: (s: Story) => boolean): void {
    const trigger = this.lastArticle;
    if (trigger === undefined || this.settings.neighbours === 0) return;
    // Agglomerative, best pair first; after a merge only the pairs of the merged story are re-scored.
    let pairs: SettlePair[] = [];
    const seen = new Set<string>();
    for (const a of this.hot.values()) if (eligible(a)) pairs.push(...this.settlePairs(a, eligible, seen));
    for (;;) {
      let best: SettlePair | undefined;
      for (const p of pairs) if (!best || p.link > best.link || (p.link === best.link && comparePairs(p.a, p.b, best.a, best.b) < 0)) best = p;
      if (!best) return;
      const { a, b } = best;
      const into = this.merge(a, b, trigger);
      pairs = pairs.filter((p) => p.a !== a && p.a !== b && p.b !== a && p.b !== b);
      // A neighbourhood may reach the merged story from either side: look from both.
      const rescored = new Set<string>();
      pairs.push(...this.settlePairs(into, eligible, rescored));
      for (const c of this.hot.values()) if (c !== into && eligible(c)) pairs.push(...this.settlePairs(c, eligible, rescored, into));
    }
  }

  /**
   * Pairs of `a` with the eligible live stories (or only `only`) its neighbourhood reaches that pass
   * both settle criteria; `seen` keeps each pair to one look.
   */
  private settlePairs(a: Story, eligible: (s: Story) => boolean, seen: Set<string>, only?: Story): SettlePair[] {
    const k = this.settings.neighbours;
    const out: SettlePair[] = [];
    const met = new Set<Story>();
    for (const seq of a.shared.keys()) {
      const b = this.members.get(seq)?.story;
      if (b === undefined || b === a || (only !== undefined && b !== only) || met.has(b) || !eligible(b) || !this.hot.has(b.profile.id)) continue;
      met.add(b);
      const key = a.profile.firstSeq < b.profile.firstSeq ? `${a.profile.firstSeq}:${b.profile.firstSeq}` : `${b.profile.firstSeq}:${a.profile.firstSeq}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const link = sharedNeighbourLinkage(a.shared, a.profile.size, b.shared, b.profile.size, k);
      if (link < this.settings.settleThreshold || storyToStory(a.profile, b.profile, this.weighingOf(a.profile, b.profile)) < this.settings.settleGate) continue;
      out.push({ a, b, link });
    }
    return out;
  }

  /** The article as a neighbour-search member, linked with the recent members of its best candidate stories. */
  private neighbourSearch(seq: number, time: number | undefined, vectors: PackedVectors, candidates: Story[]): Member<Story> | undefined {
    const k = this.settings.neighbours;
    if (k === 0) return undefined;
    const others = candidates.slice(0, this.settings.neighbourStories).flatMap((s) => s.members);
    // The story is set by enlist; until then the member belongs to none.
    const member: Member<Story> = { seq, time, vectors, story: undefined as unknown as Story, nearest: [] };
    const changed = linkNeighbours(member, others, k, this.settings.neighbourFloor, (m) => this.weighing(time, time, m.time, m.time), (m) => m.story.shared);
    for (const m of changed) {
      this.changedMember(m.seq);
      this.changedStory(m.story, { links: true });
    }
    return member;
  }

  /** Makes `member` a member of `story`, keeping only the most recent ones for neighbour search. */
  private enlist(story: Story, member: Member<Story>): void {
    member.story = story;
    story.members.push(member);
    this.members.set(member.seq, member);
    this.changedMember(member.seq, true);
    contribute(story.shared, member, 1);
    this.trimMembers(story);
    this.changedStory(story, { links: true });
  }

  /** Older members leave neighbour search; what they contributed to the neighbourhood stays. */
  private trimMembers(story: Story): void {
    const excess = story.members.length - this.settings.neighbourMembers;
    if (excess <= 0) return;
    for (const m of story.members.splice(0, excess)) {
      this.members.delete(m.seq);
      this.changedMember(m.seq);
    }
  }

  /** Merges into `home` (or `home` into) every story of `others` that passes the merge criterion. */
  private mergeClose(home: Story, others: Story[], trigger: string): Story {
    let into = home;
    for (const other of others) {
      if (other === into || !this.hot.has(other.profile.id) || !this.hot.has(into.profile.id)) continue;
      if (this.sameStory(into, other)) into = this.merge(into, other, trigger);
    }
    return into;
  }

  /**
   * Average linkage between two stories, the criterion of agglomerative clustering: fragments of
   * one event that formed apart (before the evidence linking them arrived) become one story.
   */
  private sameStory(a: Story, b: Story): boolean {
    return storyToStory(a.profile, b.profile, this.weighingOf(a.profile, b.profile)) >= this.settings.mergeThreshold;
  }

  /** The story of an article, resolved through merges. */
  storyOf(articleId: string): string | undefined {
    const s = this.byArticle.get(articleId);
    return s === undefined ? undefined : this.resolve(s);
  }

  /** The story a (possibly merged-away) story id now stands for. */
  resolve(storyId: string): string {
    let id = storyId;
    for (let next = this.mergedInto.get(id); next !== undefined; next = this.mergedInto.get(id)) id = next;
    // Path compression keeps later look-ups O(1).
    let cur = storyId;
    while (cur !== id) {
      const next = this.mergedInto.get(cur)!;
      this.mergedInto.set(cur, id);
      cur = next;
    }
    return id;
  }

  /** Every article added, in insertion order, with its story resolved through merges. */
  assignments(): StoryAssignment[] {
    return this.order.map(({ id, story }) => ({ id, story: this.resolve(story) }));
  }

  /** The heaviest features of an article or story (weights already include rarity): they find the right stories. */
  private queryFeatures(v: ArticleVectors): number[] {
    const ranked: [number, number][] = [];
    // Anchors are ranked with the anchor share of the score, terms with the rest.
    for (const [f, w] of v.anchors) ranked.push([f, w * this.settings.anchorWeight]);
    for (const [f, w] of v.terms) ranked.push([f, w * (1 - this.settings.anchorWeight)]);
    ranked.sort((a, b) => b[1] - a[1] || a[0] - b[0]);
    return ranked.slice(0, this.settings.queryFeatures).map(([f]) => f);
  }

  /** Hot stories sharing query features, best-covered first. */
  private candidates(query: number[]): Story[] {
    const hits = new Map<string, number>();
    query.forEach((f, rank) => {
      const posted = this.postings.get(f);
      if (!posted) return;
      // Earlier (more distinctive) query features count more.
      const weight = query.length - rank;
      for (const id of posted) hits.set(id, (hits.get(id) ?? 0) + weight);
    });
    const stories: { story: Story; hits: number }[] = [];
    for (const [id, h] of hits) {
      const story = this.hot.get(id);
      if (story) stories.push({ story, hits: h });
    }
    stories.sort((a, b) => b.hits - a.hits || a.story.profile.firstSeq - b.story.profile.firstSeq);
    return stories.slice(0, this.settings.maxCandidates).map((s) => s.story);
  }

  private found(articleId: string, seq: number): Story {
    let id = `${STORY_ID_PREFIX}${articleId}`;
    // A repeated article id founding another story gets its occurrence number, still deterministic.
    const occurrence = this.repeats.get(articleId);
    if (occurrence !== undefined) id = `${id}~${occurrence}`;
    return this.makeHot(new StoryProfile(id, seq));
  }

  private makeHot(profile: StoryProfile): Story {
    const story: Story = { profile, rank: this.nextHotRank++, indexed: new Set(), members: [], shared: new Map() };
    this.hot.set(profile.id, story);
    this.changedStory(story, { profile: true, links: true });
    return story;
  }

  /** A dormant story continued by a new article: back in the hot index, under its heaviest anchors. */
  private wake(d: DormantStory): Story {
    this.dormant.remove(d.id);
    const story = this.makeHot(expand(d));
    this.post(story, [...story.profile.anchors.keys()].slice(0, this.settings.dormantPosted));
    return story;
  }

  private post(story: Story, features: Iterable<number>): void {
    for (const f of features) {
      if (story.indexed.has(f)) continue;
      story.indexed.add(f);
      let set = this.postings.get(f);
      if (!set) this.postings.set(f, (set = new Set()));
      set.add(story.profile.id);
      this.changedStory(story, { links: true });
    }
  }

  private unpost(story: Story): void {
    for (const f of story.indexed) {
      const set = this.postings.get(f);
      if (!set) continue;
      set.delete(story.profile.id);
      if (set.size === 0) this.postings.delete(f);
    }
    story.indexed.clear();
  }

  /** The older story (founded first) survives, so ids of established stories stay put. */
  private merge(a: Story, b: Story, trigger: string): Story {
    const [into, from] = a.profile.firstSeq <= b.profile.firstSeq ? [a, b] : [b, a];
    into.profile.absorb(from.profile);
    for (const m of from.members) m.story = into;
    into.members = [...into.members, ...from.members].sort((x, y) => x.seq - y.seq);
    from.members = [];
    this.trimMembers(into);
    addInto(into.shared, from.shared);
    const features = [...from.indexed];
    this.unpost(from);
    this.hot.delete(from.profile.id);
    this.changedStory(from, {});
    this.changedStory(into, { profile: true, links: true });
    this.post(into, features);
    this.mergedInto.set(from.profile.id, into.profile.id);
    this.mergeLog.push({ from: from.profile.id, into: into.profile.id, trigger });
    return into;
  }

  /**
   * Stories idle beyond the hot window (by date) or beyond maxIdleArticles (by position) leave the
   * hot index and become dormant; dormant stories silent for dormantDays, or beyond the count
   * bound, are forgotten.
   */
  private expire(): void {
    const hotMs = this.settings.hotDays * DAY_MS;
    const budget = { features: this.settings.dormantFeatures, posted: this.settings.dormantPosted };
    for (const [id, story] of this.hot) {
      const p = story.profile;
      const idleByTime = this.now !== undefined && p.lastTime !== undefined && p.lastTime < this.now - hotMs && this.seq - p.lastSeq > this.settings.hotMinIdleArticles;
      const idleBySeq = this.seq - p.lastSeq > this.settings.maxIdleArticles;
      if (!idleByTime && !idleBySeq) continue;
      for (const m of story.members) {
        this.members.delete(m.seq);
        this.changedMember(m.seq);
      }
      this.unpost(story);
      this.hot.delete(id);
      this.changedStory(id, {});
      this.dormant.add(p, budget);
    }
    const now = this.now;
    this.dormant.expire(now === undefined ? undefined : now - this.settings.dormantDays * DAY_MS, this.settings.maxDormantStories);
  }
}

/** A scored candidate: a hot story or a dormant one. */
interface Candidate {
  story: Story | DormantStory;
  score: number;
}

function isHot(s: Story | DormantStory): s is Story {
  return 'profile' in s;
}

function firstSeqOf(s: Story | DormantStory): number {
  return isHot(s) ? s.profile.firstSeq : s.firstSeq;
}

/** A deterministic order of story pairs (by founding positions, older story first), for ties. */
function comparePairs(a1: Story, b1: Story, a2: Story, b2: Story): number {
  const key = (a: Story, b: Story): [number, number] => {
    const x = a.profile.firstSeq;
    const y = b.profile.firstSeq;
    return x <= y ? [x, y] : [y, x];
  };
  const [x1, y1] = key(a1, b1);
  const [x2, y2] = key(a2, b2);
  return x1 - x2 || y1 - y2;
}

/** An article's publication time (epoch ms), as the clusterer reads it: undefined when missing or unreadable. */
export function publicationTime(iso: string | undefined): number | undefined {
  if (!iso) return undefined;
  const t = Date.parse(iso);
  return Number.isNaN(t) ? undefined : t;
}

/**
 * Clusters a batch: articles are fed in publication order where dates are
 * known (stable, so undated ones keep input order), and assignments come
 * back in input order.
 */
export function clusterArticles(
  items: ClusterItem[],
  settings?: Partial<ClusterSettings>,
): { assignments: StoryAssignment[]; merges: StoryMerge[] } {
  const clusterer = new OnlineClusterer(settings);
  for (const i of arrivalOrder(items)) clusterer.add(items[i]!);
  // The batch is complete: stories still growing at its end are settled too.
  clusterer.settle();
  return {
    assignments: items.map((item) => ({ id: item.id, story: clusterer.storyOf(item.id)! })),
    merges: [...clusterer.merges],
  };
}

/**
 * Indices in arrival order: dated items by time; an undated item stays right
 * after the item that preceded it in the input, so undated runs keep their place.
 */
export function arrivalOrder(items: readonly ClusterItem[]): number[] {
  let last = -Infinity;
  const keyed = items.map((item, index) => {
    const t = publicationTime(item.publishedAt);
    if (t !== undefined) last = t;
    return { index, time: t ?? last };
  });
  keyed.sort((a, b) => a.time - b.time || a.index - b.index);
  return keyed.map((k) => k.index);
}
