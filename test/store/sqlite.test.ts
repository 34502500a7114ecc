import assert from 'node:assert/strict';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, describe, test } from 'node:test';
import Database from 'better-sqlite3';
import { openCatalog } from '../../src/store/index.js';
import { MIGRATIONS } from '../../src/store/migrations.js';
import { SETTLE_AFTER_IMPORT } from '../../src/store/queue.js';
import { clusterArticles, OnlineClusterer } from '../../src/cluster/index.js';
import type { Article } from '../../src/types.js';
import { corpus, partitionKey } from './corpus.js';
import { seedDocuments, storeSuite, syntheticDocument } from './suite.js';

describe('SQLite store (:memory:)', () => {
  storeSuite(() => openCatalog(':memory:'));
});

describe('SQLite store (file)', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'newsfuse-sqlite-'));
  let n = 0;
  after(() => rmSync(dir, { recursive: true, force: true }));
  storeSuite(() => openCatalog(path.join(dir, `s${++n}.db`)));

  test('reopening keeps everything and migrations run once', async () => {
    const file = path.join(dir, 'reopen.db');
    const c1 = await openCatalog(file);
    await c1.ingest(seedDocuments().slice(0, 2));
    const list1 = await c1.listStories({ limit: 10, offset: 0 });
    await c1.close();
    const c2 = await openCatalog(file);
    try {
      assert.deepEqual(await c2.listStories({ limit: 10, offset: 0 }), list1);
      const r = await c2.ingest(seedDocuments());
      assert.equal(r.added.length, 3);
      assert.equal(r.duplicates.length, 2);
      const rows = await c2.engine.all<{ version: number }>('SELECT version FROM schema_migrations ORDER BY version');
      assert.deepEqual(rows.map((r) => Number(r.version)), MIGRATIONS.map((m) => m.version));
    } finally {
      await c2.close();
    }
  });
});

describe('worker threads for extraction, analysis and profiles', () => {
  test('give the same articles, analyses, stories, merges and edges as the main thread', async () => {
    // Enough documents for an ingest to start its threads.
    const docs = [...seedDocuments(), ...Array.from({ length: 80 }, (_, i) => syntheticDocument(i, i % 2 ? 'river' : 'harbour'))];
    const results = [];
    for (const threads of [0, 1, 2]) {
      const c = await openCatalog(':memory:', { threads });
      try {
        const report = await c.ingest(docs);
        const members = await c.engine.all<{ article_id: string; story_id: string }>('SELECT article_id, story_id FROM story_members ORDER BY article_id');
        const analyses = await c.engine.all<{ article_id: string; body: string }>('SELECT article_id, body FROM analyses ORDER BY article_id');
        const edges = await c.engine.all<{ from_id: string; to_id: string; kind: string }>('SELECT from_id, to_id, kind FROM derivation_edges ORDER BY from_id, to_id');
        const merges = await c.engine.all<{ from_story: string; into_story: string }>('SELECT from_story, into_story FROM story_merges ORDER BY seq, from_story');
        assert.equal(c.threadedBatches > 0, threads > 0, `threads ${threads}: ${c.threadedBatches} batches on threads`);
        results.push({ added: [...report.added].sort(), members, analyses, edges, merges });
      } finally {
        await c.close();
      }
    }
    assert.equal(results[0]!.added.length, docs.length);
    // The seeds hold one derived pair (a rewrite): the threads must have built its profiles too.
    assert.ok(results[0]!.edges.length >= 1);
    assert.deepEqual(results[1], results[0]);
    assert.deepEqual(results[2], results[0]);
  });
});

/** The tables of the clusterer's and relate's state (migration 6): empty in a store written before they were kept. */
const STATE_TABLES = ['cluster_cursor', 'cluster_hot', 'cluster_members', 'cluster_df', 'cluster_dormant', 'cluster_dormant_postings', 'relate_keys'];

describe('restarting on a stored file', () => {
  test('the next articles get the stories, merges and edges of a process that never stopped: from the stored state, or by a replay where none was kept', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'newsfuse-replay-'));
    try {
      const seeds = seedDocuments();
      const texts = corpus(110);
      // A settle point and one half of the seeds' rewrite pair in the stored part; the other half arrives after the restart.
      const head = [...texts.slice(0, 100), seeds[0]!, seeds[1]!];
      const tail = [...seeds.slice(2), ...texts.slice(100)];
      const state = async (c: Awaited<ReturnType<typeof openCatalog>>) => ({
        members: await c.engine.all('SELECT article_id, story_id FROM story_members ORDER BY article_id'),
        edges: await c.engine.all('SELECT from_id, to_id, kind FROM derivation_edges ORDER BY from_id, to_id'),
        merges: await c.engine.all('SELECT from_story, into_story FROM story_merges ORDER BY seq, from_story'),
      });
      const unstopped = await openCatalog(':memory:', { threads: 0 });
      await unstopped.ingest(head);
      await unstopped.ingest(tail);
      const expected = await state(unstopped);
      await unstopped.close();
      assert.ok(expected.edges.length >= 1, 'the rewrite pair is related across the restart');

      const stored = path.join(dir, 'stored.db');
      const first = await openCatalog(stored, { threads: 0 });
      await first.ingest(head);
      await first.close();
      for (const keptState of [true, false]) {
        for (const threads of [0, 2]) {
          const file = path.join(dir, `restart-${keptState}-${threads}.db`);
          copyFileSync(stored, file);
          if (!keptState) {
            const db = new Database(file);
            for (const table of STATE_TABLES) db.exec(`DELETE FROM ${table}`);
            db.close();
          }
          const c = await openCatalog(file, { threads });
          try {
            await c.ingest(tail);
            // The tail is too small to be processed on threads: any batch sent there was a replay's.
            assert.equal(c.threadedBatches > 0, !keptState && threads > 0, `state kept ${keptState}, threads ${threads}: ${c.threadedBatches} batches on threads`);
            assert.deepEqual(await state(c), expected, `state kept ${keptState}, threads ${threads}`);
          } finally {
            await c.close();
          }
        }
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('settling at the end of a batch import', () => {
  test('an ingest of 100 documents or more gets the stories of the batch clusterer; a smaller one is not settled', async () => {
    const big = corpus(SETTLE_AFTER_IMPORT + 20);
    const small = big.slice(0, SETTLE_AFTER_IMPORT - 1);
    for (const docs of [big, small]) {
      const c = await openCatalog(':memory:', { threads: 0 });
      try {
        await c.ingest(docs);
        const points = await c.engine.all<{ seq: number }>('SELECT seq FROM settle_points');
        assert.equal(points.length, docs === big ? 1 : 0);
        const stored = await c.engine.all<{ id: string; story_id: string; body: string }>(
          'SELECT a.id, m.story_id, a.body FROM story_members m JOIN articles a ON a.id = m.article_id ORDER BY a.seq',
        );
        const items = stored.map((r) => JSON.parse(r.body) as Article);
        const settled = partitionKey(clusterArticles(items).assignments.map((a) => [a.id, a.story]));
        const unsettled = new OnlineClusterer();
        for (const item of items) unsettled.add(item);
        const online = partitionKey(items.map((a) => [a.id, unsettled.storyOf(a.id)!]));
        const mine = partitionKey(stored.map((r) => [r.id, r.story_id]));
        // The store's stories (ids included) are those of one batch clustering of the same articles in the same order,
        // settled at the end for the import, not for the feed-sized ingest.
        assert.equal(mine, docs === big ? settled : online);
        if (docs === big) assert.notEqual(settled, online, 'the settle changes these stories, so the test can tell');
      } finally {
        await c.close();
      }
    }
  });
});
