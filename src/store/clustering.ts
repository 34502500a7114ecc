import { numberFeatures, publicationTime, type ClusterFeatures } from '../cluster/index.js';
import type { ArticleProfile } from '../relate/profile.js';
import type { Article, DerivationEdge, SeenFrom } from '../types.js';
import { loadClusterState, saveClusterState } from './cluster-state.js';
import { SqlDormantTable, SqlFrequencyTable } from './cluster-tables.js';
import { StoredDerivations } from './derivation-table.js';
import { inList, insertRows, rowsIn, type SqlEngine, type SqlRunner, type SqlValue } from './sql.js';
import { prepareReplay, type ClusterInput, type StoredArticleRow } from './queue.js';
import { createClusterer, type StreamClusterer } from './stages.js';

/**
 * The clustering step. Story ids come from the online clusterer and depend on
 * the order of its `add` calls, so every article is clustered in the global
 * sequence order, by one writer at a time (the `cluster` lock). An article is
 * clustered only once every article before it is finished (done, failed or
 * duplicate), so the stories do not depend on how many workers ran or which
 * finished first: they are those of one worker reading the inputs in order.
 *
 * The clusterer's and relate's state lives in the store, written in the same
 * transaction as the step's memberships, merges and edges: its hot window
 * (stories of the last days), read whole when a process starts clustering or
 * finds that another one clustered since its last turn, and the rest (document
 * frequencies, dormant stories, relate's posting lists and profiles), read as
 * each article needs it. No process replays the stream.
 */

/** Articles clustered per transaction (bounded so a backlog does not hold the lock for long). */
const CLUSTER_BATCH = 256;
/** Articles replayed per query when a store written before the state was kept catches up, once. */
const REPLAY_CHUNK = 500;
/** A clustering leader silent for this long is presumed dead and replaced (clocks of the machines should agree within a fraction of it). */
const LEADER_TIMEOUT_MS = 5_000;
/** Analyses kept in memory between writing and clustering. */
const RECENT_MAX = 1024;
/** A guard against merge cycles when following merged_into. */
export const MAX_MERGE_HOPS = 64;

/** The clusterer and relate's index over the store's tables, as of clustering position `position`. */
interface State {
  clusterer: StreamClusterer;
  frequencies: SqlFrequencyTable;
  dormant: SqlDormantTable;
  derivations: StoredDerivations;
  position: number;
}

/** An article just written by this process, with what clustering and relate need of it (made on a worker thread). */
export interface Fresh {
  article: Pick<Article, 'id' | 'title' | 'publishedAt'>;
  profile: ArticleProfile;
  clusterFeatures: ClusterFeatures;
}

export class ClusterStep {
  private state: State | undefined;
  /** Milliseconds spent clustering while holding the cluster lock: the part of the work that does not scale out. */
  lockedMs = 0;

  constructor(
    private readonly engine: SqlEngine,
    /** This process, as recorded in the leader row. */
    private readonly me: string,
    /** prepareReplay over a chunk, in order (on the process's threads when it has some). */
    private readonly prepareChunk: (rows: StoredArticleRow[]) => Promise<ClusterInput[]> = async (rows) => rows.map(prepareReplay),
  ) {}

  /** The chunk's items, being prepared; awaited only later, so a failure meanwhile must not count as unhandled (the await still throws it). */
  private replayItems(rows: StoredArticleRow[]): Promise<ClusterInput[]> {
    const items = rows.length === 0 ? Promise.resolve([]) : this.prepareChunk(rows);
    items.catch(() => undefined);
    return items;
  }

  /**
   * Whether this process should cluster now. Any process can, but each one
   * that takes over must first read the state the others left, so one leader
   * keeps the job while it is alive (its heartbeat is its last step); the
   * others take over only when it stopped stepping for LEADER_TIMEOUT_MS (it
   * died, or left). SQLite has one writer: always.
   */
  private async mayLead(): Promise<boolean> {
    if (this.engine.kind === 'sqlite') return true;
    const rows = await this.engine.all<{ worker: string; heartbeat: number }>(`SELECT worker, heartbeat FROM cluster_leader WHERE id = 1`);
    const leader = rows[0];
    return !leader || leader.worker === this.me || Date.now() - Number(leader.heartbeat) > LEADER_TIMEOUT_MS;
  }

