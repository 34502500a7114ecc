import type { Command } from 'commander';
import { briefOf } from '../../pipeline.js';
import { OutletDirectory } from '../../outlets/index.js';
import { renderClaimsCsv, renderHtml, renderJson, renderMarkdown } from '../../render/index.js';
import type { Brief, OutletRecord } from '../../types.js';
import { readArticles } from '../articles.js';
import { emit, EXIT_NOTHING_USABLE, parseFormat, progressBar, UsageError } from '../io.js';
import { OUTLETS_HELP, outletsOption } from '../outlets.js';

const FORMATS = ['md', 'json', 'html', 'csv'] as const;
/** Smaller stories are briefed in about a second: no bar. */
const PROGRESS_MIN_ARTICLES = 50;
type BriefFormat = (typeof FORMATS)[number];

interface BriefOptions {
  format?: string;
  out?: string;
  story?: string;
  db?: string;
  outlets?: string;
}

export function registerBrief(program: Command): void {
  program
    .command('brief')
    .description('the cross-checked brief of the inputs taken as one story (or of a stored story with --story)')
    .argument('[inputs...]', 'files, directories or globs (.txt, .html, .html.gz, .json, .jsonl)')
    .option('-f, --format <format>', 'md | json | html | csv (the claims) (default: from --out extension, else md)')
    .option('-o, --out <file>', 'write to a file instead of stdout')
    .option('--story <id>', 'a stored story instead of inputs (see `newsfuse stories`)')
    .option('--db <url>', 'store for --story: SQLite path or postgres:// URL (default ./newsfuse.db or NEWSFUSE_DB)')
    .option('--outlets <file>', OUTLETS_HELP)
    .action(async (inputs: string[], options: BriefOptions) => {
      const format = chooseFormat(options);
      let outlets = outletsOption(options.outlets);
      if (options.story !== undefined && inputs.length > 0) throw new UsageError('give either inputs or --story, not both');
      const stored = options.story !== undefined ? await storedBrief(options.story, options.db) : undefined;
      const brief = stored ? stored.brief : await briefOfInputs(inputs);
      // A stored story uses the outlets stored with it, unless a file is given.
      if (stored?.outlets.length) outlets ??= new OutletDirectory(stored.outlets);
      if (brief === null) {
        process.exitCode = EXIT_NOTHING_USABLE;
        return;
      }
      emit(render(brief, format, options.out === undefined && process.stdout.isTTY === true, outlets), options.out);
    });
}

function chooseFormat(options: BriefOptions): BriefFormat {
  if (options.format !== undefined) return parseFormat(options.format, FORMATS);
  const ext = options.out?.toLowerCase().match(/\.(md|markdown|json|html?|csv)$/)?.[1];
  if (ext === 'json') return 'json';
  if (ext === 'csv') return 'csv';
  if (ext === 'html' || ext === 'htm') return 'html';
  return 'md';
}

async function briefOfInputs(inputs: string[]): Promise<Brief | null> {
  if (inputs.length === 0) throw new UsageError('brief needs at least one file, directory or glob (or --story ID)');
  const articles = await readArticles(inputs);
  if (articles === null) return null;
  const bar = progressBar('analysing', 'articles', articles.length, PROGRESS_MIN_ARTICLES);
  try {
    return briefOf(articles, { onAnalyzed: (done) => bar?.update(done) }).brief;
  } finally {
    bar?.stop();
  }
}

async function storedBrief(storyId: string, db: string | undefined): Promise<{ brief: Brief | null; outlets: OutletRecord[] }> {
  const { openCatalog } = await import('../../store/index.js');
  const catalog = await openCatalog(db);
  try {
    const brief = await catalog.getBrief(storyId);
    if (brief === null) process.stderr.write(`newsfuse: no story "${storyId}" in the store\n`);
    return { brief, outlets: await catalog.outlets() };
  } finally {
    await catalog.close();
  }
}

/** `toTerminal`: colour (unless NO_COLOR) and wrapping to the terminal's width. */
function render(brief: Brief, format: BriefFormat, toTerminal: boolean, outlets: OutletDirectory | undefined): string {
  if (format === 'json') return renderJson(brief);
  if (format === 'html') return renderHtml(brief, { outlets });
  if (format === 'csv') return renderClaimsCsv(brief, { outlets });
  if (!toTerminal) return renderMarkdown(brief, { outlets });
  return renderMarkdown(brief, { color: process.env.NO_COLOR === undefined, width: process.stdout.columns, outlets });
}
