import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { RawDocument } from '../types.js';
import { processRaw, type Processed } from './queue.js';

/**
 * Extraction and analysis, the CPU-heavy stages, on worker threads: the main
 * thread keeps the store and the clusterer (both must stay single-writer),
 * the threads share each batch. Small batches stay on the main thread, where
 * they cost no messaging.
 */

/** Below this many jobs a batch is processed in place. */
const MIN_PARALLEL_BATCH = 8;
/** More threads than this bring no gain for a single store writer. */
const MAX_THREADS = 4;

const HERE = fileURLToPath(import.meta.url);
/** Under tsx (tests and benches run from sources) threads could not load TypeScript: work in place. */
const RUNNING_FROM_SOURCES = path.extname(HERE) === '.ts';

type Job = { raw: RawDocument; seq: number };

/**
 * Threads used by default: none, unless NEWSFUSE_THREADS says otherwise. On
 * the 2-core machine of the bench, shared with other work, threads made
 * ingest slower (each thread loads the language model, and every analysis is
 * copied back to the store's thread), so they are opt-in.
 */
export function defaultThreads(): number {
  const env = process.env.NEWSFUSE_THREADS;
  if (env !== undefined && /^\d+$/.test(env)) return Math.min(MAX_THREADS, Number(env));
  return 0;
}

export class ProcessPool {
  private workers: Worker[] | undefined;
  private next = 0;
  private readonly waiting = new Map<number, { worker: Worker; resolve: (results: Processed[]) => void; reject: (err: Error) => void }>();

  constructor(private readonly size: number) {}

  private start(): Worker[] {
    if (this.workers) return this.workers;
    const script = path.join(path.dirname(HERE), 'process-thread.js');
    this.workers = Array.from({ length: this.size }, () => {
      const w = new Worker(script);
      w.on('message', (msg: { id: number; results: Processed[] }) => {
        this.waiting.get(msg.id)?.resolve(msg.results);
        this.waiting.delete(msg.id);
        // An idle thread must not keep the process alive (a catalog left open still lets node exit).
        w.unref();
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
    });
    return this.workers;
  }

  private send(worker: Worker, jobs: Job[]): Promise<Processed[]> {
    const id = ++this.next;
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { worker, resolve, reject });
      worker.ref();
      worker.postMessage({ id, jobs });
    });
  }

  /** Processes the jobs, in order, sharing them among the threads. */
  async run(jobs: Job[]): Promise<Processed[]> {
    if (this.size < 2 || jobs.length < MIN_PARALLEL_BATCH || RUNNING_FROM_SOURCES) return jobs.map(processRaw);
    const workers = this.start();
    const share = Math.ceil(jobs.length / workers.length);
    const parts = workers.map((w, i) => {
      const slice = jobs.slice(i * share, (i + 1) * share);
      return slice.length > 0 ? this.send(w, slice) : Promise.resolve([]);
    });
    return (await Promise.all(parts)).flat();
  }

  async close(): Promise<void> {
    const workers = this.workers ?? [];
    this.workers = undefined;
    await Promise.all(workers.map((w) => w.terminate()));
  }
}