  /** Articles this process wrote since its last step, with relate's profile, by article id (only valid when stored under that id). */
  private recent = new Map<string, Fresh>();

  remember(fresh: Fresh[]): void {
    // Only what clustering reads: not the JSON the prepared article carries for the writes.
    for (const f of fresh) this.recent.set(f.article.id, { article: f.article, profile: f.profile, clusterFeatures: f.clusterFeatures });
    // Another process may be the one clustering these: do not hoard.
    if (this.recent.size > RECENT_MAX) this.recent = new Map([...this.recent].slice(-RECENT_MAX));
  }

  /** Gives up leadership (on close), so that the next process need not wait for the timeout. */
  async resign(): Promise<void> {
    if (this.engine.kind === 'sqlite') return;
    await this.engine.run(`UPDATE cluster_leader SET heartbeat = 0 WHERE id = 1 AND worker = $1`, [this.me]);
  }

  /**
   * The state as stored at clustering position `pos`. A store clustered before
   * the state was kept (an older version of newsfuse) has none: its stored
   * articles are replayed once, and the state written from then on.
   */
  private async load(tx: SqlRunner, pos: number): Promise<State> {
    const stored = await loadClusterState(tx);
    const frequencies = new SqlFrequencyTable();
    const dormant = new SqlDormantTable();
    const state: State = { clusterer: createClusterer({ frequencies, dormant, snapshot: stored?.snapshot }), frequencies, dormant, derivations: new StoredDerivations(), position: stored?.position ?? 0 };
    if (state.position !== (stored ? pos : 0)) throw new Error(`cluster state at ${state.position}, the store at ${pos}: the state was not written with the stories`);
    if (state.position < pos) await this.catchUp(tx, state, pos);
    return state;
  }

  /**
   * Feeds the stored articles (seq in (state.position, upTo]) to the clusterer
   * and files them in relate's table, without looking for edges (they are
   * stored). Each chunk is parsed and profiled on the threads while the one
   * before is placed.
   */
  private async catchUp(tx: SqlRunner, state: State, upTo: number): Promise<void> {
    // Settles happen where the clustering step made them: after the article at that point, before the next.
    const points = await settlePoints(tx, state.position, upTo);
    const settleUpTo = (seq: number): void => {
      while (points.length > 0 && points[0]! <= seq) {
        points.shift();
        state.clusterer.settle();
      }
    };
    const readChunk = (after: number): Promise<StoredArticleRow[]> =>
      tx.all<StoredArticleRow>(
        `SELECT a.seq, a.body, n.body AS analysis
         FROM story_members m JOIN articles a ON a.id = m.article_id LEFT JOIN analyses n ON n.article_id = a.id
         WHERE m.seq > $1 AND m.seq <= $2 ORDER BY m.seq LIMIT $3`,
        [after, upTo, REPLAY_CHUNK],
      );
    let rows = await readChunk(state.position);
    let prepared = this.replayItems(rows);
    while (rows.length > 0) {
      const next = rows.length === REPLAY_CHUNK ? await readChunk(Number(rows[rows.length - 1]!.seq)) : [];
      const nextPrepared = this.replayItems(next);
      for (const item of await prepared) {
        settleUpTo(item.seq - 1);
        await placeArticle(tx, state, item, item.seq, false);
        state.position = item.seq;
      }
      // The replay of a large store is one transaction: what it read is let go as it goes.
      await flushState(tx, state, state.position);
      rows = next;
      prepared = nextPrepared;
    }
    settleUpTo(upTo);
    state.position = upTo;
  }

  /**
   * Clusters the finished articles at the head of the sequence. Returns how
   * many were clustered, or null when another process holds the lock and
   * `wait` is false.
   */
  async run(options: { wait: boolean }): Promise<number | null> {
    if (!(await this.mayLead())) return null;
    const state = this.state;
    this.state = undefined;
    // On an error the state may hold what the rollback removed: it is dropped and read again next time.
    const result = await this.engine.transaction((tx) => this.step(tx, state), { lock: 'cluster', tryLock: !options.wait });
    // Kept only after a commit (a lock refusal leaves the state as it was).
    this.state = result ? result.state : state;
    return result ? result.clustered : null;
  }

