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

test('two ingests of one file at once count each input once between them; a rerun counts a failed input as failed', async () => {
  const { mkdtempSync, rmSync } = await import('node:fs');
  const os = await import('node:os');
  const path = await import('node:path');
  const dir = mkdtempSync(path.join(os.tmpdir(), 'newsfuse-twice-'));
  try {
    const file = path.join(dir, 'store.db');
    const docs = [...corpus(150), { id: 'blank', text: ' \n\t ' }];
    const raws = docs.map((d) => documentToRaw(d, `document ${d.id}`));
    const [a, b] = [await openCatalog(file, { threads: 0 }), await openCatalog(file, { threads: 0 })];
    const [ra, rb] = await Promise.all([a.ingestRaw(raws), b.ingestRaw(raws)]);
    const stored = (await a.engine.all<{ n: number }>('SELECT COUNT(*) AS n FROM articles'))[0]!.n;
    assert.equal(ra.added.length + rb.added.length, Number(stored), `new ${ra.added.length} + ${rb.added.length} for ${stored} stored`);
    for (const r of [ra, rb]) assert.equal(r.added.length + r.duplicates.length + r.failed.length, raws.length, 'each input once in each report');
    assert.ok([...ra.failed, ...rb.failed].some((f) => f.input === 'document blank'));
    const again = await a.ingestRaw(raws);
    assert.equal(again.added.length, 0);
    assert.equal(again.duplicates.length, raws.length - 1);
    assert.deepEqual(again.failed.map((f) => f.input), ['document blank']);
    assert.match(again.failed[0]!.reason, /failed before/);
    await a.close();
    await b.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
