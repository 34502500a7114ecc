import { createReadStream } from 'node:fs';
import type { Command } from 'commander';
import type { ClusterItem } from '../../cluster/index.js';
import type { InputProblem } from '../../types.js';
import { errorRow, EXIT_NOTHING_USABLE, parseFormat, progressBar, reportProblem, reportWarnings, UsageError } from '../io.js';

/** Inputs shorter than this finish before a progress bar would be worth drawing. */
const PROGRESS_MIN_ROWS = 500;
const FORMATS = ['jsonl'] as const;

interface ClusterOptions {
  in?: string;
  format: string;
}

/** One output row per input row: an article to cluster, or the reason it could not be. */
type Row = { item: ClusterItem } | { problem: InputProblem };

/** `newsfuse cluster [FILE|-] [--in FILE|-] [--format jsonl]`: Document rows in, `{"id","story"}` rows out in input order. */
export function registerCluster(program: Command): void {
  program
    .command('cluster')
    .description('assign each Document row (JSONL) to a story; writes {"id","story"} rows in input order ({"id","error"} for a row that cannot be used)')
    .argument('[file]', 'JSONL file of Document rows, or - for stdin (the default)')
    .option('--in <file>', 'the same as the FILE argument')
    .option('--format <format>', `output format: ${FORMATS.join(', ')}`, 'jsonl')
    .action(async (file: string | undefined, opts: ClusterOptions) => {
      parseFormat(opts.format, FORMATS);
      if (file !== undefined && opts.in !== undefined && file !== opts.in) throw new UsageError('give the input either as FILE or as --in, not both');
      const input = file ?? opts.in ?? STDIN;
      const { arrivalOrder, OnlineClusterer } = await import('../../cluster/index.js');
      const rows = await readRows(input);
      const items = rows.flatMap((r) => ('item' in r ? [r.item] : []));
      if (items.length === 0) {
        if (rows.length === 0) reportProblem({ input: inputName(input), reason: 'no Document rows' });
        process.stderr.write('newsfuse: no usable Document row\n');
        process.exitCode = EXIT_NOTHING_USABLE;
      }
      const clusterer = new OnlineClusterer();
      const bar = progressBar('clustering', 'articles', items.length, PROGRESS_MIN_ROWS);
      for (const i of arrivalOrder(items)) {
        clusterer.add(items[i]!);
        bar?.increment();
      }
      bar?.stop();
      // The input is a complete batch: stories still growing at its end may settle with each other now.
      clusterer.settle();
      for (const row of rows) {
        const out = 'item' in row ? { id: row.item.id, story: clusterer.storyOf(row.item.id) } : errorRow(row.problem);
        process.stdout.write(`${JSON.stringify(out)}\n`);
      }
    });
}

/** The name that stands for standard input (files.ts's STDIN, not imported so that --help loads nothing). */
const STDIN = '-';

function inputName(input: string): string {
  return input === STDIN ? 'stdin' : input;
}

/** Reads, validates and extracts every row, in order; a bad row is reported by its line number and kept as a problem. */
async function readRows(input: string): Promise<Row[]> {
  const [{ ExtractError, extract }, { isProblem }, { DEFAULT_READ_LIMITS }, { jsonLinesOf }] = await Promise.all([
    import('../../extract/index.js'),
    import('../../ingest/document.js'),
    import('../../ingest/files.js'),
    import('../../ingest/stdin.js'),
  ]);
  const name = inputName(input);
  const stream = input === STDIN ? process.stdin : createReadStream(input);
  const rows: Row[] = [];
  const seen = new Set<string>();
  const refuse = (problem: InputProblem): void => {
    reportProblem(problem);
    rows.push({ problem });
  };
  try {
    for await (const raw of jsonLinesOf(stream, DEFAULT_READ_LIMITS.maxBytes, name)) {
      if (isProblem(raw)) {
        // A problem of the whole input (unreadable, binary, empty) is no row.
        if (raw.input === name) reportProblem(raw);
        else refuse(raw);
        continue;
      }
      reportWarnings(raw);
      if (seen.has(raw.id)) {
        refuse({ input: raw.origin, id: raw.id, reason: `duplicate id "${raw.id}"` });
        continue;
      }
      seen.add(raw.id);
      try {
        const article = extract(raw);
        rows.push({ item: { id: raw.id, title: article.title, text: article.text, publishedAt: article.publishedAt } });
      } catch (err) {
        if (!(err instanceof ExtractError)) throw err;
        refuse({ input: raw.origin, id: raw.id, reason: err.message });
      }
    }
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === undefined) throw err;
    reportProblem({ input: name, reason: code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'a directory, not a JSONL file' : `cannot read: ${code}` });
  }
  return rows;
}