  /** A stored article this process did not write (another process did, or this one before a restart), read back. */
  private async readArticle(tx: SqlRunner, id: string): Promise<ClusterInput | undefined> {
    const rows = await tx.all<StoredArticleRow>(
      `SELECT a.seq, a.body, n.body AS analysis FROM articles a LEFT JOIN analyses n ON n.article_id = a.id WHERE a.id = $1`,
      [id],
    );
    return rows[0] ? prepareReplay(rows[0]) : undefined;
  }

  /** Adds one stored article to its story (and relate's index); false when it is not found. */
  private async clusterArticle(tx: SqlRunner, state: State, id: string, seq: number, writes: StepWrites): Promise<boolean> {
    // Articles this process has just written need not be parsed back from their JSON (same content, same ids).
    const fresh = this.recent.get(id);
    const input: Omit<ClusterInput, 'seq'> | undefined = fresh
      ? { id: fresh.article.id, title: fresh.article.title, publishedAt: fresh.article.publishedAt, clusterFeatures: fresh.clusterFeatures, profile: fresh.profile }
      : await this.readArticle(tx, id);
    if (!input) return false;
    const before = state.clusterer.merges.length;
    const { story, edges } = await placeArticle(tx, state, input, seq, true);
    writes.story(story, input.title, seq);
    writes.member(input.id, story, story, seq);
    await recordMerges(tx, writes, state.clusterer, before, seq, input.title);
    for (const e of edges) writes.edge(e);
    return true;
  }

  private async step(tx: SqlRunner, held: State | undefined): Promise<{ state: State; clustered: number }> {
    const start = performance.now();
    try {
      return await this.clusterHead(tx, held);
    } finally {
      this.lockedMs += performance.now() - start;
    }
  }

  private async clusterHead(tx: SqlRunner, held: State | undefined): Promise<{ state: State; clustered: number }> {
    const pos = Number((await tx.all<{ value: number }>(`SELECT value FROM meta WHERE key = 'cluster_position'`))[0]?.value ?? 0);
    if (this.engine.kind === 'postgres') {
      await tx.run(
        `INSERT INTO cluster_leader (id, worker, heartbeat) VALUES (1, $1, $2) ON CONFLICT (id) DO UPDATE SET worker = excluded.worker, heartbeat = excluded.heartbeat`,
        [this.me, Date.now()],
      );
    }
    // Another process clustered since this one's last step (or this one never did): start from what it wrote.
    const state = held?.position === pos ? held : await this.load(tx, pos);

    // Bodies are read only for articles this process does not hold (written by another, or before a restart).
    const head = await tx.all<{ seq: number; state: string; id: string | null }>(
      `SELECT j.seq, j.state, a.id FROM jobs j LEFT JOIN articles a ON a.hash = j.hash WHERE j.seq > $1 ORDER BY j.seq LIMIT $2`,
      [pos, CLUSTER_BATCH],
    );
    let last = pos;
    let clustered = 0;
    const writes = new StepWrites();
    // Settle points hold sequence numbers of their own, between the jobs: both are taken in sequence order.
    const lastJob = head.length === CLUSTER_BATCH ? Number(head[head.length - 1]!.seq) : Number.MAX_SAFE_INTEGER;
    const points = await settlePoints(tx, pos, lastJob);
    const settleUpTo = async (seq: number): Promise<void> => {
      while (points.length > 0 && points[0]! <= seq) {
        last = points.shift()!;
        const before = state.clusterer.merges.length;
        state.clusterer.settle();
        await recordMerges(tx, writes, state.clusterer, before, last);
      }
    };
    let blocked = false;
    for (const row of head) {
      await settleUpTo(Number(row.seq) - 1);
      if (row.state === 'queued' || row.state === 'running') {
        blocked = true;
        break;
      }
      last = Number(row.seq);
      if (row.state === 'done' && row.id !== null && (await this.clusterArticle(tx, state, row.id, last, writes))) clustered++;
    }
    if (!blocked) await settleUpTo(lastJob);
    await writes.flush(tx);
    await refreshStories(tx, writes);
    for (const row of head) if (row.id !== null && Number(row.seq) <= last) this.recent.delete(row.id);
    if (last > pos) {
      await tx.run(`UPDATE meta SET value = $1 WHERE key = 'cluster_position'`, [last]);
      await tx.run(`UPDATE meta SET value = value + 1 WHERE key = 'revision'`);
    }
    state.position = last;
    await flushState(tx, state, last);
    return { state, clustered };
  }
}

