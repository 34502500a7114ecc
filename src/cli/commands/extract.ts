import { statSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import type { Command } from 'commander';
import type { Article, InputProblem, RawDocument } from '../../types.js';
import type { ReadDocument } from '../read-ahead.js';
import { emit, errorRow, EXIT_NOTHING_USABLE, nothingRunsAfterThisCommand, parseFormat, reportProblem, reportWarnings, UsageError } from '../io.js';
import { holdYoungGeneration } from '../young-generation.js';

const FORMATS = ['jsonl', 'json'] as const;

interface ExtractOptions {
  format: string;
  threads?: string;
}

type Row = Article | ReturnType<typeof errorRow>;

/**
 * `newsfuse extract <file|url|->... [--format jsonl|json]`: one row per input
 * document, in input order (a directory yields its files in sorted order): its
 * Article, or `{"id","error"}` with a stderr line naming it when it could not
 * be read. The exit code is 0 when at least one article came out, 1 when none did.
 */
export function registerExtract(program: Command): void {
  program
    .command('extract')
    .description('the article (title, byline, date, language, attribution, body) of each input')
    .argument('<inputs...>', 'files, directories, http(s) URLs or - for stdin (.html, .html.gz, .htm, .txt, .json, .jsonl)')
    .option('-f, --format <format>', 'jsonl | json', 'jsonl')
    .option('--threads <n>', 'worker threads for the extraction of many inputs, from 0 (the default) to 4')
    .action(async (inputs: string[], options: ExtractOptions) => {
      const afterDocument = await tuneV8();
      const format = parseFormat(options.format, FORMATS);
      if (inputs.length === 0) throw new UsageError('extract needs at least one file or URL');
      const threads = threadCount(options.threads);
      const rows: Row[] = [];
      let articles = 0;
      // jsonl rows go out as they come (memory holds a few documents); json needs them all for its array.
      const write = (row: Row): void => {
        if ('error' in row) {
          reportProblem({ input: row.input, reason: row.error });
        } else articles++;
        if (format === 'json') rows.push(row);
        else process.stdout.write(`${JSON.stringify(row)}\n`);
      };
      // Many local inputs are read on a thread of their own (read-ahead.ts), unless extraction threads were asked for;
      // it starts first, to read while the extractor loads.
      const read = threads === undefined || threads === 0 ? await readAheadOf(inputs) : undefined;
      const extractor = await Extractor.start(threads);
      // Rows in input order: each document's row is a promise, written once every row before it is.
      const pending: Promise<Row>[] = [];
      try {
        for await (const item of read ?? documents(inputs)) {
          if ('reason' in item) pending.push(Promise.resolve(errorRow(item)));
          else {
            reportWarnings(item);
            pending.push(extractor.row(item));
            afterDocument();
          }
          while (pending.length > extractor.inFlight) write(await pending.shift()!);
        }
        for (const row of pending.splice(0)) write(await row);
      } finally {
        await extractor.close();
      }
      if (format === 'json') emit(JSON.stringify(rows, null, 2));
      if (articles === 0) {
        process.stderr.write('newsfuse: no usable article in the inputs\n');
        process.exitCode = EXIT_NOTHING_USABLE;
      }
      // Every row is out and the threads are closed.
      nothingRunsAfterThisCommand();
    });
}

/** Four times V8's default (132 KiB of bytecode). */
const INTERRUPT_BUDGET = 4 * 135_168;

/**
 * V8 optimises a function once it has run a budget of bytecode (132 KiB by
 * default, set for web pages). Over a folder of pages the extractor's
 * functions cross that budget within the first pages, before their type
 * feedback has settled, and many are optimised, thrown away and optimised
 * again: on the 102 dev pages 0.4 s of compiler threads' CPU for one second
 * of work. Twice the budget halved that, with no slower main thread; on two
 * cores the compiler's threads and the reading thread share the second one.
 * Four times it (with the young generation held small) took another ~65 ms
 * of CPU off the process and 23-69 ms off its median wall time (two sets of
 * 20 interleaved runs; 8 times did no better).
 */
async function tuneV8(): Promise<() => void> {
  // Loaded here, not at the top: node:v8 costs `newsfuse --help` some 3 ms.
  const v8 = await import('node:v8');
  v8.setFlagsFromString(`--interrupt-budget=${INTERRUPT_BUDGET}`);
  // And a small young generation while the run is short (young-generation.ts): the function to call after each document.
  return holdYoungGeneration(v8);
}

function threadCount(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value.trim()) || Number(value) > 4) throw new UsageError(`--threads must be a whole number from 0 to 4 (got "${value}")`);
  return Number(value);
}

