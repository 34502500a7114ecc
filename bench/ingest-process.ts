import { readdirSync, readFileSync } from 'node:fs';
import { SourceReader, type SourceBatch } from '../src/ingest/sources.js';
import { openCatalog } from '../src/store/index.js';
import type { RawDocument } from '../src/types.js';

/**
 * One SQLite ingest in a process of its own, as `newsfuse ingest` runs it
 * (the inputs read while the store works, threads as asked), started cold
 * like the command: `node dist/bench/ingest-process.js <db> <threads> <input>...`.
 * Prints one JSON line: documents, seconds, the time spent in SQLite and,
 * on Linux, the CPU time of each kind of thread.
 */

/** Clock ticks per second of /proc's CPU times (USER_HZ, 100 on Linux). */
const TICKS_PER_SECOND = 100;

/** CPU milliseconds of each thread of this process, by thread id (Linux; empty elsewhere). */
function threadCpuMs(): Map<string, number> {
  const out = new Map<string, number>();
  try {
    for (const tid of readdirSync('/proc/self/task')) {
      const stat = readFileSync(`/proc/self/task/${tid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      out.set(tid, ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND);
    }
  } catch {
    // not Linux
  }
  return out;
}

/**
 * CPU time by kind of thread: this process's main thread, the processing
 * threads (the `threads` busiest others: each does several times the work of
 * any helper), and the helpers: V8's (garbage collection, compilation) and
 * libuv's pool (compressing raw pages). Threads that ended before the last
 * sample are missed; none do here.
 */
function cpuByKind(samples: Map<string, number>, threads: number): { main: number; processing: number; helpers: number } {
  const main = samples.get(String(process.pid)) ?? 0;
  const others = [...samples].filter(([tid]) => tid !== String(process.pid)).map(([, ms]) => ms).sort((a, b) => b - a);
  const processing = others.slice(0, threads).reduce((a, b) => a + b, 0);
  return { main, processing, helpers: others.slice(threads).reduce((a, b) => a + b, 0) };
}

async function* documentsOf(batches: AsyncIterable<SourceBatch>): AsyncGenerator<RawDocument[]> {
  for await (const batch of batches) if (batch.docs.length > 0) yield batch.docs;
}

const [db, threads, ...inputs] = process.argv.slice(2);
if (!db || threads === undefined || !/^\d+$/.test(threads) || inputs.length === 0) {
  process.stderr.write('usage: node dist/bench/ingest-process.js <db> <threads> <input>...\n');
  process.exit(2);
}
const start = performance.now();
const catalog = await openCatalog(db, { threads: Number(threads) });
// Sampled while the threads live (they end with the catalog), last value kept.
const samples = new Map<string, number>();
const sample = (): void => threadCpuMs().forEach((ms, tid) => samples.set(tid, ms));
const sampler = setInterval(sample, 250);
const report = await catalog.ingestStream(documentsOf(new SourceReader().read(inputs)));
sample();
clearInterval(sampler);
await catalog.close();
const seconds = (performance.now() - start) / 1000;
const documents = report.added.length + report.failed.length + report.duplicates.length;
const cpuMs = cpuByKind(samples, Number(threads));
process.stdout.write(`${JSON.stringify({ documents, added: report.added.length, seconds, sqliteSeconds: (catalog.engine.busyMs ?? 0) / 1000, cpuMs })}\n`);
