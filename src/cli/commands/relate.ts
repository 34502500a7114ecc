import type { Command } from 'commander';
import { analyze } from '../../analyze/index.js';
import { readInputs } from '../../ingest/files.js';
import { extractAll } from '../../pipeline.js';
import { relate } from '../../relate/index.js';
import type { Relations } from '../../types.js';
import { emit, EXIT_NOTHING_USABLE, parseFormat, reportProblem, UsageError } from '../io.js';

const FORMATS = ['jsonl', 'json'] as const;

interface RelateOptions {
  format: string;
}

/**
 * `newsfuse relate <file|dir>... [--format jsonl|json]`.
 * jsonl: one DerivationEdge per line, then one {"group", "members"} line per
 * independence group (singletons included). json: { edges, groups }.
 */
export function registerRelate(program: Command): void {
  program
    .command('relate')
    .description('derivation edges (copy, rewrite, translation, shared-origin) and independence groups of the inputs')
    .argument('<inputs...>', 'files or directories (.txt, .html, .html.gz, .json, .jsonl)')
    .option('-f, --format <format>', 'jsonl | json', 'jsonl')
    .action(async (inputs: string[], options: RelateOptions) => {
      const format = parseFormat(options.format, FORMATS);
      if (inputs.length === 0) throw new UsageError('relate needs at least one file or directory');
      const { docs, problems } = await readInputs(inputs);
      problems.forEach(reportProblem);
      const extracted = extractAll(docs);
      extracted.problems.forEach(reportProblem);
      if (extracted.articles.length === 0) {
        process.stderr.write('newsfuse: no usable article in the inputs\n');
        process.exitCode = EXIT_NOTHING_USABLE;
        return;
      }
      const relations = relate(extracted.articles.map((a) => analyze(a)));
      emit(format === 'json' ? JSON.stringify(relations, null, 2) : toJsonl(relations));
    });
}

export function toJsonl(r: Relations): string {
  const lines = r.edges.map((e) => JSON.stringify(e));
  for (const g of r.groups) lines.push(JSON.stringify({ group: g.id, members: g.members }));
  return lines.join('\n');
}
