import assert from 'node:assert/strict';
import { test } from 'node:test';
import { documentToRaw } from '../../src/ingest/document.js';
import { ProcessPool } from '../../src/store/pool.js';
import { processRaw } from '../../src/store/queue.js';
import { corpus } from './corpus.js';

test('a processing thread is replaced by a fresh one after its share of items, and the results do not change', async () => {
  const jobs = corpus(48).map((d, i) => ({ raw: documentToRaw(d, `doc ${i}`), seq: i + 1 }));
  const pool = new ProcessPool(1, 16);
  try {
    const threaded = [];
    for (let i = 0; i < jobs.length; i += 8) threaded.push(...(await pool.process(jobs.slice(i, i + 8))));
    // Under tsx the pool works in place: nothing to recycle, and nothing to compare.
    if (!pool.threaded) return;
    assert.ok(pool.recycled >= 2, `recycled ${pool.recycled} times`);
    assert.deepEqual(JSON.parse(JSON.stringify(threaded)), JSON.parse(JSON.stringify(jobs.map(processRaw))));
  } finally {
    await pool.close();
  }
});
