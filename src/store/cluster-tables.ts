import { decodeDormant, encodeDormant, HUB_POSTING, type DormantPosting, type DormantStory, type DormantTable, type FrequencyTable } from '../cluster/index.js';
import { inList, insertRows, MAX_IN_LIST, rowsPerKey, type SqlRunner, type SqlValue } from './sql.js';

/**
 * The clusterer's tables in the store: what grows with the stream (document
 * frequencies, dormant stories) is read as each article needs it, not held.
 * The clusterer reads them synchronously, so the clustering step loads what an
 * article will read before placing it (`load…`), and what the clusterer
 * changes is kept here and written by `flush` in the step's transaction. What
 * is loaded stays current: every change goes through these objects, and only
 * the process holding the cluster lock makes any (a process that finds the
 * stream moved on without it starts afresh, see clustering.ts).
 */

function bytes(b: Buffer | Uint8Array): Uint8Array {
  return b instanceof Uint8Array ? b : new Uint8Array(b);
}

function blob(b: Uint8Array): Buffer {
  return Buffer.from(b.buffer, b.byteOffset, b.byteLength);
}

/** Counts kept in memory between steps, the first loaded going first beyond it (~100 bytes each). */
const CACHED_FREQUENCIES = 200_000;

/** `cluster_df`: feature number → document frequency. */
export class SqlFrequencyTable implements FrequencyTable {
  /** Counts known to be current, 0 for a feature known to have none; a feature not here is not loaded. */
  private readonly counts = new Map<number, number>();
  private readonly dirty = new Set<number>();
  /** Prunings since the last flush, in order: the table still holds what they forget. */
  private prunes: number[] = [];

  get(id: number): number | undefined {
    const c = this.counts.get(id);
    if (c === undefined) throw new Error(`document frequency of feature ${id} was not loaded`);
    return c === 0 ? undefined : c;
  }

  set(id: number, count: number): void {
    this.counts.set(id, count);
    this.dirty.add(id);
  }

  prune(atMost: number): void {
    this.prunes.push(atMost);
    for (const [id, c] of this.counts) if (c <= atMost) this.counts.set(id, 0);
  }

  /** Reads the counts of these features that are not loaded. */
  async load(tx: SqlRunner, ids: readonly number[]): Promise<void> {
    const missing = [...new Set(ids.filter((id) => !this.counts.has(id)))];
    // A count the pending prunings forget is none.
    const forgotten = Math.max(0, ...this.prunes);
    for (let i = 0; i < missing.length; i += MAX_IN_LIST) {
      const chunk = missing.slice(i, i + MAX_IN_LIST);
      for (const id of chunk) this.counts.set(id, 0);
      const rows = await tx.all<{ feature: number; documents: number }>(`SELECT feature, documents FROM cluster_df WHERE feature IN (${inList(chunk.length)})`, chunk);
      for (const r of rows) if (Number(r.documents) > forgotten) this.counts.set(Number(r.feature), Number(r.documents));
    }
  }

  async flush(tx: SqlRunner): Promise<void> {
    for (const atMost of this.prunes) await tx.run(`DELETE FROM cluster_df WHERE documents <= $1`, [atMost]);
    this.prunes = [];
    const rows: SqlValue[][] = [];
    for (const id of this.dirty) {
      const c = this.counts.get(id)!;
      if (c > 0) rows.push([id, c]);
    }
    this.dirty.clear();
    await insertRows(tx, `INSERT INTO cluster_df (feature, documents)`, rows, 'ON CONFLICT (feature) DO UPDATE SET documents = excluded.documents');
    trim(this.counts, CACHED_FREQUENCIES);
  }
}

type DormantChange = { kind: 'add'; story: DormantStory } | { kind: 'remove'; story: DormantStory } | { kind: 'forget'; silentBefore: number | undefined; rankBelow: number };

/** A posting as loaded: with what `forget` needs to tell whether its story is forgotten. */
interface LoadedPosting extends DormantPosting {
  rank: number;
  lastTime: number | undefined;
}

/** Anchors whose postings stay loaded between steps, and dormant stories (~3 kB each): beyond, what was loaded first goes. */
const CACHED_POSTINGS = 50_000;
const CACHED_STORIES = 5_000;

/** Whether a story is forgotten by `forget(silentBefore, rankBelow)` (MemoryDormantTable's rule). */
function forgotten(d: { rank: number; lastTime: number | undefined }, silentBefore: number | undefined, rankBelow: number): boolean {
  return d.rank < rankBelow || (silentBefore !== undefined && d.lastTime !== undefined && d.lastTime < silentBefore);
}

/** Drops the first entries of a cache beyond `max` (down to half of it): what was loaded first goes first. */
export function trim<K, V>(map: Map<K, V>, max: number): void {
  if (map.size <= max) return;
  let excess = map.size - max / 2;
  for (const k of map.keys()) {
    if (excess-- <= 0) break;
    map.delete(k);
  }
}

/**
 * `cluster_dormant` (story → compact form) and `cluster_dormant_postings`
 * (anchor → stories posted under it). What is loaded is kept current by the
 * changes and stays loaded between steps, within bounds.
 */
export class SqlDormantTable implements DormantTable {
  /** Loaded posting lists by anchor (at most HUB_POSTING + 1 entries: a longer list only counts as a commonplace). */
  private readonly postings = new Map<number, LoadedPosting[]>();
  /** Loaded stories, null for an id that is not dormant. */
  private readonly stories = new Map<string, DormantStory | null>();
  private changes: DormantChange[] = [];

