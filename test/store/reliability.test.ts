import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import pg from 'pg';
import Database from 'better-sqlite3';
import { openCatalog, type SqlCatalog } from '../../src/store/index.js';
import { postgresUnavailable, startPostgres, type PgServer } from '../helpers/postgres.js';
import { corpus, expectedStories, partitionKey, spawnCli, waitFor, writeJsonl } from './corpus.js';

/** The issues' figures: 2 000 articles, the ingest killed and restarted every 500 clustered. */
const ARTICLES = Number(process.env.NEWSFUSE_RELIABILITY_ARTICLES ?? 2000);
const KILL_EVERY = 500;
/** Generous: two shared cores. */
const RUN_TIMEOUT_MS = 600_000;
/** Short leases so that a killed process's jobs are retried within the test. */
const LEASE_SECONDS = '10';

const dir = mkdtempSync(path.join(os.tmpdir(), 'newsfuse-rel-'));
const input = path.join(dir, 'articles.jsonl');
const docs = corpus(ARTICLES);
writeJsonl(input, docs);
let expected: { ids: string[]; partition: string } | undefined;
const expectation = async (): Promise<{ ids: string[]; partition: string }> => (expected ??= await expectedStories(docs, input));

after(() => rmSync(dir, { recursive: true, force: true }));

/** Every article once, each in exactly one live story, everything clustered, stories as one process reading in order gets. */
async function assertConsistent(catalog: SqlCatalog): Promise<void> {
  const want = await expectation();
  const e = catalog.engine;
  const articles = await e.all<{ id: string }>('SELECT id FROM articles ORDER BY id');
  assert.deepEqual(articles.map((a) => a.id), want.ids, 'every article stored exactly once');
  const raw = await e.all<{ n: number; d: number }>('SELECT COUNT(*) AS n, COUNT(DISTINCT doc_id) AS d FROM raw_documents');
  assert.equal(Number(raw[0]!.n), Number(raw[0]!.d), 'no input stored twice');
  const status = await catalog.status();
  assert.equal(status.queued + status.running, 0, 'no job left behind');
  assert.equal(status.clusteredUpTo, status.lastSeq, 'everything clustered');
  const members = await e.all<{ article_id: string; story_id: string; merged_into: string | null }>(
    'SELECT m.article_id, m.story_id, s.merged_into FROM story_members m JOIN stories s ON s.id = m.story_id',
  );
  assert.equal(members.length, want.ids.length, 'one membership per article');
  assert.ok(members.every((m) => m.merged_into === null), 'members only in live stories');
  assert.equal(partitionKey(members.map((m) => [m.article_id, m.story_id])), want.partition, 'the stories of one uninterrupted run');
  const counts = await e.all<{ id: string; articles: number; n: number }>(
    'SELECT s.id, s.articles, (SELECT COUNT(*) FROM story_members m WHERE m.story_id = s.id) AS n FROM stories s WHERE s.merged_into IS NULL',
  );
  for (const c of counts) assert.equal(Number(c.articles), Number(c.n), `story ${c.id} counts its members`);
}

/**
 * Runs `newsfuse ingest` of the input again and again, killing it with SIGKILL each time it has
 * clustered KILL_EVERY more articles, until a run finishes: the stories must be those of one
 * uninterrupted run. `clustered` counts the store's memberships from another connection.
 */
async function ingestKilledEvery(args: string[], clustered: () => Promise<number>): Promise<number> {
  let kills = 0;
  for (;;) {
    const goal = (await clustered()) + KILL_EVERY;
    const run = spawnCli(['ingest', input, ...args, '--no-progress']);
    // The watch ends with the run: a last run that finishes short of its goal leaves no poller behind (it kept the
    // test process alive for RUN_TIMEOUT_MS after every test had passed).
    let ended = false;
    const finished = run.done.then(() => {
      ended = true;
      return true;
    });
    const reached = waitFor(async () => ended || (await clustered()) >= goal, RUN_TIMEOUT_MS, `${goal} articles clustered`).then(() => false);
    if (await Promise.race([finished, reached])) {
      assert.equal(await run.done, 0);
      return kills;
    }
    run.kill('SIGKILL');
    await run.done;
    kills++;
  }
}

describe('reliability: SQLite', () => {
  test(`an ingest of ${ARTICLES} articles killed with SIGKILL every ${KILL_EVERY} and restarted: every article once, the stories of one uninterrupted run`, { timeout: RUN_TIMEOUT_MS }, async () => {
    const db = path.join(dir, 'kill.db');
    // The database file appears with the first transaction; read-only looks do not disturb the writer (WAL).
    const clustered = async (): Promise<number> => {
      try {
        const ro = new Database(db, { readonly: true, fileMustExist: true });
        try {
          return Number((ro.prepare('SELECT COUNT(*) AS n FROM story_members').get() as { n: number }).n);
        } finally {
          ro.close();
        }
      } catch {
        return 0;
      }
    };
    const kills = await ingestKilledEvery(['--db', db], clustered);
    assert.ok(kills >= Math.floor(ARTICLES / KILL_EVERY) - 1, `killed ${kills} times`);
    const catalog = await openCatalog(db);
    try {
      await assertConsistent(catalog);
    } finally {
      await catalog.close();
    }
  });
});

const skip = postgresUnavailable();
if (skip) process.stderr.write(`# skipping PostgreSQL reliability tests: ${skip}\n`);

