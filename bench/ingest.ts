import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { analyze } from '../src/analyze/index.js';
import { extract } from '../src/extract/index.js';
import { readInputs } from '../src/ingest/files.js';
import { openCatalog } from '../src/store/index.js';
import { defaultThreads } from '../src/store/pool.js';
import { DerivationIndex } from '../src/relate/index.js';
import { createClusterer } from '../src/store/stages.js';
import type { Article, RawDocument } from '../src/types.js';
import { startPostgres } from '../test/helpers/postgres.js';
import { SHARED_DATA, table, writeResult } from './lib.js';

/**
 * `npm run bench -- ingest`: end-to-end articles per second into the store
 * (read, extract, analyse, relate, cluster, write; each SQLite ingest in a
 * process of its own, started cold like `newsfuse ingest`), against the
 * extraction stage alone on the same documents in the same run (the peer),
 * and into PostgreSQL with 1, 2 and 4 `newsfuse worker` processes. Flags:
 * `--quick` (fewer documents), `--no-pg`.
 */

/** Copies of the ECB+ texts, so that the SQLite run lasts long enough to measure. */
const ECB_COPIES = 2;
/**
 * Copies of the dev pages (each copy's paragraphs changed, so that few are
 * duplicates): long enough for the threads' start-up and warm-up to be a
 * small share, as in a real feed (at 8 copies, 816 pages, two threads were
 * 5 % faster than none; at 24, about a third).
 */
const HTML_COPIES = 24;
/** Documents extracted once before timing the peer. */
const WARM_UP_DOCS = 50;
/** Workers counts for PostgreSQL. */
const WORKER_COUNTS = [1, 2, 4];

interface Row {
  input: string;
  store: string;
  workers: number;
  articles: number;
  seconds: number;
  perSecond: number;
  extractAlonePerSecond?: number;
  ratio?: number;
  /** Share of the run's wall time spent inside SQLite itself. */
  sqliteShare?: number;
  /** CPU milliseconds per document: main thread, processing threads, helper threads (V8's GC and compilers, libuv's pool compressing raw pages). */
  cpuMsPerDoc?: { main: number; processing: number; helpers: number };
  peakRssMiB: number;
}

function ecbDocuments(limit: number): string[] {
  const file = path.join(SHARED_DATA, 'ecbplus-dev.jsonl');
  const rows = readFileSync(file, 'utf8').split('\n').filter((l) => l.trim() !== '').slice(0, limit);
  const out: string[] = [];
  for (let copy = 0; copy < ECB_COPIES; copy++) {
    for (const line of rows) {
      const d = JSON.parse(line) as { id: string; text: string };
      out.push(JSON.stringify({ id: `${d.id}-${copy}`, text: copy === 0 ? d.text : `${d.text}\nFiled again, copy ${copy}.` }));
    }
  }
  return out;
}

/** The peer: the extraction stage alone, in this process, on the same documents. */
function extractAlone(raws: RawDocument[]): { perSecond: number; articles: Article[] } {
  // One untimed pass first, so that the peer is measured warm, like the stages inside the ingest.
  for (const raw of raws.slice(0, WARM_UP_DOCS)) {
    try {
      extract(raw);
    } catch {
      // as below
    }
  }
  const articles: Article[] = [];
  const start = performance.now();
  for (const raw of raws) {
    try {
      articles.push(extract(raw));
    } catch {
      // counted as work done, like a failed ingest
    }
  }
  return { perSecond: raws.length / ((performance.now() - start) / 1000), articles };
}

/** Where the end-to-end time goes, stage by stage, in one thread and without a store: the in-memory pipeline. */
async function stageCosts(raws: RawDocument[], articles: Article[], extractPerSecond: number): Promise<Record<string, number>> {
  const t0 = performance.now();
  const analyzed = articles.map((a) => analyze(a));
  const t1 = performance.now();
  const derivations = new DerivationIndex();
  for (const a of analyzed) derivations.add(a);
  const t2 = performance.now();
  const clusterer = createClusterer();
  for (const a of articles) clusterer.add({ id: a.id, title: a.title, text: a.text, publishedAt: a.publishedAt });
  const t3 = performance.now();
  const perDoc = (ms: number): number => ms / raws.length;
  const extractMsPerDoc = 1000 / extractPerSecond;
  const analyzeMsPerDoc = perDoc(t1 - t0);
  const relateMsPerDoc = perDoc(t2 - t1);
  const clusterMsPerDoc = perDoc(t3 - t2);
  return { extractMsPerDoc, analyzeMsPerDoc, relateMsPerDoc, clusterMsPerDoc, pipelineMsPerDoc: extractMsPerDoc + analyzeMsPerDoc + relateMsPerDoc + clusterMsPerDoc };
}