  posted(anchor: number): readonly DormantPosting[] | undefined {
    const list = this.postings.get(anchor);
    if (list === undefined) throw new Error(`dormant postings of anchor ${anchor} were not loaded`);
    return list;
  }

  get(id: string): DormantStory | undefined {
    const d = this.stories.get(id);
    if (d === undefined) throw new Error(`dormant story ${id} was not loaded`);
    return d ?? undefined;
  }

  add(d: DormantStory): void {
    this.changes.push({ kind: 'add', story: d });
    this.stories.set(d.id, d);
    for (const anchor of d.posted) this.postings.get(anchor)?.push({ id: d.id, firstSeq: d.firstSeq, rank: d.rank, lastTime: d.lastTime });
  }

  remove(id: string): void {
    const d = this.get(id);
    if (d === undefined) return;
    this.changes.push({ kind: 'remove', story: d });
    this.stories.set(id, null);
    for (const anchor of d.posted) this.dropFrom(anchor, (e) => e.id === id);
  }

  forget(silentBefore: number | undefined, rankBelow: number): void {
    this.changes.push({ kind: 'forget', silentBefore, rankBelow });
    for (const [id, d] of this.stories) if (d && forgotten(d, silentBefore, rankBelow)) this.stories.set(id, null);
    for (const anchor of [...this.postings.keys()]) this.dropFrom(anchor, (e) => forgotten(e, silentBefore, rankBelow));
  }

  /** Takes the entries `gone` says out of a loaded list; a list cut at HUB_POSTING + 1 cannot tell how long it is then, and is read again. */
  private dropFrom(anchor: number, gone: (e: LoadedPosting) => boolean): void {
    const list = this.postings.get(anchor);
    if (list === undefined || !list.some(gone)) return;
    if (list.length > HUB_POSTING) this.postings.delete(anchor);
    else this.postings.set(anchor, list.filter((e) => !gone(e)));
  }

  /** Reads the posting lists of these anchors that are not loaded. */
  async loadPostings(tx: SqlRunner, anchors: readonly number[]): Promise<void> {
    const missing = [...new Set(anchors.filter((a) => !this.postings.has(a)))];
    if (missing.length === 0) return;
    await this.flush(tx);
    const lists = await rowsPerKey<{ story_id: string; first_seq: number; rank: number; last_time: number | null }>(
      tx,
      { table: 'cluster_dormant_postings', key: 'anchor', columns: 'story_id, first_seq, rank, last_time' },
      missing,
      HUB_POSTING + 1,
    );
    for (const [anchor, rows] of lists) {
      this.postings.set(anchor, rows.map((r) => ({ id: r.story_id, firstSeq: Number(r.first_seq), rank: Number(r.rank), lastTime: r.last_time === null ? undefined : Number(r.last_time) })));
    }
  }

  /** Reads the stories of these ids that are not loaded. */
  async loadStories(tx: SqlRunner, ids: readonly string[]): Promise<void> {
    const missing = ids.filter((id) => !this.stories.has(id));
    if (missing.length === 0) return;
    await this.flush(tx);
    for (const id of missing) this.stories.set(id, null);
    const rows = await tx.all<{ body: Buffer }>(`SELECT body FROM cluster_dormant WHERE story_id IN (${inList(missing.length)})`, missing);
    for (const r of rows) {
      const d = decodeDormant(bytes(r.body));
      this.stories.set(d.id, d);
    }
  }

  /** Writes the changes, in order; what is loaded stays, within bounds. */
  async flush(tx: SqlRunner): Promise<void> {
    const changes = this.changes;
    this.changes = [];
    for (const c of changes) {
      if (c.kind === 'add') await insertStory(tx, c.story);
      else if (c.kind === 'remove') await deleteStory(tx, c.story);
      else {
        const gone =
          c.silentBefore === undefined
            ? await tx.all<{ body: Buffer }>(`SELECT body FROM cluster_dormant WHERE rank < $1`, [c.rankBelow])
            : await tx.all<{ body: Buffer }>(`SELECT body FROM cluster_dormant WHERE last_time < $1 OR rank < $2`, [c.silentBefore, c.rankBelow]);
        for (const r of gone) await deleteStory(tx, decodeDormant(bytes(r.body)));
      }
    }
    trim(this.postings, CACHED_POSTINGS);
    trim(this.stories, CACHED_STORIES);
  }
}

async function insertStory(tx: SqlRunner, d: DormantStory): Promise<void> {
  await tx.run(`INSERT INTO cluster_dormant (story_id, rank, last_time, body) VALUES ($1, $2, $3, $4)`, [d.id, d.rank, d.lastTime ?? null, blob(encodeDormant(d))]);
  await insertRows(
    tx,
    `INSERT INTO cluster_dormant_postings (anchor, story_id, first_seq, rank, last_time)`,
    [...d.posted].map((anchor) => [anchor, d.id, d.firstSeq, d.rank, d.lastTime ?? null]),
    'ON CONFLICT DO NOTHING',
  );
}

async function deleteStory(tx: SqlRunner, d: DormantStory): Promise<void> {
  const anchors = [...new Set(d.posted)];
  for (let i = 0; i < anchors.length; i += MAX_IN_LIST) {
    const chunk = anchors.slice(i, i + MAX_IN_LIST);
    await tx.run(`DELETE FROM cluster_dormant_postings WHERE story_id = $1 AND anchor IN (${inList(chunk.length, 2)})`, [d.id, ...chunk]);
  }
  await tx.run(`DELETE FROM cluster_dormant WHERE story_id = $1`, [d.id]);
}