/**
 * Places an article with the clusterer and files it in relate's table, loading
 * first what each reads of the store: the document frequencies of its features
 * and the dormant stories posted under its anchors, then the dormant stories
 * the clusterer chose to score. Returns its story (after any merge it caused)
 * and, when `findEdges`, its derivation edges to earlier articles.
 */
async function placeArticle(tx: SqlRunner, state: State, input: Omit<ClusterInput, 'seq'>, seq: number, findEdges: boolean): Promise<{ story: string; edges: DerivationEdge[] }> {
  const features = numberFeatures(input.clusterFeatures);
  await state.frequencies.load(tx, [...features.terms.ids, ...features.anchors.ids]);
  await state.dormant.loadPostings(tx, features.anchors.ids);
  const pending = state.clusterer.prepare(input.id, features, publicationTime(input.publishedAt));
  await state.dormant.loadStories(tx, pending.dormant);
  const story = state.clusterer.place(pending);
  const edges = input.profile ? await state.derivations.add(tx, seq, input.profile, findEdges) : [];
  return { story, edges };
}

/** Writes the state's changes as of clustering position `position` (the merges were recorded already). */
async function flushState(tx: SqlRunner, state: State, position: number): Promise<void> {
  await state.frequencies.flush(tx);
  await state.dormant.flush(tx);
  await state.derivations.flush(tx);
  await saveClusterState(tx, state.clusterer.takeChanges(), position);
  state.clusterer.forgetMerges();
}

/** The settle points in (after, upTo], in order. */
async function settlePoints(tx: SqlRunner, after: number, upTo: number): Promise<number[]> {
  const rows = await tx.all<{ seq: number }>(`SELECT seq FROM settle_points WHERE seq > $1 AND seq <= $2 ORDER BY seq`, [after, upTo]);
  return rows.map((r) => Number(r.seq));
}

/**
 * The rows one clustering step writes, gathered while it clusters and then
 * written one multi-row statement per table: a step of 256 articles costs a
 * handful of statements, not a thousand (each a round trip to PostgreSQL).
 * Merges, rare, are written at once, after what was gathered before them.
 */
class StepWrites {
  /** Stories to create, with the headline of their first article (an existing story is left as it is). */
  private readonly stories = new Map<string, { headline: string; seq: number }>();
  private members: SqlValue[][] = [];
  private edges: SqlValue[][] = [];
  /** Stories whose membership changed in this step: their counts brought up to date, and their briefs dropped, at its end. */
  readonly touched = new Set<string>();
  /** Stories a merge moved members out of or into in this step: recounted from all their members. */
  readonly merged = new Set<string>();
  /** The articles each story gained in this step (by its id when placed). */
  readonly added = new Map<string, string[]>();

  story(id: string, headline: string, seq: number): void {
    if (!this.stories.has(id)) this.stories.set(id, { headline, seq });
  }

  member(articleId: string, story: string, assigned: string, seq: number): void {
    this.members.push([articleId, story, assigned, seq]);
    this.touched.add(story);
    const list = this.added.get(story);
    if (list) list.push(articleId);
    else this.added.set(story, [articleId]);
  }

  edge(e: DerivationEdge): void {
    this.edges.push([e.from, e.to, e.kind, e.score, JSON.stringify(storedEvidence(e))]);
  }

