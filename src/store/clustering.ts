import type { ClusterFeatures } from '../cluster/index.js';
import type { ArticleProfile } from '../relate/profile.js';
import type { AnalyzedArticle, Article } from '../types.js';
import type { SqlEngine, SqlRunner } from './sql.js';
import { createClusterer, createDerivations, type StreamClusterer, type StreamDerivations } from './stages.js';

/**
 * The clustering step. Story ids come from the online clusterer and depend on
 * the order of its `add` calls, so every article is clustered in the global
 * sequence order, by one writer at a time (the `cluster` lock), and every
 * process keeps an identical clusterer: before clustering new articles it
 * replays those that others clustered since its last turn. An article is
 * clustered only once every article before it is finished (done, failed or
 * duplicate), so the stories do not depend on how many workers ran or which
 * finished first: they are those of one worker reading the inputs in order.
 */

/** Articles clustered per transaction (bounded so a backlog does not hold the lock for long). */
const CLUSTER_BATCH = 256;
/** Articles replayed per query when catching up. */
const REPLAY_CHUNK = 500;
/** A clustering leader silent for this long is presumed dead and replaced (clocks of the machines should agree within a fraction of it). */
const LEADER_TIMEOUT_MS = 5_000;
/** Analyses kept in memory between writing and clustering. */
const RECENT_MAX = 1024;
/** A guard against merge cycles when following merged_into. */
export const MAX_MERGE_HOPS = 64;

interface State {
  clusterer: StreamClusterer;
  derivations: StreamDerivations;
  /** The last sequence number this process's clusterer has seen. */
  position: number;
}

/** An article just written by this process, with what clustering and relate need of it (made on a worker thread). */
export interface Fresh {
  article: Article;
  profile: ArticleProfile;
  clusterFeatures: ClusterFeatures;
}

interface ArticleRow {
  id: string;
  seq: number;
  body: string;
  analysis: string | null;
}

function toAnalyzed(row: ArticleRow): { article: Article; analyzed?: AnalyzedArticle } {
  const article = JSON.parse(row.body) as Article;
  if (row.analysis === null) return { article };
  const rest = JSON.parse(row.analysis) as Omit<AnalyzedArticle, 'article'>;
  return { article, analyzed: { ...rest, article } };
}

function clusterItem(article: Article): { id: string; title?: string; text: string; publishedAt?: string } {
  return { id: article.id, title: article.title, text: article.text, publishedAt: article.publishedAt };
}

export class ClusterStep {
  private state: State | undefined;

  constructor(
    private readonly engine: SqlEngine,
    /** This process, as recorded in the leader row. */
    private readonly me: string,
  ) {}

  /**
   * Whether this process should cluster now. Any process can, but each one
   * that takes over must first replay what the others clustered, so one
   * leader keeps the job while it is alive (its heartbeat is its last step);
   * the others take over only when it stopped stepping for LEADER_TIMEOUT_MS
   * (it died, or left). SQLite has one writer: always.
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
    for (const f of fresh) this.recent.set(f.article.id, f);
    // Another process may be the one clustering these: do not hoard.
    if (this.recent.size > RECENT_MAX) this.recent = new Map([...this.recent].slice(-RECENT_MAX));
  }

  /** Gives up leadership (on close), so that the next process need not wait for the timeout. */
  async resign(): Promise<void> {
    if (this.engine.kind === 'sqlite') return;
    await this.engine.run(`UPDATE cluster_leader SET heartbeat = 0 WHERE id = 1 AND worker = $1`, [this.me]);
  }

  private async fresh(): Promise<State> {
    return { clusterer: createClusterer(), derivations: createDerivations(), position: 0 };
  }

