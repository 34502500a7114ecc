import assert from 'node:assert/strict';
import { test } from 'node:test';
import { documentToRaw } from '../../src/ingest/document.js';
import { openCatalog } from '../../src/store/index.js';
import type { RawDocument } from '../../src/types.js';
import { corpus } from './corpus.js';

const CHUNK = 16;

test('ingestStream reads its source as the pipeline needs it, not all at once, and stores every document once', async () => {
  const raws: RawDocument[] = corpus(640).map((d) => documentToRaw(d, `document ${d.id}`));
  const catalog = await openCatalog(':memory:', { threads: 0 });
  let done = 0;
  let pulled = 0;
  let mostAhead = 0;
  async function* source(): AsyncGenerator<RawDocument[]> {
    for (let i = 0; i < raws.length; i += CHUNK) {
      // Documents handed over but not yet finished when the next chunk is asked for.
      mostAhead = Math.max(mostAhead, pulled - done);
      pulled += CHUNK;
      // The same chunk twice: the second copy is a duplicate, wherever the first is in the pipeline.
      yield i === CHUNK ? [...raws.slice(i, i + CHUNK), raws[i]!] : raws.slice(i, i + CHUNK);
    }
  }
  const report = await catalog.ingestStream(source(), { onProgress: (p) => (done = p.done) });
  // Every document has one outcome (an ECB+ text of a few short lines is no article and fails).
  assert.equal(report.added.length + report.failed.length, raws.length);
  assert.ok(report.failed.length <= 2, JSON.stringify(report.failed));
  assert.equal(new Set(report.added).size, report.added.length);
  assert.deepEqual(report.duplicates, [raws[CHUNK]!.id]);
  // Without threads, an ingest claims 64 jobs at a time and keeps two claims' worth queued ahead.
  assert.ok(mostAhead <= 3 * 64 + CHUNK, `${mostAhead} documents were read ahead of the pipeline`);
  const status = await catalog.status();
  assert.equal(status.done, report.added.length);
  assert.equal(status.clusteredUpTo, status.lastSeq);
  await catalog.close();
});
