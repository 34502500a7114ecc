import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import { brotliCompress, brotliDecompressSync, constants as zlibConstants } from 'node:zlib';
import { analyze } from '../analyze/index.js';
import { extractFeatures, type ClusterFeatures } from '../cluster/index.js';
import { extract } from '../extract/index.js';
import { normaliseDate } from '../ingest/dates.js';
import { buildProfile, type ArticleProfile } from '../relate/profile.js';
import { resolveSettings as resolveRelateSettings } from '../relate/settings.js';
import type { AnalyzedArticle, Article, RawDocument } from '../types.js';
import { articleBody, articleFromBody } from './article-body.js';
import { inList, insertRows, MAX_IN_LIST, valuesList, type SqlEngine, type SqlRunner, type SqlValue } from './sql.js';

/**
 * The job queue: every accepted raw document gets a global sequence number
 * and a job. Workers take jobs (FOR UPDATE SKIP LOCKED with a lease in
 * PostgreSQL), extract and analyse outside any lock, and write the article
 * and the job's end state in one transaction. Clustering follows later, in
 * sequence order (clustering.ts).
 */

/** Raw documents inserted per transaction when enqueueing. */
const ENQUEUE_CHUNK = 500;
/**
 * An ingest of at least this many documents is a batch import: after its last
 * article the clusterer settles its stories (merges fragments on the evidence
 * of the whole batch, as `clusterArticles` does). Smaller ingests (a feed
 * poll) rely on the clusterer settling idle stories by itself: settling
 * often, while stories still grow, would merge too eagerly (docs/cluster.md).
 */
export const SETTLE_AFTER_IMPORT = 100;
/** A job whose worker died is retried this many times, then failed. */
export const MAX_ATTEMPTS = 3;

export type JobState = 'queued' | 'running' | 'done' | 'failed' | 'duplicate';

export interface Enqueued {
  /** Raw documents that were new, with their sequence numbers. */
  accepted: { raw: RawDocument; seq: number }[];
  /** Raw documents whose content hash was already stored. */
  duplicates: RawDocument[];
}

/**
 * Raw contents at least this long (characters) are stored compressed: web
 * pages average ~160 kB, and brotli at quality 1 makes them 4–5× smaller for
 * under 1 ms each (on libuv's threads); a short text gains little.
 */
const COMPRESS_FROM_CHARS = 4096;
const BROTLI_QUALITY = 1;
const compress = promisify(brotliCompress);

/** The stored form of each content long enough to compress, by content hash (made before the transaction, which then only writes). */
async function packContents(raws: RawDocument[]): Promise<Map<string, Buffer>> {
  const long = raws.filter((r) => r.content.length >= COMPRESS_FROM_CHARS);
  const packed = await Promise.all(
    long.map((r) => compress(Buffer.from(r.content, 'utf8'), { params: { [zlibConstants.BROTLI_PARAM_QUALITY]: BROTLI_QUALITY } })),
  );
  return new Map(long.map((r, i) => [r.contentHash, packed[i]!]));
}

export async function enqueue(engine: SqlEngine, raws: RawDocument[]): Promise<Enqueued> {
  const out: Enqueued = { accepted: [], duplicates: [] };
  const now = new Date().toISOString();
  for (let i = 0; i < raws.length; i += ENQUEUE_CHUNK) {
    const chunk = raws.slice(i, i + ENQUEUE_CHUNK);
    const packed = await packContents(chunk);
    // The sequence lock makes seq visible in commit order: clustering never sees seq n+1 before n.
    const part = await engine.transaction((tx) => enqueueChunk(tx, chunk, packed, now), { lock: 'sequence' });
    if (part) {
      out.accepted.push(...part.accepted);
      out.duplicates.push(...part.duplicates);
    }
  }
  return out;
}

/**
 * One chunk in one multi-row insert: each distinct content takes the next
 * sequence number in input order; one already stored keeps its row and
 * leaves its number unused (sequence numbers order, they need not be
 * consecutive).
 */