  /** Feeds the articles clustered by others (seq in (state.position, upTo]) to this process's clusterer. */
  private async catchUp(tx: SqlRunner, state: State, upTo: number): Promise<void> {
    // Settles happen where the clustering step made them: after the article at that point, before the next.
    const points = await settlePoints(tx, state.position, upTo);
    const settleUpTo = (seq: number): void => {
      while (points.length > 0 && points[0]! <= seq) {
        points.shift();
        state.clusterer.settle();
      }
    };
    while (state.position < upTo) {
      const rows = await tx.all<ArticleRow>(
        `SELECT a.id, a.seq, a.body, n.body AS analysis
         FROM story_members m JOIN articles a ON a.id = m.article_id LEFT JOIN analyses n ON n.article_id = a.id
         WHERE m.seq > $1 AND m.seq <= $2 ORDER BY m.seq LIMIT $3`,
        [state.position, upTo, REPLAY_CHUNK],
      );
      if (rows.length === 0) break;
      for (const row of rows) {
        settleUpTo(Number(row.seq) - 1);
        const { article, analyzed } = toAnalyzed(row);
        state.clusterer.add(clusterItem(article));
        if (analyzed) state.derivations.add(analyzed);
        state.position = Number(row.seq);
      }
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
    const state = this.state ?? (await this.fresh());
    this.state = undefined;
    // On an error the clusterer may hold articles the rollback removed: it is dropped and rebuilt next time.
    const count = await this.engine.transaction((tx) => this.step(tx, state), { lock: 'cluster', tryLock: !options.wait });
    // Kept only after a commit or a lock refusal (both leave the clusterer in step with the database).
    this.state = state;
    return count;
  }

  private async readArticle(tx: SqlRunner, id: string): Promise<{ article: Article; analyzed?: AnalyzedArticle } | undefined> {
    const rows = await tx.all<ArticleRow>(
      `SELECT a.id, a.seq, a.body, n.body AS analysis FROM articles a LEFT JOIN analyses n ON n.article_id = a.id WHERE a.id = $1`,
      [id],
    );
    return rows[0] ? toAnalyzed(rows[0]) : undefined;
  }

  /** Adds one stored article to its story (and the derivation index); false when it is not found. */
  private async clusterArticle(tx: SqlRunner, state: State, id: string, seq: number, touched: Set<string>): Promise<boolean> {
    // Articles this process has just written need not be parsed back from their JSON (same content, same ids).
    const fresh = this.recent.get(id);
    const stored = fresh ? undefined : await this.readArticle(tx, id);
    const article = fresh?.article ?? stored?.article;
    if (!article) return false;
    const before = state.clusterer.merges.length;
    const assigned = fresh ? state.clusterer.addExtracted(article, fresh.clusterFeatures) : state.clusterer.add(clusterItem(article));
    const story = state.clusterer.resolve(assigned);
    await ensureStory(tx, story, article.title, seq);
    await tx.run(`INSERT INTO story_members (article_id, story_id, assigned_story, seq) VALUES ($1, $2, $3, $4)`, [article.id, story, assigned, seq]);
    touched.add(story);
    await recordMerges(tx, state.clusterer, before, seq, touched, article.title);
    const edges = fresh ? state.derivations.addProfile(fresh.profile) : stored?.analyzed ? state.derivations.add(stored.analyzed) : [];
    for (const e of edges) {
      await tx.run(
        `INSERT INTO derivation_edges (from_id, to_id, kind, score, evidence) VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING`,
        [e.from, e.to, e.kind, e.score, JSON.stringify(e.evidence)],
      );
    }
    return true;
  }

  private async step(tx: SqlRunner, state: State): Promise<number> {
    const pos = Number((await tx.all<{ value: number }>(`SELECT value FROM meta WHERE key = 'cluster_position'`))[0]?.value ?? 0);
    if (this.engine.kind === 'postgres') {
      await tx.run(
        `INSERT INTO cluster_leader (id, worker, heartbeat) VALUES (1, $1, $2) ON CONFLICT (id) DO UPDATE SET worker = excluded.worker, heartbeat = excluded.heartbeat`,
        [this.me, Date.now()],
      );
    }
    if (state.position > pos) throw new Error('cluster state ahead of the store (was the database replaced?)');
    await this.catchUp(tx, state, pos);

    // Bodies are read only for articles this process does not hold (written by another, or before a restart).
    const head = await tx.all<{ seq: number; state: string; id: string | null }>(
      `SELECT j.seq, j.state, a.id FROM jobs j LEFT JOIN articles a ON a.hash = j.hash WHERE j.seq > $1 ORDER BY j.seq LIMIT $2`,
      [pos, CLUSTER_BATCH],
    );
    let last = pos;
    let clustered = 0;
    const touched = new Set<string>();
    // Settle points hold sequence numbers of their own, between the jobs: both are taken in sequence order.
    const lastJob = head.length === CLUSTER_BATCH ? Number(head[head.length - 1]!.seq) : Number.MAX_SAFE_INTEGER;
    const points = await settlePoints(tx, pos, lastJob);
    const settleUpTo = async (seq: number): Promise<void> => {
      while (points.length > 0 && points[0]! <= seq) {
        last = points.shift()!;
        const before = state.clusterer.merges.length;
        state.clusterer.settle();
        await recordMerges(tx, state.clusterer, before, last, touched);
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
      if (row.state === 'done' && row.id !== null && (await this.clusterArticle(tx, state, row.id, last, touched))) clustered++;
    }
    if (!blocked) await settleUpTo(lastJob);
    for (const story of touched) await refreshStory(tx, story);
    for (const row of head) if (row.id !== null && Number(row.seq) <= last) this.recent.delete(row.id);
    if (last > pos) {
      await tx.run(`UPDATE meta SET value = $1 WHERE key = 'cluster_position'`, [last]);
      await tx.run(`UPDATE meta SET value = value + 1 WHERE key = 'revision'`);
    }
    state.position = last;
    return clustered;
  }
}

/** The settle points in (after, upTo], in order. */
async function settlePoints(tx: SqlRunner, after: number, upTo: number): Promise<number[]> {
  const rows = await tx.all<{ seq: number }>(`SELECT seq FROM settle_points WHERE seq > $1 AND seq <= $2 ORDER BY seq`, [after, upTo]);
  return rows.map((r) => Number(r.seq));
}

/** Writes the merges the clusterer made since `before` (its merges list length then), at sequence number `seq`. */
async function recordMerges(tx: SqlRunner, clusterer: StreamClusterer, before: number, seq: number, touched: Set<string>, headline = ''): Promise<void> {
  for (const merge of clusterer.merges.slice(before)) {
    const into = clusterer.resolve(merge.into);
    await ensureStory(tx, into, headline, seq);
    await tx.run(`INSERT INTO story_merges (seq, from_story, into_story, trigger_article) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING`, [seq, merge.from, into, merge.trigger]);
    await tx.run(`UPDATE story_members SET story_id = $2 WHERE story_id = $1`, [merge.from, into]);
    await tx.run(`UPDATE stories SET merged_into = $2 WHERE (id = $1 OR merged_into = $1) AND id <> $2`, [merge.from, into]);
    touched.add(merge.from);
    touched.add(into);
  }
}

async function ensureStory(tx: SqlRunner, id: string, headline: string, seq: number): Promise<void> {
  await tx.run(
    `INSERT INTO stories (id, merged_into, version, headline, last_seq, articles) VALUES ($1, NULL, 0, $2, $3, 0) ON CONFLICT (id) DO NOTHING`,
    [id, headline, seq],
  );
}

/** Recounts a story after its membership changed and drops its cached brief. */
async function refreshStory(tx: SqlRunner, id: string): Promise<void> {
  const seen = `COALESCE(a.published_at, a.added_at)`;
  await tx.run(
    `UPDATE stories SET
       version = version + 1,
       articles = (SELECT CAST(COUNT(*) AS INTEGER) FROM story_members m WHERE m.story_id = $1),
       first_seen = (SELECT MIN(${seen}) FROM story_members m JOIN articles a ON a.id = m.article_id WHERE m.story_id = $1),
       last_seen = (SELECT MAX(${seen}) FROM story_members m JOIN articles a ON a.id = m.article_id WHERE m.story_id = $1),
       last_seq = COALESCE((SELECT MAX(m.seq) FROM story_members m WHERE m.story_id = $1), last_seq)
     WHERE id = $1`,
    [id],
  );
  await tx.run(`DELETE FROM briefs WHERE story_id = $1`, [id]);
}
