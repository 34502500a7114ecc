import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import type { Command } from 'commander';
import { arrivalOrder, OnlineClusterer, type ClusterItem } from '../../cluster/index.js';
import { ExtractError, extract } from '../../extract/index.js';
import { documentToRaw, isProblem, parseDocumentLine } from '../../ingest/document.js';
import { EXIT_NOTHING_USABLE, parseFormat, progressBar, reportProblem } from '../io.js';

/** Inputs shorter than this finish before a progress bar would be worth drawing. */
const PROGRESS_MIN_ROWS = 500;
const FORMATS = ['jsonl'] as const;

interface ClusterOptions {
  in: string;
  format: string;
}

/** `newsfuse cluster [--in FILE|-] [--format jsonl]`: Document rows in, `{"id","story"}` rows out in input order. */
export function registerCluster(program: Command): void {
  program
    .command('cluster')
    .description('assign each Document row (JSONL) to a story; writes {"id","story"} rows in input order')
    .option('--in <file>', 'JSONL file of Document rows, or - for stdin', '-')
    .option('--format <format>', `output format: ${FORMATS.join(', ')}`, 'jsonl')
    .action(async (opts: ClusterOptions) => {
      parseFormat(opts.format, FORMATS);
      const items = await readItems(opts.in);
      if (items.length === 0) {
        reportProblem({ input: inputName(opts.in), reason: 'no usable Document row' });
        process.exitCode = EXIT_NOTHING_USABLE;
        return;
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
      const out = items.map((item) => JSON.stringify({ id: item.id, story: clusterer.storyOf(item.id) })).join('\n');
      process.stdout.write(`${out}\n`);
    });
}

function inputName(input: string): string {
  return input === '-' ? 'stdin' : input;
}

/** Reads, validates and extracts every row; bad rows are reported by line number and skipped. */
async function readItems(input: string): Promise<ClusterItem[]> {
  const name = inputName(input);
  const stream = input === '-' ? process.stdin : createReadStream(input, { encoding: 'utf8' });
  const lines = createInterface({ input: stream, crlfDelay: Infinity });
  const items: ClusterItem[] = [];
  const seen = new Set<string>();
  let lineNo = 0;
  for await (const line of lines) {
    lineNo++;
    if (line.trim() === '') continue;
    const where = `${name}:${lineNo}`;
    const doc = parseDocumentLine(line, where);
    if (isProblem(doc)) {
      reportProblem(doc);
      continue;
    }
    if (seen.has(doc.id)) {
      reportProblem({ input: where, reason: `duplicate id "${doc.id}"` });
      continue;
    }
    try {
      const article = extract(documentToRaw(doc, where));
      seen.add(doc.id);
      items.push({ id: doc.id, title: article.title, text: article.text, publishedAt: article.publishedAt ?? doc.publishedAt });
    } catch (err) {
      if (!(err instanceof ExtractError)) throw err;
      reportProblem({ input: where, reason: err.message });
    }
  }
  return items;
}

