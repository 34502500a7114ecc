/**
 * `npm run bench -- scale [--full] [--quick] [--no-pg | --pg-only]`: a store of many articles.
 *
 * 1. Ingest into SQLite: synthetic variants of the dev ECB+ articles in four
 *    languages (bench/streams.ts: made-up names, figures and dates per event
 *    copy, lulls), 10 000 and 100 000 articles (and 1 000 000 with `--full`;
 *    `--quick`: 10 000 only), each in a process of its own started cold, as
 *    `newsfuse ingest` runs: articles/s, CPU ms per article of the whole
 *    process (all threads) over the stream and over its last tenth, peak RSS,
 *    the store's size on disk, B³ F1 against the event copies.
 * 2. The next article in a fresh process: `newsfuse ingest next.json` into
 *    each store, against the same article into an empty store (the peer), wall
 *    time and peak RSS, median of three.
 * 3. The vocabulary bound (document frequencies): the clusterer alone on
 *    100 000 articles of the same stream with the default bound, tighter ones
 *    and none: B³ F1, features kept, CPU.
 * 4. PostgreSQL (unless `--no-pg`): 1, 2 and 3 worker processes (no threads
 *    each: the processes are the parallelism) on one database holding the
 *    same queued articles: wall time, speed-up, the clustering step's time
 *    under the cluster lock per article (serialised), and whether the stories
 *    are those of one worker.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEFAULT_CLUSTER_SETTINGS } from '../src/cluster/settings.js';
import { openCatalog } from '../src/store/index.js';
import { startPostgres } from '../test/helpers/postgres.js';
import { scaleInChild, type ScaleResult } from './cluster.js';
import { SHARED_DATA, table, writeResult } from './lib.js';
import type { ScaleIngest } from './scale-process.js';
import { scalePlan } from './scale-process.js';

const SIZES = [10_000, 100_000];
const FULL_SIZE = 1_000_000;
/** Next articles sent to each store (and to empty stores): the median is reported. */
const NEXT_ARTICLES = 3;
/** The clusterer-alone runs of the vocabulary bound. */
const VOCABULARY_SIZE = 100_000;
const VOCABULARY_BOUNDS = [DEFAULT_CLUSTER_SETTINGS.maxVocabulary, 65_536, 16_384, 4_096];
/** No bound: more features than any stream here has. */
const UNBOUNDED = 2 ** 40;
const WORKER_COUNTS = [1, 2, 3];
const PG_ARTICLES = { full: 10_000, quick: 2_000 };

const HERE = path.dirname(fileURLToPath(import.meta.url));

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

/** Runs a child to its end; its stdout's last line as JSON, its wall time, and its peak RSS as it reported it at exit. */
async function child<T>(args: string[], env: Record<string, string> = {}): Promise<{ out: T; seconds: number; peakRssMiB: number }> {
  const rssFile = path.join(os.tmpdir(), `newsfuse-rss-${process.pid}-${Math.random().toString(36).slice(2)}`);
  const start = performance.now();
  const proc = spawn(process.execPath, ['--import', path.join(HERE, 'rss-at-exit.js'), ...args], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...env, NEWSFUSE_RSS_FILE: rssFile } });
  let stdout = '';
  let stderr = '';
  proc.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  proc.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const code = await new Promise<number>((resolve) => proc.on('exit', (c) => resolve(c ?? -1)));
  const seconds = (performance.now() - start) / 1000;
  if (code !== 0) throw new Error(`bench scale: ${args.join(' ')} exited ${code}: ${stderr.slice(-1000)}`);
  const peakRssMiB = Number(readFileSync(rssFile, 'utf8')) / 1024;
  rmSync(rssFile, { force: true });
  const line = stdout.trim().split('\n').pop() ?? '';
  return { out: (line.startsWith('{') ? JSON.parse(line) : undefined) as T, seconds, peakRssMiB };
}

function storeMiB(db: string): number {
  let bytes = 0;
  for (const f of [db, `${db}-wal`, `${db}-shm`]) if (existsSync(f)) bytes += statSync(f).size;
  return bytes / 2 ** 20;
}

interface NextArticle {
  seconds: number;
  peakRssMiB: number;
  emptySeconds: number;
  emptyPeakRssMiB: number;
}

