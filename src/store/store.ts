import os from 'node:os';
import { setTimeout as wait } from 'node:timers/promises';
import { documentToRaw } from '../ingest/document.js';
import type { Brief, Document, IngestReport, InputProblem, OutletRecord, RawDocument, StorySummary } from '../types.js';
import type { ArticleView, Catalog, SearchResult } from './catalog.js';
import { chunksOf, Intake } from './intake.js';
import { ClusterStep } from './clustering.js';
import { migrate } from './migrations.js';
import { defaultThreads, ProcessPool } from './pool.js';
import { claimJobs, enqueue, enqueueSettle, lastSeq, processRaw, SETTLE_AFTER_IMPORT, writeResults, type JobOutcome, type Processed } from './queue.js';
import { DEFAULT_LEASE_MS, heartbeatMs } from './lease.js';
import { insertRows, type SqlEngine } from './sql.js';
import { StoryViews } from './views.js';

/** Jobs taken per claim: big enough to amortise a transaction, small enough to spread over workers. */
const DEFAULT_BATCH = { sqlite: 64, postgres: 16 } as const;
/** Fewer documents than this are processed in place: starting the threads (each loads the language model) would cost more. */
const MIN_THREADED_INGEST = 64;
/** Jobs per batch when batches go to threads: small, so that the threads and this one start working early. */
const PIPELINE_BATCH = 16;
/** Batches kept in each thread's hands: one being processed, one waiting, so that no thread idles while this one writes. */
const BATCHES_PER_THREAD = 2;
/** How often an idle worker looks for jobs. */
const DEFAULT_POLL_MS = 500;
/** Jobs written between two clustering steps, at most (see finishBatch)... */
const CLUSTER_EVERY = 128;
/** ...unless this long went by: a leader steps often enough that others do not take over (LEADER_TIMEOUT_MS in clustering.ts). */
const CLUSTER_WITHIN_MS = 1_000;
/** Documents queued per chunk when the caller hands them all at once (ingestRaw): queueing overlaps processing. */
const STREAM_CHUNK = 64;

export interface IngestProgress {
  /** Documents finished so far in this call (stored, duplicate or failed). */
  done: number;
  total: number;
}

export interface IngestOptions {
  onProgress?: (p: IngestProgress) => void;
  /**
   * Settle the stories after these documents (a batch import; see
   * SETTLE_AFTER_IMPORT). Default: when there are at least that many. A caller
   * feeding one import in several calls passes false, then calls settle().
   */
  settle?: boolean;
  /** Lease of the jobs this ingest takes (PostgreSQL). */
  leaseMs?: number;
  /** Called for each document that failed, as it fails (it is also in the report). */
  onFailed?: (problem: InputProblem) => void;
  /** Keep this thread responsive (a server): the heavy stages go to the worker threads, however few the documents. */
  background?: boolean;
}

export interface WorkerOptions {
  leaseMs?: number;
  batch?: number;
  pollMs?: number;
  /** Return once no job is queued or running and every finished job is clustered. */
  exitWhenIdle?: boolean;
  signal?: AbortSignal;
  /** Called after every batch with the number of jobs it finished. */
  onBatch?: (jobs: number) => void;
  /** Called when a batch failed (a lost connection, a conflict); the worker goes on. */
  onError?: (err: unknown) => void;
}

export interface QueueStatus {
  queued: number;
  running: number;
  done: number;
  failed: number;
  duplicate: number;
  clusteredUpTo: number;
  lastSeq: number;
}

/** The source's chunks as they are, with each document's warnings noted in the report on the way. */
async function* withWarnings(source: AsyncIterable<RawDocument[]> | Iterable<RawDocument[]>, report: IngestReport): AsyncGenerator<RawDocument[]> {
  for await (const chunk of source) {
    for (const raw of chunk) for (const w of raw.warnings ?? []) (report.warnings ??= []).push({ input: raw.origin, reason: w });
    yield chunk;
  }
}

/** Waits `ms`, or less when the signal aborts; the timer's abort listener goes with it (a long-running worker must not pile them up). */
const sleep = (ms: number, signal?: AbortSignal): Promise<void> => wait(ms, undefined, { signal }).catch(() => undefined);

/**
 * Jobs processed on this thread, one at a time with a turn of the event loop
 * between them, so that lease heartbeats (and a server's requests) are not
 * held up for a whole batch.
 */