async function enqueueChunk(tx: SqlRunner, chunk: RawDocument[], packed: Map<string, Buffer>, now: string): Promise<Enqueued> {
  const first = (await lastSeq(tx)) + 1;
  // Each content once, at its first occurrence (a second copy in the chunk is a duplicate).
  const firstOf: RawDocument[] = [];
  const seen = new Set<string>();
  for (const raw of chunk) {
    if (seen.has(raw.contentHash)) continue;
    seen.add(raw.contentHash);
    firstOf.push(raw);
  }
  const inserted = await insertRows<{ hash: string; seq: number }>(
    tx,
    `INSERT INTO raw_documents (hash, seq, doc_id, origin, format, content, content_br, url, title, published_at, source, declared_charset, received_at)`,
    firstOf.map((raw, i) => {
      const br = packed.get(raw.contentHash);
      return [raw.contentHash, first + i, raw.id, raw.origin, raw.format, br ? '' : raw.content, br ?? null, raw.url, raw.title, raw.publishedAt, raw.source, raw.declaredCharset, now];
    }),
    'ON CONFLICT (hash) DO NOTHING RETURNING hash, seq',
  );
  const seqOf = new Map(inserted.map((r) => [r.hash, Number(r.seq)]));
  const accepted: Enqueued['accepted'] = [];
  const duplicates: RawDocument[] = [];
  for (const raw of chunk) {
    const seq = seqOf.get(raw.contentHash);
    if (seq === undefined) duplicates.push(raw);
    else {
      accepted.push({ raw, seq });
      seqOf.delete(raw.contentHash);
    }
  }
  await insertRows(tx, `INSERT INTO jobs (hash, seq, state, attempts)`, accepted.map((a) => [a.raw.contentHash, a.seq, 'queued', 0]));
  return { accepted, duplicates };
}

/** The last sequence number given, to a document or to a settle point (under the sequence lock when giving the next). */
export async function lastSeq(tx: SqlRunner): Promise<number> {
  // Each maximum read off its index: the maximum of a UNION would scan both tables.
  const rows = await tx.all<{ s: number | null }>(
    `SELECT MAX(s) AS s FROM (SELECT MAX(seq) AS s FROM raw_documents UNION ALL SELECT MAX(seq) AS s FROM settle_points) AS given`,
  );
  return Number(rows[0]?.s ?? 0);
}

/**
 * Puts a settle point at the end of the sequence: once every document before
 * it is clustered, the clusterer settles its stories there. A settle point
 * takes a sequence number of its own, so that replays settle at the same
 * place whatever else was ingested meanwhile. Returns its number.
 */
export async function enqueueSettle(engine: SqlEngine): Promise<number> {
  const seq = await engine.transaction(
    async (tx) => {
      const next = (await lastSeq(tx)) + 1;
      await tx.run(`INSERT INTO settle_points (seq) VALUES ($1)`, [next]);
      return next;
    },
    { lock: 'sequence' },
  );
  return seq ?? 0;
}

interface RawRow {
  hash: string;
  seq: number;
  doc_id: string;
  origin: string;
  format: 'html' | 'text';
  content: string;
  content_br: Buffer | null;
  url: string | null;
  title: string | null;
  published_at: string | null;
  source: string | null;
  declared_charset: string | null;
}

function rowToRaw(r: RawRow): RawDocument {
  return {
    id: r.doc_id,
    origin: r.origin,
    format: r.format,
    content: r.content_br ? brotliDecompressSync(r.content_br).toString('utf8') : r.content,
    url: r.url ?? undefined,
    title: r.title ?? undefined,
    publishedAt: r.published_at ?? undefined,
    source: r.source ?? undefined,
    declaredCharset: r.declared_charset ?? undefined,
    contentHash: r.hash,
  };
}

const RAW_COLUMNS = `r.hash, r.seq, r.doc_id, r.origin, r.format, r.content, r.content_br, r.url, r.title, r.published_at, r.source, r.declared_charset`;

/**
 * Takes up to `limit` jobs. PostgreSQL: queued jobs, or running ones whose
 * lease expired (their worker died), locked with SKIP LOCKED so concurrent
 * workers never take the same job. SQLite has one writer: jobs stay queued
 * until their result is written, so a killed ingest simply redoes them;
 * `after` skips the jobs this process has in hand already (SQLite only).
 * Raw documents the caller still holds (`known`, by content hash: those it
 * has just queued) are not read back from the database.
 */