/** `newsfuse ingest next.json` into the store and into an empty one, alternately, each a fresh process. */
async function nextArticles(db: string, dir: string, first: number, item: (i: number) => object): Promise<NextArticle> {
  const cli = path.resolve('bin/newsfuse');
  const runs: { full: { seconds: number; peakRssMiB: number }; empty: { seconds: number; peakRssMiB: number } }[] = [];
  for (let k = 0; k < NEXT_ARTICLES; k++) {
    const file = path.join(dir, `next-${first + k}.json`);
    writeFileSync(file, JSON.stringify(item(first + k)));
    const empty = await child([cli, 'ingest', file, '--db', path.join(dir, `empty-${first}-${k}.db`), '--no-progress']);
    const full = await child([cli, 'ingest', file, '--db', db, '--no-progress']);
    runs.push({ full, empty });
  }
  return {
    seconds: median(runs.map((r) => r.full.seconds)),
    peakRssMiB: median(runs.map((r) => r.full.peakRssMiB)),
    emptySeconds: median(runs.map((r) => r.empty.seconds)),
    emptyPeakRssMiB: median(runs.map((r) => r.empty.peakRssMiB)),
  };
}

interface SizeRow extends ScaleIngest {
  storeMiB: number;
  next: NextArticle;
}

async function sqliteSize(size: number, dir: string): Promise<SizeRow> {
  const db = path.join(dir, `scale-${size}.db`);
  const planned = size + NEXT_ARTICLES;
  process.stderr.write(`bench scale: ingesting ${size} articles into ${db}\n`);
  const { out } = await child<ScaleIngest>([path.join(HERE, 'scale-process.js'), db, String(size), String(planned)]);
  const stored = storeMiB(db);
  const { item } = scalePlan(planned);
  const next = await nextArticles(db, dir, size, item);
  return { ...out, storeMiB: stored, next };
}

interface WorkerRow {
  workers: number;
  articles: number;
  seconds: number;
  perSecond: number;
  cpuMsPerArticle: number;
  clusteringMsPerArticle: number;
  peakRssMiB: number;
  sameStories: boolean;
}

async function postgresWorkers(articles: number, dir: string): Promise<WorkerRow[]> {
  const server = await startPostgres();
  if (!server) {
    process.stderr.write('bench scale: PostgreSQL binaries not found, workers table skipped\n');
    return [];
  }
  const { item } = scalePlan(articles);
  const jsonl = path.join(dir, 'pg.jsonl');
  writeFileSync(jsonl, `${Array.from({ length: articles }, (_, i) => JSON.stringify(item(i))).join('\n')}\n`);
  const rows: WorkerRow[] = [];
  let reference: string | undefined;
  try {
    for (const workers of WORKER_COUNTS) {
      const url = await server.createDatabase(`scale_${workers}`);
      await child([path.resolve('bin/newsfuse'), 'ingest', jsonl, '--db', url, '--enqueue-only', '--no-progress']);
      const start = performance.now();
      const runs = await Promise.all(
        Array.from({ length: workers }, () => child<{ jobs: number; cpuMs: number; clusteringMs: number }>([path.join(HERE, 'scale-worker.js'), url], { NEWSFUSE_THREADS: '0' })),
      );
      const seconds = (performance.now() - start) / 1000;
      const catalog = await openCatalog(url);
      const members = await catalog.engine.all<{ article_id: string; story_id: string }>(`SELECT article_id, story_id FROM story_members ORDER BY article_id`);
      await catalog.close();
      const partition = members.map((m) => `${m.article_id}:${m.story_id}`).join('\n');
      reference ??= partition;
      rows.push({
        workers,
        articles,
        seconds,
        perSecond: articles / seconds,
        cpuMsPerArticle: runs.reduce((n, r) => n + r.out.cpuMs, 0) / articles,
        clusteringMsPerArticle: runs.reduce((n, r) => n + r.out.clusteringMs, 0) / articles,
        peakRssMiB: Math.max(...runs.map((r) => r.peakRssMiB)),
        sameStories: partition === reference,
      });
    }
  } finally {
    await server.stop();
  }
  return rows;
}

