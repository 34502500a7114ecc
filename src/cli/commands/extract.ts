import type { Command } from 'commander';
import { extract, ExtractError } from '../../extract/index.js';
import { decodeBytes } from '../../ingest/decode.js';
import { sha256Hex } from '../../ingest/document.js';
import { canonicalUrl, Fetcher } from '../../ingest/fetch.js';
import { readInputs } from '../../ingest/files.js';
import { urlId } from '../../ingest/url-id.js';
import type { Article, InputProblem, RawDocument } from '../../types.js';
import { emit, EXIT_NOTHING_USABLE, parseFormat, reportProblem, UsageError } from '../io.js';

const FORMATS = ['jsonl', 'json'] as const;

interface ExtractOptions {
  format: string;
}

/**
 * `newsfuse extract <file|url>... [--format jsonl|json]`: one Article per
 * input document, in input order (a directory yields its files in sorted
 * order). Bad inputs get a one-line error and the rest go on; the exit code
 * is 0 when at least one article came out, 1 when none did.
 */
export function registerExtract(program: Command): void {
  program
    .command('extract')
    .description('the article (title, byline, date, language, attribution, body) of each input')
    .argument('<inputs...>', 'files, directories or http(s) URLs (.html, .html.gz, .htm, .txt, .json, .jsonl)')
    .option('-f, --format <format>', 'jsonl | json', 'jsonl')
    .action(async (inputs: string[], options: ExtractOptions) => {
      const format = parseFormat(options.format, FORMATS);
      if (inputs.length === 0) throw new UsageError('extract needs at least one file or URL');
      const articles: Article[] = [];
      const problems: InputProblem[] = [];
      let fetcher: Fetcher | undefined;
      try {
        for (const input of inputs) {
          let docs: RawDocument[];
          if (/^https?:\/\//i.test(input)) {
            fetcher ??= new Fetcher();
            const doc = await fetchRaw(fetcher, input).catch((err: unknown) => {
              problems.push({ input, reason: err instanceof Error ? err.message : String(err) });
              return undefined;
            });
            docs = doc ? [doc] : [];
          } else {
            const read = await readInputs([input]);
            problems.push(...read.problems);
            docs = read.docs;
          }
          for (const raw of docs) {
            try {
              articles.push(extract(raw));
            } catch (err) {
              if (!(err instanceof ExtractError)) throw err;
              problems.push({ input: raw.origin, reason: err.message });
            }
          }
          problems.splice(0).forEach(reportProblem);
        }
      } finally {
        await fetcher?.close();
      }
      if (articles.length === 0) {
        process.stderr.write('newsfuse: no usable article in the inputs\n');
        process.exitCode = EXIT_NOTHING_USABLE;
        return;
      }
      emit(format === 'json' ? JSON.stringify(articles, null, 2) : articles.map((a) => JSON.stringify(a)).join('\n'));
    });
}

async function fetchRaw(fetcher: Fetcher, url: string): Promise<RawDocument> {
  const got = await fetcher.fetch(url);
  const body = got.body ?? new Uint8Array();
  const format = /^text\/plain/.test(got.contentType) ? 'text' : 'html';
  const content = decodeBytes(body, { declaredCharset: got.charset, format });
  return {
    id: urlId(canonicalUrl(got.url)),
    origin: url,
    format,
    content,
    url: got.url,
    declaredCharset: got.charset,
    contentHash: sha256Hex(body),
  };
}
