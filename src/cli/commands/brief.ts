import path from 'node:path';
import type { Command } from 'commander';
import type { OutletDirectory } from '../../outlets/index.js';
import type { Brief, OutletRecord } from '../../types.js';
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
    .argument('[inputs...]', 'files, directories, globs or - for stdin (.txt, .html, .html.gz, .json, .jsonl)')
    .option('-f, --format <format>', 'md | json | html | csv (the claims) (default: from --out extension, else md)')
    .option('-o, --out <file>', 'write to a file instead of stdout (.md, .json, .html, .csv: the format follows)')
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
      if (stored?.outlets.length) {
        const { OutletDirectory } = await import('../../outlets/index.js');
        outlets ??= new OutletDirectory(stored.outlets);
      }
      if (brief === null) {
        process.exitCode = EXIT_NOTHING_USABLE;
        return;
      }
      emit(await render(brief, format, options.out === undefined && process.stdout.isTTY === true, outlets), options.out);
    });
}

/** --out extensions and the format each one means. */
const OUT_EXTENSIONS: Record<string, BriefFormat> = { '.md': 'md', '.markdown': 'md', '.txt': 'md', '.json': 'json', '.html': 'html', '.htm': 'html', '.csv': 'csv' };

function chooseFormat(options: BriefOptions): BriefFormat {
  if (options.format !== undefined) return parseFormat(options.format, FORMATS);
  return options.out === undefined ? 'md' : outFormat(options.out);
}

/** The format an --out file's extension names; an extension that names none is a usage error, not silent Markdown. */
function outFormat(out: string): BriefFormat {
  const ext = path.extname(out).toLowerCase();
  const format = OUT_EXTENSIONS[ext];
  if (format === undefined) {
    throw new UsageError(`--out ${out}: unknown extension "${ext || '(none)'}"; use one of ${Object.keys(OUT_EXTENSIONS).join(', ')} (or give --format)`);
  }
  return format;
}

async function briefOfInputs(inputs: string[]): Promise<Brief | null> {
  if (inputs.length === 0) throw new UsageError('brief needs at least one file, directory or glob (or --story ID)');
  const [{ readArticles }, { briefOf }] = await Promise.all([import('../articles.js'), import('../../pipeline.js')]);
  const articles = await readArticles(inputs);
  if (articles === null) return null;
  const bar = progressBar('analysing', 'articles', articles.length, PROGRESS_MIN_ARTICLES);
  let result;
  try {
    result = briefOf(articles, { onAnalyzed: (done) => bar?.update(done) });
  } finally {
    bar?.stop();
  }
  for (const a of result.analyzed) {
    if (a.analysedChars !== undefined) process.stderr.write(`newsfuse: ${a.article.id}: only the first ${a.analysedChars} of ${a.article.text.length} characters were read for claims\n`);
  }
  return result.brief;
}

async function storedBrief(storyId: string, db: string | undefined): Promise<{ brief: Brief | null; outlets: OutletRecord[] }> {
  const { openCatalog } = await import('../../store/index.js');
  const catalog = await openCatalog(db, { forReading: true });
  try {
    const brief = await catalog.getBrief(storyId);
    if (brief === null) process.stderr.write(`newsfuse: no story "${storyId}" in the store\n`);
    return { brief, outlets: await catalog.outlets() };
  } finally {
    await catalog.close();
  }
}

/** `toTerminal`: colour (unless NO_COLOR) and wrapping to the terminal's width. */
async function render(brief: Brief, format: BriefFormat, toTerminal: boolean, outlets: OutletDirectory | undefined): Promise<string> {
  const { renderClaimsCsv, renderHtml, renderJson, renderMarkdown } = await import('../../render/index.js');
  if (format === 'json') return renderJson(brief);
  if (format === 'html') return renderHtml(brief, { outlets });
  if (format === 'csv') return renderClaimsCsv(brief, { outlets });
  if (!toTerminal) return renderMarkdown(brief, { outlets });
  return renderMarkdown(brief, { color: process.env.NO_COLOR === undefined, width: process.stdout.columns, outlets });
}
