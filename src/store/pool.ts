import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { RawDocument } from '../types.js';
import { prepareReplay, processRaw, type Processed, type ClusterInput, type StoredArticleRow } from './queue.js';

/**
 * Extraction, analysis and relate's profiles, the CPU-heavy stages, on worker
 * threads: the main thread keeps the store and the clusterer (both must stay
 * single-writer). `process` gives a whole batch to the least busy thread, so
 * that a caller keeping several batches in flight (SqlCatalog.ingestRaw)
 * overlaps the threads' work with its own writing and clustering; `run`
 * shares one batch among the threads. Small batches stay on the main thread,
 * where they cost no messaging.
 */

/** Below this many jobs a batch is processed in place. */
const MIN_PARALLEL_BATCH = 8;
/** A thread is replaced by a fresh one once it was given this many items (see recycle): a minute or two of work, against a tenth of a second to start one. */
const RECYCLE_AFTER_ITEMS = 20_000;
const HERE = fileURLToPath(import.meta.url);
/** Under tsx (tests and benches run from sources) threads could not load TypeScript: work in place. */
const RUNNING_FROM_SOURCES = path.extname(HERE) === '.ts';

type Job = { raw: RawDocument; seq: number };

/** What the main thread asks of a processing thread: jobs to process, or stored articles to prepare for a replay. */
type Request = { kind: 'process'; items: Job[] } | { kind: 'replay'; items: StoredArticleRow[] };
/** A request as posted, with the id its answer carries. */
export type PoolRequest = Request & { id: number };

export { defaultThreads } from './threads.js';

export class ProcessPool {
  private workers: Worker[] | undefined;
  private next = 0;
  private readonly waiting = new Map<number, { worker: Worker; resolve: (results: unknown[]) => void; reject: (err: Error) => void }>();

  /** Batches sent to threads so far (tests check that the threads did the work). */
  batchesSent = 0;
  /** Threads replaced by fresh ones so far. */
  recycled = 0;
  /** Items each thread was given since it started. */
  private readonly itemsSent = new Map<Worker, number>();

  constructor(
    readonly size: number,
    /** Items after which a thread is replaced (see recycle). */
    private readonly recycleAfter = RECYCLE_AFTER_ITEMS,
  ) {}

  /** Whether batches really go to threads (not under tsx, not with size 0). */
  get threaded(): boolean {
    return this.size > 0 && !RUNNING_FROM_SOURCES;
  }

  private start(): Worker[] {
    this.workers ??= Array.from({ length: this.size }, () => this.spawn());
    return this.workers;
  }

  private spawn(): Worker {
    // From this module's folder, or from the CLI's bundle (dist/src/cli, scripts/build-cli.mjs): the same file.
    const w = new Worker(fileURLToPath(new URL('../store/process-thread.js', import.meta.url)));
    this.itemsSent.set(w, 0);
    w.on('message', (msg: { id: number; results: unknown[] }) => {
      this.waiting.get(msg.id)?.resolve(msg.results);
      this.waiting.delete(msg.id);
      if ([...this.waiting.values()].some((entry) => entry.worker === w)) return;
      // An idle thread must not keep the process alive (a catalog left open still lets node exit).
      w.unref();
      if ((this.itemsSent.get(w) ?? 0) >= this.recycleAfter) this.recycle(w);
    });
    // A thread that dies fails its batch (the jobs are redone later) and the pool starts afresh next time.
    const fail = (err: Error): void => {
      for (const [id, entry] of this.waiting) {
        if (entry.worker !== w) continue;
        this.waiting.delete(id);
        entry.reject(err);
      }
      if (this.workers?.includes(w)) void this.close();
    };
    w.on('error', fail);
    w.on('exit', (code) => fail(new Error(`processing thread exited (${code})`)));
    w.unref();
    return w;
  }

  /**
   * Replaces an idle thread by a fresh one. wink-nlp adds every new word it
   * reads to its lexicon, which a long ingest of news (new names every day)
   * would grow without end; a fresh thread starts from the model. Results do
   * not change: an article's analysis does not depend on what its thread read
   * before (src/analyze/nlp.ts).
   */
  private recycle(w: Worker): void {
    const at = this.workers?.indexOf(w) ?? -1;
    if (at < 0) return;
    this.workers![at] = this.spawn();
    this.itemsSent.delete(w);
    this.recycled++;
    void w.terminate();
  }

  private send(worker: Worker, request: Request): Promise<unknown[]> {
    const id = ++this.next;
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { worker, resolve, reject });
      this.batchesSent++;
      this.itemsSent.set(worker, (this.itemsSent.get(worker) ?? 0) + request.items.length);
      worker.ref();
      worker.postMessage({ id, ...request });
    });
  }

  /** The request split among the threads, one part each; the results in the order of the items. */
  private async share(request: Request): Promise<unknown[]> {
    const workers = this.start();
    const share = Math.ceil(request.items.length / workers.length);
    const parts = workers.map((w, i) => {
      const items = request.items.slice(i * share, (i + 1) * share);
      return items.length > 0 ? this.send(w, { ...request, items } as Request) : Promise.resolve([]);
    });
    return (await Promise.all(parts)).flat();
  }

  /** Starts the threads ahead of the first batch, so that they load while the caller still reads its inputs. */
  warm(): void {
    if (this.threaded) this.start();
  }

  /** Processes the jobs, in order, on the thread with the fewest batches in hand. */
  async process(jobs: Job[]): Promise<Processed[]> {
    if (!this.threaded || jobs.length === 0) return jobs.map(processRaw);
    const workers = this.start();
    const load = new Map<Worker, number>(workers.map((w) => [w, 0]));
    for (const entry of this.waiting.values()) load.set(entry.worker, (load.get(entry.worker) ?? 0) + 1);
    const idlest = workers.reduce((best, w) => ((load.get(w) ?? 0) < (load.get(best) ?? 0) ? w : best));
    return (await this.send(idlest, { kind: 'process', items: jobs })) as Processed[];
  }

  /** Processes the jobs, in order, sharing them among the threads. */
  async run(jobs: Job[]): Promise<Processed[]> {
    if (this.size < 2 || jobs.length < MIN_PARALLEL_BATCH || !this.threaded) return jobs.map(processRaw);
    return (await this.share({ kind: 'process', items: jobs })) as Processed[];
  }

  /**
   * Prepares stored articles for the clusterer's replay, in order, sharing
   * them among the threads: even one thread helps, as the caller adds one
   * chunk to its clusterer while the next is prepared.
   */
  async replay(rows: StoredArticleRow[]): Promise<ClusterInput[]> {
    if (rows.length < MIN_PARALLEL_BATCH || !this.threaded) return rows.map(prepareReplay);
    return (await this.share({ kind: 'replay', items: rows })) as ClusterInput[];
  }

  async close(): Promise<void> {
    const workers = this.workers ?? [];
    this.workers = undefined;
    await Promise.all(workers.map((w) => w.terminate()));
  }
}