describe('reliability: PostgreSQL', { skip }, () => {
  let server: PgServer | undefined;
  before(async () => {
    server = await startPostgres();
  });
  after(async () => {
    await server?.stop();
  });

  async function query<T>(url: string, sql: string): Promise<T[]> {
    const client = new pg.Client({ connectionString: url });
    try {
      await client.connect();
      return (await client.query(sql)).rows as T[];
    } finally {
      await client.end().catch(() => undefined);
    }
  }

  /** Rows of a table, from another connection (0 before the migrations made it). */
  async function countOf(url: string, table: string): Promise<number> {
    const client = new pg.Client({ connectionString: url });
    try {
      await client.connect();
      const r = await client.query<{ n: string }>(`SELECT COUNT(*) AS n FROM ${table}`);
      return Number(r.rows[0]?.n ?? 0);
    } catch {
      return 0; // not migrated yet
    } finally {
      await client.end().catch(() => undefined);
    }
  }

  test(`an ingest of ${ARTICLES} articles killed with SIGKILL every ${KILL_EVERY} and restarted: every article once, the stories of one uninterrupted run`, { timeout: RUN_TIMEOUT_MS }, async () => {
    const url = await server!.createDatabase();
    const kills = await ingestKilledEvery(['--db', url, '--lease', LEASE_SECONDS], () => countOf(url, 'story_members'));
    assert.ok(kills >= Math.floor(ARTICLES / KILL_EVERY) - 1, `killed ${kills} times`);
    const catalog = await openCatalog(url);
    try {
      await assertConsistent(catalog);
    } finally {
      await catalog.close();
    }
  });

  test(`three workers share ${ARTICLES} queued articles, the clustering one killed mid-way, one more joining late: no loss, no duplicate, the stories of one worker`, { timeout: RUN_TIMEOUT_MS }, async (t) => {
    const url = await server!.createDatabase();
    const queued = spawnCli(['ingest', input, '--db', url, '--enqueue-only', '--no-progress']);
    assert.equal(await queued.done, 0);
    // A worker outlives a lost database (it retries): one this test leaves running after a failure would hold the run open.
    const spawned: ReturnType<typeof spawnCli>[] = [];
    t.after(() => {
      for (const w of spawned) if (w.exitCode === null && w.signalCode === null) w.kill('SIGKILL');
    });
    const worker = (): ReturnType<typeof spawnCli> => {
      const w = spawnCli(['worker', '--db', url, '--exit-when-idle', '--lease', LEASE_SECONDS, '--batch', '8']);
      spawned.push(w);
      return w;
    };
    const workers = [worker(), worker(), worker()];
    await waitFor(async () => (await countOf(url, 'articles')) >= ARTICLES / 3, RUN_TIMEOUT_MS, 'a third of the articles');
    // The victim is the worker that clusters (the others must take over from the state it wrote), killed while it
    // holds jobs (worker ids carry the pid): those jobs are orphaned and must be retried by the others.
    const leaderPid = async (): Promise<number | undefined> => {
      const rows = await query<{ worker: string }>(url, 'SELECT worker FROM cluster_leader WHERE id = 1');
      return rows[0] ? Number(rows[0].worker.split(':').at(-2)) : undefined;
    };
    const pid = await leaderPid();
    const victim = workers.find((w) => w.pid === pid);
    assert.ok(victim, `the clustering worker (pid ${pid}) is one of the three`);
    const held = async (): Promise<string[]> => (await query<{ hash: string }>(url, `SELECT hash FROM jobs WHERE state = 'running' AND worker LIKE '%:${victim.pid}:%'`)).map((r) => r.hash);
    await waitFor(async () => (await held()).length > 0, RUN_TIMEOUT_MS, 'the victim to hold jobs');
    const victimConnections = async (): Promise<number> =>
      Number((await query<{ n: string }>(url, `SELECT COUNT(*) AS n FROM pg_stat_activity WHERE application_name = 'newsfuse:${victim.pid}'`))[0]?.n);
    assert.ok((await victimConnections()) > 0, "the victim's connections are named after its pid");
    victim.kill('SIGKILL');
    await victim.done;
    // A COMMIT the victim sent just before it died is still carried out by its server process: the jobs it holds are
    // known only once the server has closed the victim's connections (named after its pid).
    await waitFor(async () => (await victimConnections()) === 0, RUN_TIMEOUT_MS, "the server to close the victim's connections");
    const orphaned = await held();
    // A worker starting mid-stream reads the same state as the others.
    const late = worker();
    for (const w of [...workers.filter((w) => w !== victim), late]) assert.equal(await w.done, 0);
    const catalog = await openCatalog(url);
    try {
      await assertConsistent(catalog);
      const retried = await query<{ hash: string; state: string; error: string | null }>(url, `SELECT hash, state, error FROM jobs WHERE attempts > 1`);
      const byHash = new Map(retried.map((r) => [r.hash, r]));
      for (const hash of orphaned) {
        const job = byHash.get(hash);
        assert.ok(job, 'an orphaned job was taken again by another worker');
        // Finished as one worker would have: stored, or failed on its own content (never given up).
        assert.ok(job.state === 'done' || (job.state === 'failed' && !/gave up/.test(job.error ?? '')), `${hash}: ${job.state} ${job.error}`);
      }
      process.stderr.write(`# jobs orphaned by the kill: ${orphaned.length}, retried: ${retried.length}\n`);
    } finally {
      await catalog.close();
    }
  });
});
