import { SourceReader, type SourceBatch } from '../src/ingest/sources.js';
import { openCatalog } from '../src/store/index.js';
import type { RawDocument } from '../src/types.js';

/**
 * One SQLite ingest in a process of its own, as `newsfuse ingest` runs it
 * (the inputs read while the store works, threads as asked), started cold
 * like the command: `node dist/bench/ingest-process.js <db> <threads> <input>...`.
 * Prints one JSON line: documents, seconds and the time spent in SQLite.
 */

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
const report = await catalog.ingestStream(documentsOf(new SourceReader().read(inputs)));
await catalog.close();
const seconds = (performance.now() - start) / 1000;
const documents = report.added.length + report.failed.length + report.duplicates.length;
process.stdout.write(`${JSON.stringify({ documents, added: report.added.length, seconds, sqliteSeconds: (catalog.engine.busyMs ?? 0) / 1000 })}\n`);