  async flush(tx: SqlRunner): Promise<void> {
    const stories = [...this.stories].map(([id, s]): SqlValue[] => [id, s.headline, s.seq]);
    this.stories.clear();
    await insertRows(tx, `INSERT INTO stories (id, merged_into, version, headline, last_seq, articles)`, stories.map(([id, headline, seq]) => [id, null, 0, headline, seq, 0]), 'ON CONFLICT (id) DO NOTHING');
    await insertRows(tx, `INSERT INTO story_members (article_id, story_id, assigned_story, seq)`, this.members);
    this.members = [];
    await insertRows(tx, `INSERT INTO derivation_edges (from_id, to_id, kind, score, evidence)`, this.edges, 'ON CONFLICT DO NOTHING');
    this.edges = [];
  }
}

/**
 * What the store keeps of an edge's evidence: its best aligned passage. A
 * syndicated text gives every copy a dozen edges, and all of an edge's
 * passages (both sides' sentences) would take more room than the articles;
 * a brief relates its story's articles again, evidence included.
 */
function storedEvidence(e: DerivationEdge): DerivationEdge['evidence'] {
  const best = e.evidence.reduce<DerivationEdge['evidence'][number] | undefined>((b, p) => (b === undefined || p.score > b.score ? p : b), undefined);
  return best ? [best] : [];
}

/** Writes the merges the clusterer made since `before` (its merges list length then), at sequence number `seq`. */
async function recordMerges(tx: SqlRunner, writes: StepWrites, clusterer: StreamClusterer, before: number, seq: number, headline = ''): Promise<void> {
  const merges = clusterer.merges.slice(before);
  if (merges.length === 0) return;
  // The merge statements move members and stories written earlier in the step: those go first.
  for (const merge of merges) writes.story(clusterer.resolve(merge.into), headline, seq);
  await writes.flush(tx);
  for (const merge of merges) {
    const into = clusterer.resolve(merge.into);
    await tx.run(`INSERT INTO story_merges (seq, from_story, into_story, trigger_article) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING`, [seq, merge.from, into, merge.trigger]);
    await tx.run(`UPDATE story_members SET story_id = $2 WHERE story_id = $1`, [merge.from, into]);
    await tx.run(`UPDATE stories SET merged_into = $2 WHERE (id = $1 OR merged_into = $1) AND id <> $2`, [merge.from, into]);
    for (const story of [merge.from, into]) {
      writes.touched.add(story);
      writes.merged.add(story);
    }
  }
}

/** Stories recounted per statement. */
const REFRESH_CHUNK = 200;

/**
 * `first_seen = …, last_seen = …, seen_from = …` of an UPDATE of stories:
 * publication times when any member has one; ingest times, labelled so, only
 * for a story of undated articles.
 */
export function seenAssignments(): string {
  const members = `FROM story_members m JOIN articles a ON a.id = m.article_id WHERE m.story_id = stories.id`;
  const seen = (fn: 'MIN' | 'MAX'): string => `COALESCE((SELECT ${fn}(a.published_at) ${members}), (SELECT ${fn}(a.added_at) ${members}))`;
  return `first_seen = ${seen('MIN')}, last_seen = ${seen('MAX')},
         seen_from = CASE WHEN EXISTS (SELECT 1 ${members} AND a.published_at IS NOT NULL) THEN 'published' ELSE 'ingested' END`;
}

/**
 * Brings the stories a step touched up to date and drops their cached briefs.
 * A story that only gained articles is updated from its stored counts and the
 * new members alone: a story of thousands of articles is not recounted on
 * every step. A story a merge touched is recounted from all its members.
 */
async function refreshStories(tx: SqlRunner, writes: StepWrites): Promise<void> {
  const recount = [...writes.merged];
  const grown = [...writes.touched].filter((id) => !writes.merged.has(id));
  await recountStories(tx, recount);
  await growStories(tx, grown, writes.added);
  const all = [...writes.touched];
  for (let i = 0; i < all.length; i += REFRESH_CHUNK) {
    const chunk = all.slice(i, i + REFRESH_CHUNK);
    await tx.run(`DELETE FROM briefs WHERE story_id IN (${inList(chunk.length)})`, chunk);
  }
}