/**
 * One ingest into a fresh SQLite file, in a child process started cold, as a
 * user's `newsfuse ingest` is (a warm bench process would favour the run
 * without threads, whose stages this process has already compiled).
 */
async function sqliteRun(label: string, inputs: string[], dir: string, threads: number): Promise<Row> {
  const db = path.join(dir, `${label.replace(/\W+/g, '-')}-${threads}.db`);
  const script = path.join(path.dirname(fileURLToPath(import.meta.url)), 'ingest-process.js');
  const child = spawn(process.execPath, [script, db, String(threads), ...inputs], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const peak = watchPeakRss(child.pid ?? 0);
  const code = await new Promise<number>((resolve) => child.on('exit', (c) => resolve(c ?? -1)));
  const peakRssMiB = peak();
  if (code !== 0) throw new Error(`bench ingest: the ingest process exited ${code}: ${stderr.slice(-500)}`);
  const r = JSON.parse(stdout.trim().split('\n').pop() ?? '{}') as {
    documents: number;
    seconds: number;
    sqliteSeconds: number;
    cpuMs: { main: number; processing: number; helpers: number };
  };
  return {
    input: label,
    store: threads > 0 ? `SQLite, ${threads} thread${threads > 1 ? 's' : ''}` : 'SQLite, no threads',
    workers: 1,
    articles: r.documents,
    seconds: r.seconds,
    perSecond: r.documents / r.seconds,
    sqliteShare: r.sqliteSeconds / r.seconds,
    cpuMsPerDoc: { main: r.cpuMs.main / r.documents, processing: r.cpuMs.processing / r.documents, helpers: r.cpuMs.helpers / r.documents },
    peakRssMiB,
  };
}

/** The dev pages as Document rows, HTML_COPIES times, every paragraph of copy k ending in "Copy k." (so that no copy is a duplicate). */
function htmlCopies(raws: RawDocument[]): string[] {
  const out: string[] = [];
  for (let copy = 0; copy < HTML_COPIES; copy++) {
    for (const r of raws) {
      const html = copy === 0 ? r.content : r.content.replace(/<\/p>/gi, ` Copy ${copy}.</p>`);
      out.push(JSON.stringify({ id: `${r.id}-${copy}`, html, url: r.url }));
    }
  }
  return out;
}

/** One input measured: the extraction peer, the stages alone, then ingests into SQLite with the default threads and with none. */
async function measureInput(label: string, jsonl: string, dir: string, rows: Row[]): Promise<Record<string, number>> {
  const { docs } = await readInputs([jsonl]);
  const peer = extractAlone(docs);
  const costs = await stageCosts(docs, peer.articles, peer.perSecond);
  // The default is threads on a multi-core machine; the row without shows what they bring.
  for (const threads of defaultThreads() > 0 ? [defaultThreads(), 0] : [0]) {
    const row = await sqliteRun(label, [jsonl], dir, threads);
    rows.push({ ...row, extractAlonePerSecond: peer.perSecond, ratio: row.perSecond / peer.perSecond });
    if (costs.ingestMsPerDoc === undefined) costs.ingestMsPerDoc = 1000 / row.perSecond;
    else costs.ingestNoThreadsMsPerDoc = 1000 / row.perSecond;
  }
  return costs;
}

/** Peak resident memory of a child, polled from /proc (Linux). */
function watchPeakRss(pid: number): () => number {
  let peak = 0;
  const timer = setInterval(() => {
    try {
      const status = readFileSync(`/proc/${pid}/status`, 'utf8');
      const kb = Number(status.match(/VmHWM:\s+(\d+)/)?.[1] ?? 0);
      peak = Math.max(peak, kb);
    } catch {
      // exited
    }
  }, 100);
  return () => {
    clearInterval(timer);
    return peak / 1024;
  };
}

/** Worker processes are the unit of parallelism here: no extra threads inside each (NEWSFUSE_THREADS=0). */
function runCli(args: string[]): Promise<{ code: number; peakRssMiB: number }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['bin/newsfuse', ...args], { stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, NEWSFUSE_THREADS: '0' } });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const peak = watchPeakRss(child.pid ?? 0);
    child.on('exit', (code) => {
      const p = peak();
      if (code !== 0) process.stderr.write(`bench ingest: newsfuse ${args[0]} exited ${code}: ${stderr.slice(-500)}\n`);
      resolve({ code: code ?? -1, peakRssMiB: p });
    });
  });
}