export async function run(flags: string[]): Promise<void> {
  if (!existsSync(path.join(SHARED_DATA, 'ecbplus-dev-mixed.jsonl'))) {
    process.stdout.write(`ecbplus-dev-mixed.jsonl not found under ${SHARED_DATA}; skipped\n`);
    return;
  }
  const quick = flags.includes('--quick');
  const full = flags.includes('--full');
  const pgOnly = flags.includes('--pg-only');
  const sizes = pgOnly ? [] : quick ? SIZES.slice(0, 1) : full ? [...SIZES, FULL_SIZE] : SIZES;
  const dir = mkdtempSync(path.join(os.tmpdir(), 'newsfuse-bench-scale-'));
  try {
    const rows: SizeRow[] = [];
    for (const size of sizes) {
      rows.push(await sqliteSize(size, dir));
      rmSync(path.join(dir, `scale-${size}.db`), { force: true });
    }
    const base = rows[0];
    if (base !== undefined) process.stdout.write(
      `### SQLite: synthetic mixed-language dated stream, whole pipeline (extract, analyse, relate, cluster, write), default threads\n\n${table(
        ['articles', 'seconds', 'articles/s', 'vs 10 000', 'CPU ms/article (all threads)', 'CPU ms/article, last tenth', 'last tenth vs 10 000', 'clustering step ms/article (main thread)', 'peak RSS MiB', 'store MiB', 'B³ F1'],
        rows.map((r) => [
          r.articles,
          r.seconds,
          r.articles / r.seconds,
          `${(r.articles / r.seconds / (base.articles / base.seconds)).toFixed(2)}×`,
          r.cpuMsPerArticle,
          r.cpuMsPerArticleAtEnd,
          `${(r.cpuMsPerArticleAtEnd / base.cpuMsPerArticleAtEnd).toFixed(2)}×`,
          r.clusteringMsPerArticle,
          r.peakRssMiB,
          r.storeMiB,
          r.f1,
        ]),
      )}\n\n`,
    );
    if (rows.length > 0) process.stdout.write(
      `### the next article, \`newsfuse ingest next.json\` in a fresh process (median of ${NEXT_ARTICLES}), against the same into an empty store\n\n${table(
        ['store of', 'seconds', 'empty store: seconds', 'time ratio', 'peak RSS MiB', 'empty store: peak RSS MiB', 'RSS ratio'],
        rows.map((r) => [r.articles, r.next.seconds, r.next.emptySeconds, `${(r.next.seconds / r.next.emptySeconds).toFixed(2)}×`, r.next.peakRssMiB, r.next.emptyPeakRssMiB, `${(r.next.peakRssMiB / r.next.emptyPeakRssMiB).toFixed(2)}×`]),
      )}\n\n`,
    );

    const vocabulary: ScaleResult[] = [];
    const bounds = quick || pgOnly ? [] : [UNBOUNDED, ...VOCABULARY_BOUNDS];
    for (const bound of bounds) vocabulary.push(scaleInChild(VOCABULARY_SIZE, false, { maxVocabulary: bound }));
    if (vocabulary.length > 0) {
      const unbounded = vocabulary[0]!;
      process.stdout.write(
        `### the vocabulary bound: the clusterer alone, ${VOCABULARY_SIZE} articles of the same stream\n\n${table(
          ['maxVocabulary', 'features kept at the end', 'B³ F1', 'CPU ms/article', 'vs no bound', 'live heap MiB at the end'],
          vocabulary.map((v) => [
            v.settings.maxVocabulary === UNBOUNDED ? 'none' : v.settings.maxVocabulary === DEFAULT_CLUSTER_SETTINGS.maxVocabulary ? `${v.settings.maxVocabulary} (default)` : String(v.settings.maxVocabulary),
            v.vocabulary,
            v.f1,
            v.cpuMsPerArticle,
            `${(v.cpuMsPerArticle / unbounded.cpuMsPerArticle).toFixed(2)}×`,
            v.heapMiB[v.heapMiB.length - 1] ?? 0,
          ]),
        )}\n\n`,
      );
    }

    const workers = flags.includes('--no-pg') ? [] : await postgresWorkers(quick ? PG_ARTICLES.quick : PG_ARTICLES.full, dir);
    if (workers.length > 0) {
      const one = workers[0]!;
      process.stdout.write(
        `### PostgreSQL: worker processes on one database, ${one.articles} queued articles of the same stream (no threads in each)\n\n${table(
          ['workers', 'seconds', 'articles/s', 'speed-up vs 1', 'CPU ms/article (all workers)', 'clustering under the lock, ms/article (serialised)', 'peak RSS MiB (largest worker)', 'stories of one worker'],
          workers.map((w) => [w.workers, w.seconds, w.perSecond, `${(w.perSecond / one.perSecond).toFixed(2)}×`, w.cpuMsPerArticle, w.clusteringMsPerArticle, w.peakRssMiB, w.sameStories ? 'yes' : 'NO']),
        )}\n\n`,
      );
    }
    const file = writeResult('scale', { quick, full, cores: os.availableParallelism(), sizes: rows, vocabulary, workers });
    process.stdout.write(`(written to ${file})\n`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