export async function claimJobs(
  engine: SqlEngine,
  options: { limit: number; leaseMs: number; worker: string; after?: number; known?: ReadonlyMap<string, RawDocument> },
): Promise<{ raw: RawDocument; seq: number }[]> {
  const claimed = engine.kind === 'sqlite' ? await queuedJobs(engine, options.limit, options.after ?? 0) : await leaseJobs(engine, options);
  if (claimed.length === 0) return [];
  const known = options.known ?? new Map<string, RawDocument>();
  const unknown = claimed.filter((c) => !known.has(c.hash)).map((c) => c.hash);
  const read = new Map<string, RawDocument>();
  if (unknown.length > 0) {
    const rows = await engine.all<RawRow>(`SELECT ${RAW_COLUMNS} FROM raw_documents r WHERE r.hash IN (${inList(unknown.length)})`, unknown);
    for (const r of rows) read.set(r.hash, rowToRaw(r));
  }
  return claimed.flatMap((c) => {
    const raw = known.get(c.hash) ?? read.get(c.hash);
    return raw ? [{ raw, seq: c.seq }] : [];
  });
}

/** SQLite: the next queued jobs after `after`, in sequence order (nothing is marked: see claimJobs). */
async function queuedJobs(engine: SqlEngine, limit: number, after: number): Promise<{ hash: string; seq: number }[]> {
  const rows = await engine.all<{ hash: string; seq: number }>(`SELECT hash, seq FROM jobs WHERE state = 'queued' AND seq > $2 ORDER BY seq LIMIT $1`, [limit, after]);
  return rows.map((r) => ({ hash: r.hash, seq: Number(r.seq) }));
}

/** PostgreSQL: leases the next jobs to this worker, in sequence order. */
async function leaseJobs(engine: SqlEngine, options: { limit: number; leaseMs: number; worker: string }): Promise<{ hash: string; seq: number }[]> {
  const now = Date.now();
  const claimed = await engine.transaction(async (tx) => {
    // Jobs that killed their worker MAX_ATTEMPTS times are given up, not retried forever.
    await tx.run(
      `UPDATE jobs SET state = 'failed', error = 'gave up: the worker stopped during every attempt', lease_until = NULL
       WHERE state = 'running' AND lease_until < $1 AND attempts >= $2`,
      [now, MAX_ATTEMPTS],
    );
    return tx.all<{ hash: string; seq: number }>(
      `UPDATE jobs SET state = 'running', lease_until = $1, worker = $2, attempts = attempts + 1
       WHERE hash IN (SELECT hash FROM jobs WHERE state = 'queued' OR (state = 'running' AND lease_until < $3)
                      ORDER BY seq LIMIT $4 FOR UPDATE SKIP LOCKED)
       RETURNING hash, seq`,
      [now + options.leaseMs, options.worker, now, options.limit],
    );
  });
  return (claimed ?? []).map((r) => ({ hash: r.hash, seq: Number(r.seq) })).sort((a, b) => a.seq - b.seq);
}

/**
 * A processed job, ready to write: everything the store's thread needs and
 * nothing more. The JSON of the article and of its analysis, the text hash and
 * relate's profile are made where the CPU-heavy work ran (a worker thread when
 * there are some), so that the single writer only writes; and the raw content
 * is not sent back.
 */
/** What the store's writes and the clustering step read of an article beside its JSON: not its text, which a runaway page makes tens of MB. */
export type ArticleHead = Pick<Article, 'id' | 'url' | 'title' | 'publishedAt'>;

export interface PreparedArticle {
  article: ArticleHead;
  articleJson: string;
  /** The AnalyzedArticle without its article (stored apart). */
  analysisJson: string;
  textHash: string;
  /** For the derivation index (relate). */
  profile: ArticleProfile;
  /** For the online clusterer. */
  clusterFeatures: ClusterFeatures;
}

export type Processed =
  | { hash: string; seq: number; ok: true; prepared: PreparedArticle }
  | { hash: string; seq: number; ok: false; reason: string };

/** Built once per thread: the derivation index of the store uses the default settings too. */
const RELATE_SETTINGS = resolveRelateSettings();

