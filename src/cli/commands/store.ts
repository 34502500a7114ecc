import { setTimeout } from 'node:timers/promises';
import type cliProgress from 'cli-progress';
import type { Command } from 'commander';
import type { SourceReader } from '../../ingest/sources.js';
import type { SqlCatalog } from '../../store/index.js';
import { DEFAULT_LEASE_MS } from '../../store/lease.js';
import type { InputProblem, RawDocument, StorySummary } from '../../types.js';
import { EXIT_NOTHING_USABLE, UsageError, emit, loadProgress, parseFormat, reportProblem } from '../io.js';
import { OUTLETS_HELP, readOutletsFile } from '../outlets.js';

/** Batches smaller than this finish before a progress bar would be worth drawing. */
const PROGRESS_MIN_DOCS = 50;
/** Stories fetched per page when listing all of them. */
const LIST_PAGE = 200;
const STORY_FORMATS = ['table', 'json'] as const;
/** Headline width in the table view. */
const HEADLINE_COLUMNS = 70;

interface IngestCliOptions {
  db?: string;
  allowPrivate?: boolean;
  ignoreRobots?: boolean;
  watch?: string;
  enqueueOnly?: boolean;
  timeout: string;
  maxBytes: string;
  hostInterval: string;
  progress: boolean;
  lease: string;
  threads?: string;
  outlets?: string;
}

/** `5m`, `30s`, `1h`, `500ms`, or a bare number of seconds → milliseconds. */
export function parseInterval(value: string, option = '--watch'): number {
  const m = value.trim().match(/^(\d+(?:\.\d+)?)\s*(ms|s|m|h)?$/i);
  if (!m) throw new UsageError(`${option} must be a duration such as 30s, 5m or 1h (got "${value}")`);
  const unit = (m[2] ?? 's').toLowerCase();
  const ms = Number(m[1]) * ({ ms: 1, s: 1000, m: 60_000, h: 3_600_000 } as Record<string, number>)[unit]!;
  if (ms <= 0) throw new UsageError(`${option} must be positive`);
  return ms;
}

const THREADS_HELP = 'worker threads for extraction, analysis and profiles (0: none; default NEWSFUSE_THREADS, else one per core, at most 4, none on one core)';

/** --threads: a whole number from 0 to 4, or undefined for the default. */
function threadsOption(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value.trim()) || Number(value) > 4) throw new UsageError(`--threads must be a whole number from 0 to 4 (got "${value}")`);
  return Number(value);
}

function positiveNumber(value: string, option: string): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) throw new UsageError(`${option} must be a positive number (got "${value}")`);
  return n;
}

interface Tally {
  added: number;
  duplicates: number;
  failed: InputProblem[];
}

/** The progress bar of one ingest (on a terminal only); problems met while it is drawn are printed once it is gone. */
class IngestBar {
  private readonly bar: cliProgress.SingleBar | undefined;
  private started = false;
  private readonly deferred: InputProblem[] = [];
  /** Documents read so far, and files listed but not yet read: the bar's total. */
  private total = 0;

  constructor(enabled: boolean) {
    const bars = enabled && process.stderr.isTTY ? loadProgress() : undefined;
    this.bar = bars
      ? new bars.SingleBar({ stream: process.stderr, format: 'ingest [{bar}] {value}/{total} documents {eta_formatted}', clearOnComplete: true }, bars.Presets.shades_classic)
      : undefined;
  }

  /** At least this many documents are coming (files listed, documents read). */
  expect(total: number): void {
    this.total = Math.max(this.total, total);
    if (!this.bar || this.total < PROGRESS_MIN_DOCS) return;
    if (!this.started) this.bar.start(this.total, 0);
    else this.bar.setTotal(this.total);
    this.started = true;
  }

  update(done: number): void {
    if (this.started) this.bar?.update(done);
  }

  problem(p: InputProblem): void {
    if (this.started) this.deferred.push(p);
    else reportProblem(p);
  }

  stop(): void {
    this.bar?.stop();
    for (const p of this.deferred) reportProblem(p);
  }
}