/** Recounts stories from all their members. */
async function recountStories(tx: SqlRunner, ids: string[]): Promise<void> {
  for (let i = 0; i < ids.length; i += REFRESH_CHUNK) {
    const chunk = ids.slice(i, i + REFRESH_CHUNK);
    await tx.run(
      `UPDATE stories SET
         version = version + 1,
         articles = (SELECT CAST(COUNT(*) AS INTEGER) FROM story_members m WHERE m.story_id = stories.id),
         ${seenAssignments()},
         last_seq = COALESCE((SELECT MAX(m.seq) FROM story_members m WHERE m.story_id = stories.id), last_seq)
       WHERE id IN (${inList(chunk.length)})`,
      chunk,
    );
  }
}

/** A story's stored counts, as `growStories` reads and writes them. */
interface StoryCounts {
  id: string;
  articles: number;
  first_seen: string | null;
  last_seen: string | null;
  seen_from: SeenFrom | null;
  last_seq: number;
}

/** What growStories needs of a new member. */
interface MemberTimes {
  id: string;
  seq: number;
  published_at: string | null;
  added_at: string;
}

/** Adds to stories' stored counts the articles each gained (`added`); none of them was merged. */
async function growStories(tx: SqlRunner, ids: string[], added: ReadonlyMap<string, string[]>): Promise<void> {
  const stories = await rowsIn<StoryCounts>(tx, `SELECT id, articles, first_seen, last_seen, seen_from, last_seq FROM stories`, 'id', ids);
  const members = await rowsIn<MemberTimes>(
    tx,
    `SELECT a.id, m.seq, a.published_at, a.added_at FROM articles a JOIN story_members m ON m.article_id = a.id`,
    'a.id',
    ids.flatMap((id) => added.get(id) ?? []),
  );
  const byId = new Map(members.map((m) => [m.id, m]));
  const rows: SqlValue[][] = [];
  for (const story of stories) {
    const gained = (added.get(story.id) ?? []).flatMap((id) => byId.get(id) ?? []);
    const next = grownCounts(story, gained);
    rows.push([next.id, '', 0, next.last_seq, next.articles, next.first_seen, next.last_seen, next.seen_from]);
  }
  // An upsert of rows that exist: one statement for the lot, on SQLite and PostgreSQL alike.
  await insertRows(
    tx,
    `INSERT INTO stories (id, headline, version, last_seq, articles, first_seen, last_seen, seen_from)`,
    rows,
    `ON CONFLICT (id) DO UPDATE SET version = stories.version + 1, last_seq = excluded.last_seq, articles = excluded.articles,
       first_seen = excluded.first_seen, last_seen = excluded.last_seen, seen_from = excluded.seen_from`,
  );
}

/**
 * A story's counts after it gained `gained`: what `seenAssignments` gives over
 * all its members (publication times when any member has one, else ingest
 * times), from the stored counts and the new members alone.
 */
export function grownCounts(story: StoryCounts, gained: readonly MemberTimes[]): StoryCounts {
  const dated = gained.flatMap((m) => (m.published_at === null ? [] : [m.published_at]));
  const next: StoryCounts = { ...story, articles: Number(story.articles) + gained.length };
  for (const m of gained) next.last_seq = Math.max(Number(next.last_seq), Number(m.seq));
  if (dated.length > 0 && story.seen_from !== 'published') {
    // The first dated member: the ingest times of the undated ones no longer count.
    Object.assign(next, { seen_from: 'published', first_seen: minOf(dated), last_seen: maxOf(dated) });
  } else if (story.seen_from === 'published') {
    if (dated.length > 0) Object.assign(next, { first_seen: minOf([story.first_seen, ...dated]), last_seen: maxOf([story.last_seen, ...dated]) });
  } else if (gained.length > 0) {
    const times = gained.map((m) => m.added_at);
    Object.assign(next, { seen_from: 'ingested', first_seen: minOf([story.first_seen, ...times]), last_seen: maxOf([story.last_seen, ...times]) });
  }
  return next;
}

/** The least of the times that are set (as SQL's MIN compares text). */
function minOf(times: readonly (string | null)[]): string | null {
  return times.reduce<string | null>((best, t) => (t !== null && (best === null || t < best) ? t : best), null);
}

/** The greatest of the times that are set. */
function maxOf(times: readonly (string | null)[]): string | null {
  return times.reduce<string | null>((best, t) => (t !== null && (best === null || t > best) ? t : best), null);
}
