import { openCatalog } from '../src/store/index.js';

/**
 * One `newsfuse worker --exit-when-idle` of the scale bench's PostgreSQL
 * table, in a process of its own: `node dist/bench/scale-worker.js <url>`.
 * Prints one JSON line: jobs it finished, its CPU time, the time it spent
 * clustering under the cluster lock (the serialised part), its peak RSS.
 */
const url = process.argv[2]!;
const catalog = await openCatalog(url);
let jobs = 0;
await catalog.runWorker({ exitWhenIdle: true, onBatch: (n) => (jobs += n), onError: (err) => process.stderr.write(`worker: ${String(err)}\n`) });
const clusteringMs = catalog.clusteringMs;
await catalog.close();
const cpu = process.cpuUsage();
process.stdout.write(`${JSON.stringify({ jobs, cpuMs: (cpu.user + cpu.system) / 1000, clusteringMs, peakRssMiB: process.resourceUsage().maxRSS / 1024 })}\n`);