async function ingestOnce(catalog: SqlCatalog, inputs: string[], opts: IngestCliOptions, reader: SourceReader): Promise<Tally> {
  const tally: Tally = { added: 0, duplicates: 0, failed: [] };
  const bar = new IngestBar(opts.progress);
  const problem = (p: InputProblem): void => {
    tally.failed.push(p);
    bar.problem(p);
  };
  let read = 0;
  let listed = 0;
  /** The documents of the inputs as they are read, with their problems tallied on the way. */
  async function* documents(): AsyncGenerator<RawDocument[]> {
    for await (const batch of reader.read(inputs)) {
      tally.duplicates += batch.skipped;
      batch.problems.forEach(problem);
      // Listed files are counted until read; a JSONL file holds many documents, hence the max.
      listed += batch.files ?? 0;
      read += batch.docs.length;
      // Not failures: printed like problems, not counted.
      for (const doc of batch.docs) for (const w of doc.warnings ?? []) bar.problem({ input: doc.origin, reason: `warning: ${w}` });
      bar.expect(Math.max(read, listed));
      if (batch.docs.length > 0) yield batch.docs;
    }
  }
  try {
    if (opts.enqueueOnly) {
      for await (const docs of documents()) {
        const r = await catalog.enqueueOnly(docs);
        tally.added += r.accepted;
        tally.duplicates += r.duplicates.length;
        bar.update(tally.added + tally.duplicates);
      }
      const { SETTLE_AFTER_IMPORT } = await import('../../store/queue.js');
      if (read >= SETTLE_AFTER_IMPORT) await catalog.requestSettle();
      return tally;
    }
    // One command is one import, however it is read: ingestStream settles it once, at its end.
    const report = await catalog.ingestStream(documents(), {
      leaseMs: positiveNumber(opts.lease, '--lease') * 1000,
      onProgress: (p) => bar.update(p.done),
      onFailed: problem,
    });
    tally.added += report.added.length;
    tally.duplicates += report.duplicates.length;
    return tally;
  } finally {
    bar.stop();
  }
}

function summary(t: Tally, enqueueOnly: boolean): string {
  const reasons = new Map<string, number>();
  for (const f of t.failed) reasons.set(f.reason, (reasons.get(f.reason) ?? 0) + 1);
  const top = [...reasons.entries()].sort((a, b) => b[1] - a[1]).slice(0, 5).map(([r, n]) => `  ${n} × ${r}`);
  const verb = enqueueOnly ? 'queued' : 'new';
  return [`ingest: ${t.added} ${verb}, ${t.duplicates} duplicate, ${t.failed.length} failed`, ...top].join('\n');
}

function registerIngest(program: Command): void {
  program
    .command('ingest')
    .description('add files, folders, globs, URLs, RSS/Atom feeds, JSONL or WARC archives to the store')
    .argument('<inputs...>', 'paths, globs, URLs of pages or feeds, .rss/.atom/.xml feed files, .warc(.gz) archives')
    .option('--db <url>', 'store: a SQLite file or postgres:// URL (default NEWSFUSE_DB or ./newsfuse.db)')
    .option('--allow-private', 'allow fetching private and loopback addresses')
    .option('--ignore-robots', "fetch what a site's robots.txt forbids (only for sites of your own)")
    .option('--watch <interval>', 'poll the inputs again every interval (30s, 5m, 1h) until interrupted')
    .option('--enqueue-only', 'store the documents as jobs for `newsfuse worker` processes, do not process them here')
    .option('--timeout <seconds>', 'per-request timeout when fetching', '20')
    .option('--max-bytes <bytes>', 'largest page fetched', String(8 * 2 ** 20))
    .option('--host-interval <seconds>', 'minimum time between two requests to one host', '1')
    .option('--lease <seconds>', 'PostgreSQL: the jobs of a process silent for this long are retried by another', String(DEFAULT_LEASE_MS / 1000))
    .option('--threads <n>', THREADS_HELP)
    .option('--no-progress', 'no progress bar')
    .option('--outlets <file>', `${OUTLETS_HELP}; stored in the store for serve and brief --story, replacing the outlets stored before`)
    .action(async (inputs: string[], opts: IngestCliOptions) => {
      const watchMs = opts.watch ? parseInterval(opts.watch) : undefined;
      const outlets = opts.outlets === undefined ? undefined : readOutletsFile(opts.outlets);
      const [{ openCatalog }, { SourceReader }] = await Promise.all([import('../../store/index.js'), import('../../ingest/sources.js')]);
      const catalog = await openCatalog(opts.db, { threads: threadsOption(opts.threads) });
      if (outlets) await catalog.setOutlets(outlets);
      const reader = new SourceReader({
        fetch: {
          allowPrivate: opts.allowPrivate ?? false,
          robots: !(opts.ignoreRobots ?? false),
          timeoutMs: positiveNumber(opts.timeout, '--timeout') * 1000,
          maxBytes: positiveNumber(opts.maxBytes, '--max-bytes'),
          perHostIntervalMs: Number(opts.hostInterval) * 1000,
        },
        isKnownUrl: (url) => catalog.isKnownUrl(url),
        feedState: { get: (url) => catalog.getFeedState(url), set: (url, s) => catalog.setFeedState(url, s) },
      });
      const stop = new AbortController();
      const onSignal = (): void => stop.abort();
      if (watchMs) {
        process.once('SIGINT', onSignal);
        process.once('SIGTERM', onSignal);
      }
      try {
        for (;;) {
          const tally = await ingestOnce(catalog, inputs, opts, reader);
          process.stderr.write(`${summary(tally, opts.enqueueOnly ?? false)}\n`);
          if (!watchMs) {
            if (tally.added === 0 && tally.duplicates === 0) process.exitCode = EXIT_NOTHING_USABLE;
            break;
          }
          // Until the next poll or Ctrl-C (the timer promise removes its abort listener when it fires).
          await setTimeout(watchMs, undefined, { signal: stop.signal }).catch(() => undefined);
          if (stop.signal.aborted) break;
        }
      } finally {
        process.off('SIGINT', onSignal);
        process.off('SIGTERM', onSignal);
        await reader.close();
        await catalog.close();
      }
    });
}

