import type { Command } from 'commander';
import type { Relations } from '../../types.js';
import { emit, parseFormat, UsageError } from '../io.js';

const FORMATS = ['jsonl', 'json'] as const;

interface RelateOptions {
  format: string;
}

/**
 * `newsfuse relate <file|dir|->... [--format jsonl|json]`.
 * jsonl: one `{"type":"edge", …DerivationEdge}` line per edge, then one
 * `{"type":"group","group","members"}` line per independence group
 * (singletons included). json: { edges, groups }.
 */
export function registerRelate(program: Command): void {
  program
    .command('relate')
    .description('derivation edges (copy, rewrite, translation, shared-origin) and independence groups of the inputs')
    .argument('<inputs...>', 'files, directories or - for stdin (.txt, .html, .html.gz, .json, .jsonl)')
    .option('-f, --format <format>', 'jsonl | json', 'jsonl')
    .action(async (inputs: string[], options: RelateOptions) => {
      const format = parseFormat(options.format, FORMATS);
      if (inputs.length === 0) throw new UsageError('relate needs at least one file or directory');
      const [{ readArticles }, { analyze }, { relate }] = await Promise.all([import('../articles.js'), import('../../analyze/index.js'), import('../../relate/index.js')]);
      const articles = await readArticles(inputs);
      if (articles === null) return;
      const relations = relate(articles.map((a) => analyze(a)));
      emit(format === 'json' ? JSON.stringify(relations, null, 2) : toJsonl(relations));
    });
}

/** Each row says what it is, so that a reader need not guess from its keys. */
export function toJsonl(r: Relations): string {
  const lines = r.edges.map((e) => JSON.stringify({ type: 'edge', ...e }));
  for (const g of r.groups) lines.push(JSON.stringify({ type: 'group', group: g.id, members: g.members }));
  return lines.join('\n');
}