/** Documents read ahead of the first one not yet written, per thread: enough to keep every thread busy. */
const AHEAD_PER_THREAD = 4;
/** The first documents are extracted here: a handful of inputs finishes before threads would have loaded. */
const LOCAL_FIRST = 8;

/** Extraction here, or on threads once the inputs prove many. */
class Extractor {
  private threads: import('../extract-threads.js').ExtractThreads | undefined;
  private seen = 0;

  private constructor(
    private readonly size: number,
    private readonly extract: typeof import('../../extract/index.js'),
  ) {}

  /**
   * No threads unless asked: each thread warms its own copy of the extractor
   * up from cold, which costs more than it saves below a few hundred pages
   * (the 102 dev pages: 0.75 s of CPU in one thread, 1.3 s with two).
   */
  static async start(threads: number | undefined): Promise<Extractor> {
    return new Extractor(threads ?? 0, await import('../../extract/index.js'));
  }

  /** Rows that may wait for their turn to be written. */
  get inFlight(): number {
    return this.threads ? this.size * AHEAD_PER_THREAD : 0;
  }

  async row(raw: RawDocument | ReadDocument): Promise<Row> {
    if (++this.seen > LOCAL_FIRST && this.size > 0) {
      const { ExtractThreads } = await import('../extract-threads.js');
      this.threads ??= new ExtractThreads(this.size);
    }
    if ('body' in raw) return this.here(raw);
    if (!this.threads) return this.here(raw);
    const reply = await this.threads.submit(raw);
    if ('article' in reply) return reply.article;
    if ('refused' in reply) return errorRow({ input: raw.origin, id: raw.id, reason: reply.refused });
    throw new Error(`${raw.origin}: ${reply.crashed}`);
  }

  private here(raw: RawDocument | ReadDocument): Row {
    try {
      return 'body' in raw ? this.extract.extractPrepared(raw) : this.extract.extract(raw);
    } catch (err) {
      if (!(err instanceof this.extract.ExtractError)) throw err;
      return errorRow({ input: raw.origin, id: raw.id, reason: err.message });
    }
  }

  async close(): Promise<void> {
    await this.threads?.close();
  }
}

/** Inputs from this many on are many: worth a reading thread (its start costs about what reading two pages does). */
const READ_THREAD_FROM = 8;
/**
 * A reading thread costs CPU of its own (starting, a copy of the reading code
 * warming up, the documents cloned across): on the 102 dev pages 1.16 s of
 * CPU against 0.94 s without it. With a core to spare that buys wall time
 * (fastest runs 0.75 s against 0.83 s); on cores already busy it only adds
 * work (median 1.22 s against 1.04 s at load ~3). So it starts only while the
 * load (the 1-minute average of runnable processes, which counts the runs of
 * a script calling newsfuse one after another too) is at most one per core.
 */
function coreToSpare(): boolean {
  return loadavg()[0] <= availableParallelism();
}

/**
 * The documents of many local inputs (a folder, a glob, many files) read on a
 * thread (read-ahead.ts) when a core is spare; undefined for a few files,
 * standard input or URLs, or on a busy machine: those are read here.
 */
async function readAheadOf(inputs: string[]): Promise<AsyncGenerator<RawDocument | ReadDocument | InputProblem> | undefined> {
  if (inputs.some((input) => input === '-' || /^https?:\/\//i.test(input))) return undefined;
  if (inputs.length < READ_THREAD_FROM && inputs.every((input) => statSync(input, { throwIfNoEntry: false })?.isFile() === true)) return undefined;
  if (!coreToSpare()) return undefined;
  const { readAhead } = await import('../read-ahead.js');
  return readAhead(inputs);
}

/** The documents of the inputs in order: files and folders as read, `-` from stdin, URLs fetched (the fetcher loaded only then). */
async function* documents(inputs: string[]): AsyncGenerator<RawDocument | ReadDocument | InputProblem> {
  const [{ readEach }, { preparePage }] = await Promise.all([import('../../ingest/files.js'), import('../../extract/prepare.js')]);
  const seen = new Set<string>();
  let fetcher: import('../../ingest/sources.js').SourceReader | undefined;
  try {
    for (const input of inputs) {
      if (!/^https?:\/\//i.test(input)) {
        yield* readEach([input], {}, seen, preparePage);
        continue;
      }
      const { SourceReader } = await import('../../ingest/sources.js');
      fetcher ??= new SourceReader();
      const batch = await fetcher.readPage(input);
      yield* batch.problems;
      yield* batch.docs;
    }
  } finally {
    await fetcher?.close();
  }
}