async function allStories(catalog: SqlCatalog): Promise<StorySummary[]> {
  const out: StorySummary[] = [];
  for (let offset = 0; ; offset += LIST_PAGE) {
    const page = await catalog.listStories({ limit: LIST_PAGE, offset });
    out.push(...page.stories);
    if (page.stories.length < LIST_PAGE) return out;
  }
}

function storyTable(stories: StorySummary[]): string {
  const header = ['story', 'articles', 'independent', 'corroborated', 'single', 'disputed', 'last seen', 'headline'];
  const rows = stories.map((s) => [
    s.id,
    String(s.articles),
    String(s.independentSources),
    String(s.claims.corroborated),
    String(s.claims.singleSource),
    String(s.claims.disputed),
    s.lastSeen?.slice(0, 16).replace('T', ' ') ?? '',
    s.headline.length > HEADLINE_COLUMNS ? `${s.headline.slice(0, HEADLINE_COLUMNS - 1)}…` : s.headline,
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]): string => cells.map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i]!))).join('  ').trimEnd();
  return [line(header), ...rows.map(line)].join('\n');
}

function registerStories(program: Command): void {
  program
    .command('stories')
    .description('list the stories in the store, newest first')
    .option('--db <url>', 'store: a SQLite file or postgres:// URL (default NEWSFUSE_DB or ./newsfuse.db)')
    .option('--format <format>', `output format: ${STORY_FORMATS.join(', ')}`, 'table')
    .action(async (opts: { db?: string; format: string }) => {
      const format = parseFormat(opts.format, STORY_FORMATS);
      const { openCatalog } = await import('../../store/index.js');
      const catalog = await openCatalog(opts.db, { forReading: true });
      try {
        const stories = await allStories(catalog);
        if (format === 'json') emit(JSON.stringify(stories, null, 2));
        else emit(stories.length === 0 ? 'no stories yet (run `newsfuse ingest`)' : storyTable(stories));
      } finally {
        await catalog.close();
      }
    });
}

function registerWorker(program: Command): void {
  program
    .command('worker')
    .description('process queued ingest jobs; run any number of them against one PostgreSQL store')
    .option('--db <url>', 'store: a postgres:// URL, default NEWSFUSE_DB (a SQLite file works with a single worker)')
    .option('--lease <seconds>', 'the jobs of a worker silent for this long are retried by another (leases are renewed while it lives)', String(DEFAULT_LEASE_MS / 1000))
    .option('--batch <n>', 'jobs taken at a time', '16')
    .option('--exit-when-idle', 'exit once the queue is empty and every finished job is clustered')
    .option('--threads <n>', THREADS_HELP)
    .action(async (opts: { db?: string; lease: string; batch: string; exitWhenIdle?: boolean; threads?: string }) => {
      if (!opts.db && !process.env.NEWSFUSE_DB) throw new UsageError('worker needs --db postgres://... (or NEWSFUSE_DB)');
      const leaseMs = positiveNumber(opts.lease, '--lease') * 1000;
      const batch = Math.floor(positiveNumber(opts.batch, '--batch'));
      const { openCatalog } = await import('../../store/index.js');
      const catalog = await openCatalog(opts.db, { threads: threadsOption(opts.threads) });
      const stop = new AbortController();
      const onSignal = (): void => stop.abort();
      process.once('SIGINT', onSignal);
      process.once('SIGTERM', onSignal);
      let jobs = 0;
      try {
        await catalog.runWorker({ leaseMs, batch, exitWhenIdle: opts.exitWhenIdle ?? false, signal: stop.signal, onBatch: (n) => (jobs += n),
          onError: (err) => process.stderr.write(`newsfuse worker: batch failed, its jobs will be retried: ${err instanceof Error ? err.message : String(err)}\n`),
        });
        const s = await catalog.status();
        process.stderr.write(`worker: ${jobs} jobs processed; queue: ${s.queued} queued, ${s.running} running, ${s.done} done, ${s.failed} failed, ${s.duplicate} duplicate\n`);
      } finally {
        process.off('SIGINT', onSignal);
        process.off('SIGTERM', onSignal);
        await catalog.close();
      }
    });
}

/** `newsfuse ingest`, `newsfuse stories`, `newsfuse worker`: the service side, over the store. */
export function registerStore(program: Command): void {
  registerIngest(program);
  registerStories(program);
  registerWorker(program);
}
