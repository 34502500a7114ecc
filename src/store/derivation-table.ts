import {
  candidateDocs,
  compareProfiles,
  decodeArticleProfile,
  derivationKeys,
  encodeArticleProfile,
  filedUnder,
  postingLimit,
  resolveSettings,
  type ArticleProfile,
  type DerivationPostings,
} from '../relate/index.js';
import type { DerivationEdge } from '../types.js';
import { inList, insertRows, MAX_IN_LIST, rowsPerKey, type SqlRunner, type SqlValue } from './sql.js';

/**
 * Relate's incremental side over the store: the keys every stored article is
 * filed under (LSH bands of its MinHash signature, anchor shingles, fact keys)
 * are rows of `relate_keys`, indexed by key, so a new article reads the posting
 * lists of its own keys and nothing else; the candidates they name are compared
 * with its profile (compare.ts), read from a bounded cache of recent profiles or
 * from `relate_profiles`. What it finds is what relate's in-memory
 * DerivationIndex finds with every article ever stored in it: the same keys, the
 * same caps (derivation-index.ts), article seq as document number. Keys and
 * profiles of the current step are kept here until `flush` writes them.
 */

/** Profiles kept in memory (~12 kB each for a web article): copies and rewrites mostly follow their source within this many articles. */
export const CACHED_PROFILES = 4096;

/** A row key of `relate_keys`: the space (band, anchor shingle, fact) above the 32-bit key. */
function rowKey(space: number, key: number): number {
  return space * 2 ** 32 + key;
}

const SETTINGS = resolveSettings();

function blob(b: Uint8Array): Buffer {
  return Buffer.from(b.buffer, b.byteOffset, b.byteLength);
}

export class StoredDerivations implements DerivationPostings {
  /** Posting lists read in this step, by row key, oldest first (at most postingLimit entries, this step's articles included). */
  private readonly lists = new Map<number, number[]>();
  /** Keys of this step's articles, to write, by row key. */
  private readonly pending = new Map<number, number[]>();
  /** Recent profiles by seq, least recently used first. */
  private readonly profiles = new Map<number, ArticleProfile>();
  /** Profiles of this step's articles, to write, by seq. */
  private readonly written = new Map<number, ArticleProfile>();

  forEach(space: number, key: number, fn: (doc: number) => void, maxList: number): void {
    const list = this.lists.get(rowKey(space, key));
    if (list === undefined) throw new Error(`relate postings of key ${space}:${key} were not loaded`);
    if (list.length <= maxList) for (const d of list) fn(d);
  }

  /** Keeps a profile at hand (an article just stored: the next ones are likeliest to copy it). */
  remember(seq: number, profile: ArticleProfile): void {
    this.profiles.delete(seq);
    this.profiles.set(seq, profile);
    if (this.profiles.size > CACHED_PROFILES) this.profiles.delete(this.profiles.keys().next().value!);
  }

  /**
   * Files the article (at `seq`) under its keys and, when `findEdges`, returns its edges to the
   * articles filed before it (an article replayed into an empty table has its edges stored).
   */
  async add(tx: SqlRunner, seq: number, profile: ArticleProfile, findEdges: boolean): Promise<DerivationEdge[]> {
    const filed = [...filedUnder(derivationKeys(profile, SETTINGS), SETTINGS)];
    const edges = findEdges ? await this.edges(tx, profile, filed) : [];
    for (const [space, key] of filed) {
      const k = rowKey(space, key);
      const pending = this.pending.get(k);
      if (pending === undefined) this.pending.set(k, [seq]);
      else if (pending[pending.length - 1] !== seq) pending.push(seq);
      const list = this.lists.get(k);
      if (list !== undefined && list[list.length - 1] !== seq) {
        list.push(seq);
        if (list.length > postingLimit(space, SETTINGS)) list.shift();
      }
    }
    this.remember(seq, profile);
    this.written.set(seq, profile);
    return edges;
  }

  private async edges(tx: SqlRunner, profile: ArticleProfile, filed: [number, number][]): Promise<DerivationEdge[]> {
    await this.loadLists(tx, filed);
    const docs = candidateDocs(derivationKeys(profile, SETTINGS), this, SETTINGS);
    const profiles = await this.profilesOf(tx, docs);
    const edges: DerivationEdge[] = [];
    for (const d of docs) {
      const other = profiles.get(d);
      const e = other && compareProfiles(other, profile, SETTINGS);
      if (e) edges.push(e);
    }
    return edges;
  }

  private async loadLists(tx: SqlRunner, filed: [number, number][]): Promise<void> {
    // Rows are read per limit: bands read whole lists, the other spaces only enough to tell a commonplace.
    const byLimit = new Map<number, number[]>();
    for (const [space, key] of filed) {
      const k = rowKey(space, key);
      if (this.lists.has(k)) continue;
      const limit = postingLimit(space, SETTINGS);
      byLimit.set(limit, [...(byLimit.get(limit) ?? []), k]);
    }
    for (const [limit, keys] of byLimit) {
      const rows = await rowsPerKey<{ seq: number }>(tx, { table: 'relate_keys', key: 'key', columns: 'seq', order: 'seq DESC' }, keys, limit);
      for (const [k, list] of rows) {
        // This step's articles are newer than any stored row.
        const all = [...list.map((r) => Number(r.seq)).reverse(), ...(this.pending.get(k) ?? [])];
        this.lists.set(k, all.slice(-limit));
      }
    }
  }

  /** The profiles of these stored articles: from the cache, or read back. */
  private async profilesOf(tx: SqlRunner, docs: number[]): Promise<Map<number, ArticleProfile>> {
    const out = new Map<number, ArticleProfile>();
    for (const d of docs) {
      const p = this.profiles.get(d) ?? this.written.get(d);
      if (p) out.set(d, p);
    }
    const missing = docs.filter((d) => !out.has(d));
    for (let i = 0; i < missing.length; i += MAX_IN_LIST) {
      const chunk = missing.slice(i, i + MAX_IN_LIST);
      const rows = await tx.all<{ seq: number; body: Buffer }>(`SELECT seq, body FROM relate_profiles WHERE seq IN (${inList(chunk.length)})`, chunk);
      for (const r of rows) out.set(Number(r.seq), decodeArticleProfile(new Uint8Array(r.body)));
    }
    for (const [d, p] of out) this.remember(d, p);
    return out;
  }

  /** Writes this step's keys and profiles; the posting lists read are dropped (the table holds them). */
  async flush(tx: SqlRunner): Promise<void> {
    const rows: SqlValue[][] = [];
    for (const [k, seqs] of this.pending) for (const seq of seqs) rows.push([k, seq]);
    this.pending.clear();
    this.lists.clear();
    await insertRows(tx, `INSERT INTO relate_keys (key, seq)`, rows, 'ON CONFLICT DO NOTHING');
    await insertRows(tx, `INSERT INTO relate_profiles (seq, body)`, [...this.written].map(([seq, p]) => [seq, blob(encodeArticleProfile(p))]), 'ON CONFLICT DO NOTHING');
    this.written.clear();
  }
}
