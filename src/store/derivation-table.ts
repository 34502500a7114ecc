import {
  candidateDocs,
  compareProfiles,
  decodeArticleProfile,
  derivationKeys,
  encodeArticleProfile,
  filedUnder,
  HUB_POSTING,
  postingLimit,
  resolveSettings,
  type ArticleProfile,
  type DerivationPostings,
} from '../relate/index.js';
import type { DerivationEdge } from '../types.js';
import { trim } from './cluster-tables.js';
import { inList, insertRows, MAX_IN_LIST, type SqlRunner, type SqlValue } from './sql.js';

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
/** Posting lists kept in memory between steps (a few dozen bytes each): the first read go first beyond it. */
const CACHED_LISTS = 100_000;

/** A row key of `relate_keys`: the space (band, anchor shingle, fact) above the 32-bit key. */
function rowKey(space: number, key: number): number {
  return space * 2 ** 32 + key;
}

const SETTINGS = resolveSettings();

function isBand(space: number): boolean {
  return space < SETTINGS.bands;
}

function blob(b: Uint8Array): Buffer {
  return Buffer.from(b.buffer, b.byteOffset, b.byteLength);
}

export class StoredDerivations implements DerivationPostings {
  /**
   * Posting lists read, by row key, oldest first. The table holds no more of a list than
   * `candidateDocs` reads: the newest MAX_POSTING of a band's (older rows are deleted), at most
   * HUB_POSTING + 1 of another key's (past that, a key is a commonplace for good and no more
   * articles are filed under it). Kept current by `add`, the only writer.
   */
  private readonly lists = new Map<number, number[]>();
  /** Rows of this step's articles, to write, and rows pushed out of a band's list, to delete. */
  private pending: SqlValue[][] = [];
  private dropped: SqlValue[][] = [];
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
    const keys = derivationKeys(profile, SETTINGS);
    const filed = [...filedUnder(keys, SETTINGS)];
    await this.loadLists(tx, filed);
    const edges = findEdges ? await this.edges(tx, profile, candidateDocs(keys, this, SETTINGS)) : [];
    for (const [space, key] of filed) {
      const k = rowKey(space, key);
      const list = this.lists.get(k)!;
      if (list[list.length - 1] === seq || (!isBand(space) && list.length > HUB_POSTING)) continue;
      this.pending.push([k, seq]);
      list.push(seq);
      if (list.length > postingLimit(space, SETTINGS)) this.dropped.push([k, list.shift()!]);
    }
    this.remember(seq, profile);
    this.written.set(seq, profile);
    return edges;
  }

  private async edges(tx: SqlRunner, profile: ArticleProfile, docs: number[]): Promise<DerivationEdge[]> {
    const profiles = await this.profilesOf(tx, docs);
    const edges: DerivationEdge[] = [];
    for (const d of docs) {
      const other = profiles.get(d);
      const e = other && compareProfiles(other, profile, SETTINGS);
      if (e) edges.push(e);
    }
    return edges;
  }

  /** Reads the posting lists of these keys that are not loaded (short lists all: one statement). */
  private async loadLists(tx: SqlRunner, filed: [number, number][]): Promise<void> {
    const missing = [...new Set(filed.map(([space, key]) => rowKey(space, key)).filter((k) => !this.lists.has(k)))];
    for (const k of missing) this.lists.set(k, []);
    for (let i = 0; i < missing.length; i += MAX_IN_LIST) {
      const chunk = missing.slice(i, i + MAX_IN_LIST);
      const rows = await tx.all<{ key: number; seq: number }>(`SELECT key, seq FROM relate_keys WHERE key IN (${inList(chunk.length)}) ORDER BY key, seq`, chunk);
      for (const r of rows) this.lists.get(Number(r.key))!.push(Number(r.seq));
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

  /** Writes this step's keys and profiles. */
  async flush(tx: SqlRunner): Promise<void> {
    await insertRows(tx, `INSERT INTO relate_keys (key, seq)`, this.pending, 'ON CONFLICT DO NOTHING');
    this.pending = [];
    for (const [k, seq] of this.dropped) await tx.run(`DELETE FROM relate_keys WHERE key = $1 AND seq = $2`, [k, seq]);
    this.dropped = [];
    trim(this.lists, CACHED_LISTS);
    await insertRows(tx, `INSERT INTO relate_profiles (seq, body)`, [...this.written].map(([seq, p]) => [seq, blob(encodeArticleProfile(p))]), 'ON CONFLICT DO NOTHING');
    this.written.clear();
  }
}