async function postgresRuns(file: string): Promise<Row[]> {
  const server = await startPostgres();
  if (!server) {
    process.stderr.write('bench ingest: PostgreSQL binaries not found, PostgreSQL rows skipped\n');
    return [];
  }
  const rows: Row[] = [];
  try {
    for (const workers of WORKER_COUNTS) {
      const url = await server.createDatabase(`bench_${workers}`);
      const start = performance.now();
      const queued = await runCli(['ingest', file, '--db', url, '--enqueue-only', '--no-progress']);
      if (queued.code !== 0) continue;
      const runs = await Promise.all(Array.from({ length: workers }, () => runCli(['worker', '--db', url, '--exit-when-idle'])));
      const seconds = (performance.now() - start) / 1000;
      // Only complete runs count: every job finished and clustered.
      const catalog = await openCatalog(url);
      const status = await catalog.status();
      await catalog.close();
      if (runs.some((r) => r.code !== 0) || status.queued + status.running > 0 || status.clusteredUpTo < status.lastSeq) {
        process.stderr.write(`bench ingest: the run with ${workers} workers did not finish cleanly; row left out\n`);
        continue;
      }
      rows.push({
        input: `ECB+ JSONL ×${ECB_COPIES}`,
        store: 'PostgreSQL',
        workers,
        articles: status.done + status.failed + status.duplicate,
        seconds,
        perSecond: (status.done + status.failed + status.duplicate) / seconds,
        peakRssMiB: Math.max(...runs.map((r) => r.peakRssMiB)),
      });
    }
  } finally {
    await server.stop();
  }
  return rows;
}

export async function run(flags: string[]): Promise<void> {
  const quick = flags.includes('--quick');
  const dir = mkdtempSync(path.join(os.tmpdir(), 'newsfuse-bench-ingest-'));
  const rows: Row[] = [];
  let costs: Record<string, Record<string, number>> = {};
  const { writeFileSync } = await import('node:fs');
  try {
    const htmlDir = path.join(SHARED_DATA, 'extraction-dev', 'html');
    if (existsSync(htmlDir)) {
      const { docs } = await readInputs([htmlDir]);
      const jsonl = path.join(dir, 'html.jsonl');
      writeFileSync(jsonl, `${htmlCopies(quick ? docs.slice(0, 30) : docs).join('\n')}\n`);
      costs.html = await measureInput(`dev HTML pages ×${HTML_COPIES}`, jsonl, dir, rows);
    }
    const ecb = path.join(SHARED_DATA, 'ecbplus-dev.jsonl');
    if (existsSync(ecb)) {
      const jsonl = path.join(dir, 'ecb.jsonl');
      writeFileSync(jsonl, `${ecbDocuments(quick ? 100 : Number.MAX_SAFE_INTEGER).join('\n')}\n`);
      costs.ecb = await measureInput(`ECB+ JSONL ×${ECB_COPIES}`, jsonl, dir, rows);
      if (!flags.includes('--no-pg')) rows.push(...(await postgresRuns(jsonl)));
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  process.stdout.write(
    `${table(
      ['input', 'store', 'workers', 'articles', 'seconds', 'articles/s', 'extract alone/s', 'ingest ÷ extract', 'time in SQLite', 'peak RSS MiB'],
      rows.map((r) => [
        r.input,
        r.store,
        r.workers,
        r.articles,
        r.seconds,
        r.perSecond,
        r.extractAlonePerSecond ?? '',
        r.ratio ?? '',
        r.sqliteShare === undefined ? '' : `${Math.round(r.sqliteShare * 100)}%`,
        r.peakRssMiB,
      ]),
    )}\n\n`,
  );
  const cpuRows = rows.filter((r) => r.cpuMsPerDoc !== undefined && r.cpuMsPerDoc.main > 0);
  if (cpuRows.length > 0) {
    process.stdout.write(
      `${table(
        ['input', 'store', 'wall ms/doc', 'CPU ms/doc: main thread', 'processing threads', 'helper threads (V8: GC, compilers; libuv: compression)', 'all'],
        cpuRows.map((r) => {
          const c = r.cpuMsPerDoc!;
          return [r.input, r.store, 1000 / r.perSecond, c.main, c.processing, c.helpers, c.main + c.processing + c.helpers];
        }),
      )}\n\n`,
    );
  }
  process.stdout.write(
    `${table(
      ['input', 'extract ms/doc', 'analyse ms/doc', 'relate index ms/doc', 'cluster ms/doc', 'pipeline ms/doc (1 thread, no store)', 'ingest ms/doc (SQLite, default threads)', 'ingest ms/doc (SQLite, no threads)'],
      Object.entries(costs).map(([k, c]) => [k, c.extractMsPerDoc ?? 0, c.analyzeMsPerDoc ?? 0, c.relateMsPerDoc ?? 0, c.clusterMsPerDoc ?? 0, c.pipelineMsPerDoc ?? 0, c.ingestMsPerDoc ?? 0, c.ingestNoThreadsMsPerDoc ?? '']),
    )}\n\n`,
  );
  const file = writeResult('ingest', { quick, threads: defaultThreads(), rows, stageCosts: costs, target: 'SQLite ingest >= 0.5 x extraction alone' });
  process.stdout.write(`wrote ${file}\n`);
}