/** The CPU-heavy part, outside any transaction: pure stages only. */
export function processRaw(job: { raw: RawDocument; seq: number }): Processed {
  const hash = job.raw.contentHash;
  try {
    const extracted = extract(job.raw);
    // What the container knew (a feed item's date and title, the fetched URL) fills what the page did not say.
    const article: Article = {
      ...extracted,
      url: extracted.url ?? job.raw.url,
      title: extracted.title || job.raw.title || '',
    };
    const analyzed = analyze(article);
    const { article: _omit, ...analysis } = analyzed;
    const prepared: PreparedArticle = {
      article: headOf(article),
      articleJson: articleBody(article),
      analysisJson: JSON.stringify(analysis),
      textHash: textHash(article),
      profile: buildProfile(analyzed, RELATE_SETTINGS),
      clusterFeatures: extractFeatures(article.text, article.title),
    };
    return { hash, seq: job.seq, ok: true, prepared };
  } catch (err) {
    return { hash, seq: job.seq, ok: false, reason: err instanceof Error ? err.message : String(err) };
  }
}

/** A stored article as the clustering step replays it: the JSON of the article and of its analysis, as written. */
export interface StoredArticleRow {
  seq: number;
  body: string;
  analysis: string | null;
}

/** What the clustering step feeds the clusterer and the derivation index for a stored article: the work of `processRaw` after extraction and analysis. */
export interface ClusterInput {
  seq: number;
  /** The article's id, title (a new story's headline) and date: all the clustering step needs of it besides features and profile. */
  id: string;
  title: string;
  publishedAt?: string;
  clusterFeatures: ClusterFeatures;
  /** None for an article stored without an analysis. */
  profile?: ArticleProfile;
}

/** The CPU-heavy part of clustering a stored article (parsing, features, relate's profile), pure, so that a replay can run it on worker threads. */
export function prepareReplay(row: StoredArticleRow): ClusterInput {
  const article = articleFromBody(row.body);
  const item: ClusterInput = {
    seq: Number(row.seq),
    id: article.id,
    title: article.title,
    publishedAt: article.publishedAt,
    clusterFeatures: extractFeatures(article.text, article.title),
  };
  if (row.analysis !== null) {
    const rest = JSON.parse(row.analysis) as Omit<AnalyzedArticle, 'article'>;
    item.profile = buildProfile({ ...rest, article }, RELATE_SETTINGS);
  }
  return item;
}

function headOf(article: Article): ArticleHead {
  const head: ArticleHead = { id: article.id, title: article.title };
  if (article.url !== undefined) head.url = article.url;
  if (article.publishedAt !== undefined) head.publishedAt = article.publishedAt;
  return head;
}

export function textHash(article: Article): string {
  return createHash('sha256').update(article.text).digest('hex');
}

export interface JobOutcome {
  hash: string;
  state: JobState;
  articleId?: string;
  error?: string;
  /**
   * For `done`: whether this write stored the article (false when another
   * process had stored the same content first: for this caller it was a
   * duplicate). Unknown for outcomes read back from the queue.
   */
  stored?: boolean;
}

/**
 * Writes the results of processed jobs and their end states in one
 * transaction: a crash before the commit leaves the jobs to be redone, after
 * it nothing is redone. Writing twice (a job retried after its lease expired
 * while the first worker still finished) is harmless: articles are unique by
 * content hash. The usual case, new articles, takes one multi-row statement
 * per table; an article whose insert conflicts goes the careful way, alone.
 */
