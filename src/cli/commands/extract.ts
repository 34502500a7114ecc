import type { Command } from 'commander';
import { extract, ExtractError } from '../../extract/index.js';
import { readEach } from '../../ingest/files.js';
import type { Article, InputProblem, RawDocument } from '../../types.js';
import { emit, errorRow, EXIT_NOTHING_USABLE, parseFormat, reportProblem, reportWarnings, UsageError } from '../io.js';

const FORMATS = ['jsonl', 'json'] as const;

interface ExtractOptions {
  format: string;
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
    .action(async (inputs: string[], options: ExtractOptions) => {
      const format = parseFormat(options.format, FORMATS);
      if (inputs.length === 0) throw new UsageError('extract needs at least one file or URL');
      const rows: Row[] = [];
      let articles = 0;
      // jsonl rows go out as they come (memory holds one document); json needs them all for its array.
      const out = (row: Row): void => {
        if (format === 'json') rows.push(row);
        else process.stdout.write(`${JSON.stringify(row)}\n`);
      };
      for await (const item of documents(inputs)) {
        if ('reason' in item) {
          reportProblem(item);
          out(errorRow(item));
          continue;
        }
        reportWarnings(item);
        try {
          out(extract(item));
          articles++;
        } catch (err) {
          if (!(err instanceof ExtractError)) throw err;
          const problem = { input: item.origin, id: item.id, reason: err.message };
          reportProblem(problem);
          out(errorRow(problem));
        }
      }
      if (format === 'json') emit(JSON.stringify(rows, null, 2));
      if (articles === 0) {
        process.stderr.write('newsfuse: no usable article in the inputs\n');
        process.exitCode = EXIT_NOTHING_USABLE;
      }
    });
}

/** The documents of the inputs in order: files and folders as read, `-` from stdin, URLs fetched (the fetcher loaded only then). */
async function* documents(inputs: string[]): AsyncGenerator<RawDocument | InputProblem> {
  const seen = new Set<string>();
  let fetcher: import('../../ingest/sources.js').SourceReader | undefined;
  try {
    for (const input of inputs) {
      if (!/^https?:\/\//i.test(input)) {
        yield* readEach([input], {}, seen);
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
