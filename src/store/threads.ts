import os from 'node:os';

/** More threads than this bring no gain for a single store writer (nor for one output stream). */
export const MAX_THREADS = 4;

/**
 * Threads used by default: NEWSFUSE_THREADS when set (0 turns them off),
 * else one per core, at most MAX_THREADS, and none on a single core. The
 * main thread, the single writer that also clusters, waits on the threads
 * for much of an ingest, so it needs no core of its own: on the 2-core bench
 * machine, 2 448 HTML pages took 24–27 s with two threads, 31–35 s with one.
 * Kept apart from the pool so that the command line can read it without
 * loading the pipeline.
 */
export function defaultThreads(): number {
  const env = process.env.NEWSFUSE_THREADS;
  if (env !== undefined && /^\d+$/.test(env)) return Math.min(MAX_THREADS, Number(env));
  const cores = os.availableParallelism();
  return cores < 2 ? 0 : Math.min(MAX_THREADS, cores);
}
