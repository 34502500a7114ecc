import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, describe, test } from 'node:test';
import { openCatalog } from '../../src/store/index.js';
import { MIGRATIONS } from '../../src/store/migrations.js';
import { seedDocuments, storeSuite } from './suite.js';

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