async function processHere(jobs: { raw: RawDocument; seq: number }[]): Promise<Processed[]> {
  const out: Processed[] = [];
  for (const job of jobs) {
    out.push(processRaw(job));
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
  return out;
}

/**
 * The Catalog over one SQL engine. Ingest = enqueue (dedupe by content hash,
 * assign the global sequence) + work the queue + cluster in sequence order;
 * `newsfuse worker` runs only the last two parts, so many of them can share
 * one PostgreSQL database.
 */
export class SqlCatalog implements Catalog {
  private readonly views: StoryViews;
  private readonly clustering: ClusterStep;
  readonly workerId = `${os.hostname()}:${process.pid}:${Math.random().toString(36).slice(2, 8)}`;

  private readonly pool: ProcessPool;

  constructor(readonly engine: SqlEngine, options: { threads?: number } = {}) {
    this.views = new StoryViews(engine);
    this.pool = new ProcessPool(options.threads ?? defaultThreads());
    this.clustering = new ClusterStep(engine, this.workerId, (rows) => this.pool.replay(rows));
  }

  /** Batches processed on worker threads so far. */
  get threadedBatches(): number {
    return this.pool.batchesSent;
  }

  /** Milliseconds this process spent clustering under the cluster lock (serialised across all workers of a store). */
  get clusteringMs(): number {
    return this.clustering.lockedMs;
  }

  async init(): Promise<this> {
    await migrate(this.engine);
    return this;
  }

  get kind(): 'sqlite' | 'postgres' {
    return this.engine.kind;
  }

  listStories(page: { limit: number; offset: number }): Promise<{ total: number; stories: StorySummary[] }> {
    return this.views.listStories(page);
  }

  getBrief(storyId: string): Promise<Brief | null> {
    return this.views.getBrief(storyId);
  }

  getArticle(articleId: string): Promise<ArticleView | null> {
    return this.views.getArticle(articleId);
  }

  search(query: string, limit: number): Promise<SearchResult> {
    return this.views.search(query, limit);
  }

  async outlets(): Promise<OutletRecord[]> {
    const rows = await this.engine.all<{ body: string }>(`SELECT body FROM outlets ORDER BY domain`);
    return rows.map((r) => JSON.parse(r.body) as OutletRecord);
  }

  /** Replaces the stored outlets by these (the user's file is the truth), in one transaction; pages redraw. */
  async setOutlets(records: OutletRecord[]): Promise<void> {
    await this.engine.transaction(async (tx) => {
      await tx.run(`DELETE FROM outlets`);
      await insertRows(tx, `INSERT INTO outlets (domain, body)`, records.map((r) => [r.domain, JSON.stringify(r)]));
      await tx.run(`UPDATE meta SET value = value + 1 WHERE key = 'revision'`);
    });
  }

  /** Also the store's health check: throws StoreError when the store is gone from under the process. */
  async revision(): Promise<number> {
    this.engine.verify();
    const rows = await this.engine.all<{ value: number }>(`SELECT value FROM meta WHERE key = 'revision'`);
    return Number(rows[0]?.value ?? 0);
  }

  ingest(docs: Document[], options: { background?: boolean } = {}): Promise<IngestReport> {
    return this.ingestRaw(docs.map((d) => documentToRaw(d, `document ${d.id}`)), { background: options.background });
  }

  /**
   * Stores and processes raw documents; returns when every one of them is
   * stored, found duplicate or failed, and clustered. Safe to rerun after a
   * crash with the same inputs: nothing acknowledged is lost, nothing is
   * stored twice.
   */
  ingestRaw(raws: RawDocument[], options: IngestOptions = {}): Promise<IngestReport> {
    return this.ingestStream(chunksOf(raws, STREAM_CHUNK), { ...options, settle: options.settle ?? raws.length >= SETTLE_AFTER_IMPORT });
  }

  /**
   * ingestRaw over documents that arrive while earlier ones are processed
   * (a folder read file by file, an archive, a feed): chunks are queued only
   * as the threads need more work, so reading overlaps the pipeline and memory
   * holds a few chunks, not the whole input. The stream is one import: it is
   * settled at its end when it held SETTLE_AFTER_IMPORT documents or more
   * (unless `settle` says otherwise).
   */
  async ingestStream(source: AsyncIterable<RawDocument[]> | Iterable<RawDocument[]>, options: IngestOptions = {}): Promise<IngestReport> {
    const report: IngestReport = { added: [], duplicates: [], failed: [] };
    const intake = new Intake(this.engine, withWarnings(source, report));
    const tick = (): void => options.onProgress?.({ done: intake.finished, total: intake.received });
    const fail = (raw: RawDocument, reason: string): void => {
      const problem = { input: raw.origin, reason };
      report.failed.push(problem);
      options.onFailed?.(problem);
    };
    intake.onKnown = (raw, failed) => {
      if (failed === undefined) report.duplicates.push(raw.id);
      else fail(raw, failed);
      tick();
    };
    // Each input counted once, as what it was for this ingest: new only if this ingest brought it to the store.
    const record = (o: JobOutcome, raw: RawDocument): void => {
      const ours = o.stored ?? intake.enqueuedHere(raw.contentHash);
      if (o.state === 'done' && ours) report.added.push(o.articleId ?? raw.id);
      else if (o.state === 'done' || o.state === 'duplicate') report.duplicates.push(raw.id);
      else fail(raw, o.error ?? 'failed');
    };
    await this.workAhead(intake, record, tick, options.leaseMs, options.background ?? false);
    await this.clusterUpTo(intake.maxSeq, options.leaseMs);
    if (options.settle ?? intake.received >= SETTLE_AFTER_IMPORT) await this.settle(options.leaseMs);
    return report;
  }

  /** Settles the stories once everything ingested so far is clustered (the end of a batch import). */
  async settle(leaseMs?: number): Promise<void> {
    await this.clusterUpTo(await enqueueSettle(this.engine), leaseMs);
  }

  /** Asks for a settle after the documents queued so far, for the workers to make (`ingest --enqueue-only`). */
  async requestSettle(): Promise<void> {
    await enqueueSettle(this.engine);
  }

  /**
   * Works the queue until the intake is exhausted and none of its documents
   * is pending, keeping several batches in the processing threads while this
   * thread reads, queues, writes and clusters: with threads, the stages run
   * side by side instead of taking turns. Outcomes go to `record` in sequence
   * order.
   */
  private async workAhead(
    intake: Intake,
    record: (o: JobOutcome, raw: RawDocument) => void,
    tick: () => void,
    leaseMs: number | undefined,
    background: boolean,
  ): Promise<void> {
    const inFlight: Promise<Processed[]>[] = [];
    const finish = (outcomes: JobOutcome[]): void => {
      for (const o of outcomes) {
        const raw = intake.release(o.hash);
        if (raw) record(o, raw);
      }
      tick();
    };
    // SQLite leaves jobs queued until written, so jobs in hand are skipped by sequence number.
    let after = 0;
    try {
      for (;;) {
        // Threads start once the intake has proved big enough to pay for them (each loads the language model).
        while (!intake.exhausted && intake.received < MIN_THREADED_INGEST) await intake.pull();
        const threaded = this.pool.threaded && (background || intake.received >= MIN_THREADED_INGEST);
        if (threaded) this.pool.warm();
        const batch = threaded ? PIPELINE_BATCH : DEFAULT_BATCH[this.engine.kind];
        const depth = threaded ? this.pool.size * BATCHES_PER_THREAD : 1;
        // Documents are read and queued a little ahead of the threads, never all at once.
        while (!intake.exhausted && intake.unclaimed < batch * (depth + 1)) await intake.pull();
        while (inFlight.length < depth) {
          const claimed = await this.claimAndProcess({ limit: batch, leaseMs, threaded, after, known: intake.held });
          if (!claimed) break;
          after = claimed.last;
          intake.claimed(claimed.jobs);
          inFlight.push(claimed.work);
        }
        const next = inFlight.shift();
        if (next) finish(await this.finishBatch(await next));
        else if (!intake.exhausted) await intake.pull();
        else if (intake.pending > 0) {
          // Jobs of ours another worker finished.
          finish(await this.outcomes(intake.pendingHashes()));
          if (intake.pending > 0) await sleep(DEFAULT_POLL_MS);
        } else return;
      }
    } finally {
      await Promise.allSettled(inFlight);
    }
  }

  /**
   * Takes the next jobs and starts processing them (on a thread, or here);
   * undefined when none is queued. SQLite leaves jobs queued until written, so
   * the caller passes the last sequence number it has in hand (`after`).
   */
  private async claimAndProcess(options: {
    limit: number;
    leaseMs?: number;
    threaded: boolean;
    after: number;
    known?: ReadonlyMap<string, RawDocument>;
  }): Promise<{ jobs: { raw: RawDocument; seq: number }[]; last: number; work: Promise<Processed[]> } | undefined> {
    const jobs = await claimJobs(this.engine, {
      limit: options.limit,
      leaseMs: options.leaseMs ?? DEFAULT_LEASE_MS,
      worker: this.workerId,
      after: this.engine.kind === 'sqlite' ? options.after : 0,
      known: options.known,
    });
    if (jobs.length === 0) return undefined;
    this.keepLeases(options.leaseMs ?? DEFAULT_LEASE_MS);
    const work = options.threaded ? this.pool.process(jobs) : processHere(jobs);
    work.catch(() => undefined); // awaited by the caller; a rejection is not left unhandled meanwhile
    return { jobs, last: jobs[jobs.length - 1]!.seq, work };
  }

  /** Finished jobs among these hashes (by whichever worker). */
  private async outcomes(hashes: string[]): Promise<JobOutcome[]> {
    const out: JobOutcome[] = [];
    for (const hash of hashes) {
      const rows = await this.engine.all<{ state: JobOutcome['state']; error: string | null; id: string | null }>(
        `SELECT j.state, j.error, a.id FROM jobs j LEFT JOIN articles a ON a.hash = j.hash WHERE j.hash = $1`,
        [hash],
      );
      const r = rows[0];
      if (r && r.state !== 'queued' && r.state !== 'running') out.push({ hash, state: r.state, error: r.error ?? undefined, articleId: r.id ?? undefined });
    }
    return out;
  }

  /**
   * Writes processed jobs, then clusters what is ready if nobody else is,
   * once CLUSTER_EVERY jobs were written since the last step (or a second
   * went by): each step writes the clusterer's state, and a step of a hundred
   * articles writes a story or a feature once where eight steps would write
   * it eight times.
   */
  private async finishBatch(processed: Processed[]): Promise<JobOutcome[]> {
    const outcomes = await writeResults(this.engine, processed);
    // Stored by this job under their own id: the clustering step may reuse them as they are.
    const storedAs = new Map(outcomes.filter((o) => o.state === 'done').map((o) => [o.hash, o.articleId]));
    this.clustering.remember(processed.flatMap((p) => (p.ok && storedAs.get(p.hash) === p.prepared.article.id ? [p.prepared] : [])));
    this.unclustered += processed.length;
    if (this.unclustered >= CLUSTER_EVERY || performance.now() - this.lastStep >= CLUSTER_WITHIN_MS) await this.clusterNow();
    return outcomes;
  }

  /** Jobs written since the last clustering step, and when it ran. */
  private unclustered = 0;
  private lastStep = 0;

  private async clusterNow(wait = false): Promise<void> {
    this.unclustered = 0;
    this.lastStep = performance.now();
    await this.clustering.run({ wait });
  }

  /** Takes a batch of jobs, processes and writes it, then clusters what is ready if nobody else is. */
  async workBatch(options: { batch?: number; leaseMs?: number } = {}): Promise<JobOutcome[]> {
    const jobs = await claimJobs(this.engine, {
      limit: options.batch ?? DEFAULT_BATCH[this.engine.kind],
      leaseMs: options.leaseMs ?? DEFAULT_LEASE_MS,
      worker: this.workerId,
    });
    if (jobs.length === 0) return [];
    this.keepLeases(options.leaseMs ?? DEFAULT_LEASE_MS);
    return this.finishBatch(this.pool.threaded ? await this.pool.run(jobs) : await processHere(jobs));
  }

  /** Clusters until the sequence is clustered up to `seq`, working queued jobs (or expired leases) meanwhile. */
  async clusterUpTo(seq: number, leaseMs?: number): Promise<void> {
    for (;;) {
      await this.clusterNow(true);
      if ((await this.clusteredUpTo()) >= seq) return;
      if ((await this.workBatch({ leaseMs })).length === 0) await sleep(DEFAULT_POLL_MS);
    }
  }

  private async clusteredUpTo(): Promise<number> {
    const rows = await this.engine.all<{ value: number }>(`SELECT value FROM meta WHERE key = 'cluster_position'`);
    return Number(rows[0]?.value ?? 0);
  }

  async status(): Promise<QueueStatus> {
    const rows = await this.engine.all<{ state: string; n: number }>(`SELECT state, COUNT(*) AS n FROM jobs GROUP BY state`);
    const count = (s: string): number => Number(rows.find((r) => r.state === s)?.n ?? 0);
    const meta = await this.engine.all<{ key: string; value: number }>(`SELECT key, value FROM meta`);

    return {
      queued: count('queued'),
      running: count('running'),
      done: count('done'),
      failed: count('failed'),
      duplicate: count('duplicate'),
      clusteredUpTo: Number(meta.find((m) => m.key === 'cluster_position')?.value ?? 0),
      lastSeq: await lastSeq(this.engine),
    };
  }

  /** Stores raw documents as jobs for workers, without processing them. */
  async enqueueOnly(raws: RawDocument[]): Promise<{ accepted: number; duplicates: string[] }> {
    const { accepted, duplicates } = await enqueue(this.engine, raws);
    return { accepted: accepted.length, duplicates: duplicates.map((d) => d.id) };
  }

  /** Failure reasons of failed jobs, for reports. */
  async failures(limit = 100): Promise<InputProblem[]> {
    const rows = await this.engine.all<{ origin: string; error: string | null }>(
      `SELECT r.origin, j.error FROM jobs j JOIN raw_documents r ON r.hash = j.hash WHERE j.state = 'failed' ORDER BY j.seq LIMIT $1`,
      [limit],
    );
    return rows.map((r) => ({ input: r.origin, reason: r.error ?? 'failed' }));
  }

  /** Whether a page of this canonical URL is already stored (feed items are then not fetched again). */
  async isKnownUrl(url: string): Promise<boolean> {
    const rows = await this.engine.all<{ one: number }>(`SELECT 1 AS one FROM raw_documents WHERE url = $1 LIMIT 1`, [url]);
    return rows.length > 0;
  }

  async getFeedState(url: string): Promise<{ etag?: string; lastModified?: string } | undefined> {
    const rows = await this.engine.all<{ etag: string | null; last_modified: string | null }>(`SELECT etag, last_modified FROM feeds WHERE url = $1`, [url]);
    const r = rows[0];
    return r ? { etag: r.etag ?? undefined, lastModified: r.last_modified ?? undefined } : undefined;
  }

  async setFeedState(url: string, state: { etag?: string; lastModified?: string }): Promise<void> {
    await this.engine.run(
      `INSERT INTO feeds (url, etag, last_modified, checked_at) VALUES ($1, $2, $3, $4)
       ON CONFLICT (url) DO UPDATE SET etag = excluded.etag, last_modified = excluded.last_modified, checked_at = excluded.checked_at`,
      [url, state.etag, state.lastModified, new Date().toISOString()],
    );
  }

  /** The loop of `newsfuse worker`: take jobs, process, cluster; until aborted (or idle, if asked). */
  async runWorker(options: WorkerOptions = {}): Promise<void> {
    const pollMs = options.pollMs ?? DEFAULT_POLL_MS;
    const threaded = this.pool.threaded;
    const limit = options.batch ?? (threaded ? PIPELINE_BATCH : DEFAULT_BATCH[this.engine.kind]);
    // As in ingest: batches wait in the threads while this thread writes and clusters the finished ones.
    const depth = threaded ? this.pool.size * BATCHES_PER_THREAD : 1;
    const inFlight: Promise<Processed[]>[] = [];
    let after = 0;
    try {
      while (!options.signal?.aborted) {
        try {
          while (inFlight.length < depth) {
            const claimed = await this.claimAndProcess({ limit, leaseMs: options.leaseMs, threaded, after });
            if (!claimed) break;
            after = claimed.last;
            inFlight.push(claimed.work);
          }
          const next = inFlight.shift();
          if (next) {
            options.onBatch?.((await this.finishBatch(await next)).length);
            continue;
          }
          after = 0;
        } catch (err) {
          // A failed transaction loses nothing: its jobs come back (when their lease ends). Report and go on.
          options.onError?.(err);
          after = 0;
          await sleep(pollMs, options.signal);
          continue;
        }
        try {
          await this.clusterNow(true);
          if (options.exitWhenIdle) {
            const s = await this.status();
            if (s.queued === 0 && s.running === 0 && s.clusteredUpTo >= s.lastSeq) return;
          }
        } catch (err) {
          options.onError?.(err);
        }
        await sleep(pollMs, options.signal);
      }
    } finally {
      await Promise.allSettled(inFlight);
    }
  }

  private heartbeat: NodeJS.Timeout | undefined;

  /**
   * From the first job taken on, renews the lease of every job this process
   * holds, a few times per lease (PostgreSQL; SQLite has one writer and no
   * leases): a live worker keeps its jobs however long they take, a killed one
   * loses them to the others within one lease.
   */
  private keepLeases(leaseMs: number): void {
    if (this.engine.kind !== 'postgres' || this.heartbeat) return;
    this.heartbeat = setInterval(() => {
      this.engine
        .run(`UPDATE jobs SET lease_until = $1 WHERE worker = $2 AND state = 'running'`, [Date.now() + leaseMs, this.workerId])
        .catch(() => undefined); // a lost connection: the next beat tries again, and the jobs are redone if it stays lost
    }, heartbeatMs(leaseMs));
    this.heartbeat.unref();
  }

  async close(): Promise<void> {
    clearInterval(this.heartbeat);
    this.heartbeat = undefined;
    await this.clustering.resign().catch(() => undefined);
    await this.pool.close();
    await this.engine.close();
  }
}
