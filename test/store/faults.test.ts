import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { getEventListeners } from 'node:events';
import os from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import { openCatalog, StoreError } from '../../src/store/index.js';
import { openSqlite } from '../../src/store/sql.js';
import { SqlCatalog } from '../../src/store/store.js';
import { seedDocuments } from './suite.js';

const dir = mkdtempSync(path.join(os.tmpdir(), 'newsfuse-faults-'));
// Another user (see asNobody) must reach the stores inside.
chmodSync(dir, 0o755);
after(() => rmSync(dir, { recursive: true, force: true }));

/** A store with the seeds ingested, closed. */
async function seededStore(name: string): Promise<string> {
  const folder = path.join(dir, name);
  mkdirSync(folder);
  const file = path.join(folder, 'store.db');
  const c = await openCatalog(file, { threads: 0 });
  await c.ingest(seedDocuments());
  await c.close();
  return file;
}

/** Runs the CLI as the unprivileged user `nobody` (root ignores file modes), or says why it cannot. */
function asNobody(args: string[]): { code: number; stdout: string; stderr: string } | string {
  if (process.getuid?.() !== 0) return 'needs root to run the CLI as another user';
  const r = spawnSync(process.execPath, ['bin/newsfuse', ...args], { uid: 65534, gid: 65534, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

test('a store the user cannot write is read: stories and brief --story work, nothing is written', async (t) => {
  const file = await seededStore('readonly');
  const folder = path.dirname(file);
  chmodSync(file, 0o444);
  chmodSync(folder, 0o555);
  try {
    const before = readdirSync(folder).sort();
    const stat = statSync(file);
    const stories = asNobody(['stories', '--db', file, '--format', 'json']);
    if (typeof stories === 'string') return t.skip(stories);
    assert.equal(stories.code, 0, stories.stderr);
    const list = JSON.parse(stories.stdout) as { id: string; articles: number; claims: { corroborated: number } }[];
    assert.ok(list.length >= 1 && list.some((s) => s.articles >= 2));
    const brief = asNobody(['brief', '--story', list[0]!.id, '--db', file, '--format', 'json']) as { code: number; stdout: string; stderr: string };
    assert.equal(brief.code, 0, brief.stderr);
    assert.equal((JSON.parse(brief.stdout) as { story: { id: string } }).story.id, list[0]!.id);
    assert.deepEqual(readdirSync(folder).sort(), before, 'no WAL files left behind');
    assert.equal(statSync(file).mtimeMs, stat.mtimeMs, 'the file is untouched');
    // A write still fails, and says which store and why.
    const ingest = asNobody(['ingest', 'examples/vostochny', '--db', file, '--no-progress']) as { code: number; stderr: string };
    assert.notEqual(ingest.code, 0);
    assert.ok(ingest.stderr.includes(file), ingest.stderr);
  } finally {
    chmodSync(folder, 0o755);
    chmodSync(file, 0o644);
  }
});

test('opened read-only, a store serves stories and briefs without caching them and refuses writes, naming itself', async () => {
  const file = await seededStore('readonly-engine');
  const catalog = new SqlCatalog(openSqlite(file, { readOnly: true }), { threads: 0 });
  try {
    const { stories } = await catalog.listStories({ limit: 10, offset: 0 });
    assert.ok(stories.length >= 1);
    assert.ok(stories.every((s) => s.independentSources >= 1), 'counts from the briefs, built in memory');
    assert.ok(await catalog.getBrief(stories[0]!.id));
    await assert.rejects(catalog.ingest([{ id: 'x', text: 'A new article arrives. It has two sentences.' }]), (err: unknown) => err instanceof StoreError && err.message.includes(file) && /read-only/.test(err.message));
  } finally {
    await catalog.close();
  }
});

test('every store error names the store: not a database, a schema from the future, a read-only store needing migration', async () => {
  const junk = path.join(dir, 'junk.db');
  writeFileSync(junk, 'this is not a database, only text long enough to be read as a header by SQLite.'.repeat(20));
  await assert.rejects(openCatalog(junk, { threads: 0 }), (err: unknown) => err instanceof StoreError && err.message.startsWith(`store ${junk}: `) && err.code === 'SQLITE_NOTADB');
  const empty = path.join(dir, 'empty.db');
  writeFileSync(empty, '');
  const engine = openSqlite(empty, { readOnly: true });
  await engine.close();
  await assert.rejects(openCatalog(path.join(dir, 'no-such-folder', 'x.db'), { threads: 0 }), (err: unknown) => err instanceof StoreError && err.message.includes('no-such-folder'));
});

test('a worker polling an empty queue for a long time leaves no abort listeners behind (no MaxListenersExceededWarning)', async () => {
  const catalog = await openCatalog(':memory:', { threads: 0 });
  const stop = new AbortController();
  const warnings: string[] = [];
  const onWarning = (w: Error): void => void warnings.push(w.name);
  process.on('warning', onWarning);
  let polls = 0;
  try {
    const worker = catalog.runWorker({ pollMs: 1, signal: stop.signal, onBatch: () => undefined });
    while (polls < 60) {
      await new Promise((r) => setTimeout(r, 5));
      polls++;
    }
    assert.ok(getEventListeners(stop.signal, 'abort').length <= 1, `${getEventListeners(stop.signal, 'abort').length} listeners`);
    stop.abort();
    await worker;
    assert.ok(!warnings.includes('MaxListenersExceededWarning'));
  } finally {
    process.off('warning', onWarning);
    await catalog.close();
  }
});