export async function writeResults(engine: SqlEngine, results: Processed[]): Promise<JobOutcome[]> {
  const now = new Date().toISOString();
  const outcomes = await engine.transaction(async (tx) => {
    const out = new Map<string, JobOutcome>();
    const same = await sameUrlAndText(tx, results);
    const fresh: Extract<Processed, { ok: true }>[] = [];
    for (const r of results) {
      if (!r.ok) {
        await tx.run(`UPDATE jobs SET state = 'failed', error = $2, lease_until = NULL WHERE hash = $1 AND state IN ('queued', 'running')`, [r.hash, r.reason]);
        out.set(r.hash, { hash: r.hash, state: 'failed', error: r.reason });
        continue;
      }
      // The same canonical URL with the same body is the same article, whatever the markup around it.
      const { article, textHash: th } = r.prepared;
      const key = article.url ? `${article.url}\n${th}` : undefined;
      const earlier = key === undefined ? undefined : same.get(key);
      if (earlier !== undefined && earlier.hash !== r.hash) {
        await tx.run(`UPDATE jobs SET state = 'duplicate', error = $2, lease_until = NULL WHERE hash = $1`, [r.hash, `same URL and text as ${earlier.id}`]);
        out.set(r.hash, { hash: r.hash, state: 'duplicate', articleId: earlier.id });
        continue;
      }
      if (key !== undefined && earlier === undefined) same.set(key, { id: article.id, hash: r.hash });
      fresh.push(r);
    }
    const inserted = new Set(
      (
        await insertRows<{ hash: string }>(
          tx,
          `INSERT INTO articles (id, hash, seq, url, text_hash, title, published_at, added_at, body)`,
          fresh.map((r) => articleRow(r.prepared.article.id, r.hash, r.seq, r.prepared, now)),
          'ON CONFLICT DO NOTHING RETURNING hash',
        )
      ).map((row) => row.hash),
    );
    const analyses: SqlValue[][] = [];
    for (const r of fresh) {
      const stored = inserted.has(r.hash) ? { id: r.prepared.article.id, inserted: true } : await insertConflicting(tx, r, now);
      if (stored.inserted) analyses.push([stored.id, r.prepared.analysisJson]);
      out.set(r.hash, { hash: r.hash, state: 'done', articleId: stored.id, stored: stored.inserted });
    }
    await insertRows(tx, `INSERT INTO analyses (article_id, body)`, analyses, 'ON CONFLICT DO NOTHING');
    const done = fresh.map((r) => r.hash);
    for (let i = 0; i < done.length; i += MAX_IN_LIST) {
      const chunk = done.slice(i, i + MAX_IN_LIST);
      await tx.run(`UPDATE jobs SET state = 'done', error = NULL, lease_until = NULL WHERE hash IN (${inList(chunk.length)})`, chunk);
    }
    return results.map((r) => out.get(r.hash)!);
  });
  return outcomes ?? [];
}

/** Stored articles with the URL of one of these results, by URL and text hash. */
async function sameUrlAndText(tx: SqlRunner, results: Processed[]): Promise<Map<string, { id: string; hash: string }>> {
  const urls = [...new Set(results.flatMap((r) => (r.ok && r.prepared.article.url ? [r.prepared.article.url] : [])))];
  const out = new Map<string, { id: string; hash: string }>();
  for (let i = 0; i < urls.length; i += MAX_IN_LIST) {
    const chunk = urls.slice(i, i + MAX_IN_LIST);
    const rows = await tx.all<{ id: string; hash: string; url: string; text_hash: string }>(
      `SELECT id, hash, url, text_hash FROM articles WHERE url IN (${inList(chunk.length)}) ORDER BY seq`,
      chunk,
    );
    for (const row of rows) {
      const key = `${row.url}\n${row.text_hash}`;
      if (!out.has(key)) out.set(key, { id: row.id, hash: row.hash });
    }
  }
  return out;
}

/**
 * An article whose insert did nothing: either this content is stored already
 * (a job redone after its lease ran out, possibly while the first worker still
 * finished it), and the stored article is the answer; or its id is taken by
 * other content, and it gets the content hash appended to stay addressable.
 * Returns the id it is stored under, and whether this call stored it.
 */
async function insertConflicting(tx: SqlRunner, r: Extract<Processed, { ok: true }>, now: string): Promise<{ id: string; inserted: boolean }> {
  const winner = await tx.all<{ id: string }>(`SELECT id FROM articles WHERE hash = $1`, [r.hash]);
  if (winner[0]) return { id: winner[0].id, inserted: false };
  const id = `${r.prepared.article.id}~${r.hash.slice(0, 12)}`;
  const changed = await tx.run(
    `INSERT INTO articles (id, hash, seq, url, text_hash, title, published_at, added_at, body) VALUES ${valuesList(1, 9)} ON CONFLICT DO NOTHING`,
    articleRow(id, r.hash, r.seq, r.prepared, now),
  );
  if (changed === 0) throw new Error(`cannot store article ${r.prepared.article.id}: id taken`);
  return { id, inserted: true };
}

function articleRow(id: string, hash: string, seq: number, prepared: PreparedArticle, now: string): SqlValue[] {
  const { article } = prepared;
  // Stored under another id (a different page with the same text hash stored first): the rare case pays a parse.
  const body = id === article.id ? prepared.articleJson : articleBody({ ...articleFromBody(prepared.articleJson), id });
  // Parsed at the boundary already; parsed again for articles queued by an older version, so that times sort as text.
  return [id, hash, seq, article.url, prepared.textHash, article.title, normaliseDate(article.publishedAt), now, body];
}
