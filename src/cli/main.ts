import { readFileSync } from 'node:fs';
import { Command, CommanderError } from 'commander';
import { EXIT_USAGE, nothingLeftToRun, UsageError } from './io.js';
import { registerBrief } from './commands/brief.js';
import { registerExtract } from './commands/extract.js';
import { registerRelate } from './commands/relate.js';
import { registerCluster } from './commands/cluster.js';
import { registerStore } from './commands/store.js';
import { registerServe } from './commands/serve.js';

function packageVersion(): string {
  const pkg = JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
}

/**
 * Help is wrapped at 80 columns at most (commander's width when the output is no terminal, and the width of the
 * help the build writes for bin/newsfuse to print without loading the CLI: scripts/build-cli.mjs). A terminal at
 * least that wide gets the same text either way; a narrower one gets it wrapped to its width.
 */
export const HELP_WIDTH = 80;

export function helpWidth(stream: Pick<NodeJS.WriteStream, 'isTTY' | 'columns'>): number {
  return Math.min(stream.isTTY ? stream.columns || HELP_WIDTH : HELP_WIDTH, HELP_WIDTH);
}

export function buildProgram(): Command {
  const program = new Command('newsfuse')
    .description('Many news reports, one cross-checked story.')
    .version(packageVersion(), '-V, --version')
    .showHelpAfterError('(run `newsfuse --help` for usage)')
    .configureOutput({ getOutHelpWidth: () => helpWidth(process.stdout), getErrHelpWidth: () => helpWidth(process.stderr) })
    .exitOverride();
  for (const register of [registerBrief, registerExtract, registerRelate, registerCluster, registerStore, registerServe]) {
    register(program);
  }
  return program;
}

/** Runs the CLI and returns the exit code (commands set process.exitCode for partial failures). */
export async function run(argv: string[]): Promise<number> {
  // `newsfuse extract … | head`: a reader that stops early is not an error.
  process.stdout.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code !== 'EPIPE') throw err;
    process.exit(typeof process.exitCode === 'number' ? process.exitCode : 0);
  });
  const program = buildProgram();
  try {
    await program.parseAsync(argv);
    return typeof process.exitCode === 'number' ? process.exitCode : 0;
  } catch (err) {
    if (err instanceof CommanderError) {
      if (err.code === 'commander.helpDisplayed' || err.code === 'commander.version' || err.code === 'commander.help') return 0;
      return EXIT_USAGE;
    }
    if (err instanceof UsageError) {
      process.stderr.write(`newsfuse: ${err.message}\n`);
      return EXIT_USAGE;
    }
    process.stderr.write(`newsfuse: ${err instanceof Error ? err.message : String(err)}\n`);
    return 1;
  }
}

/**
 * bin/newsfuse's run: the CLI, its exit code set. A command with nothing left
 * running after it (io.ts nothingRunsAfterThisCommand) ends the process as soon
 * as its output is written: a natural exit would first wait for the compiler
 * jobs still in flight and give back the heap page by page.
 */
export async function runAndEnd(argv: string[]): Promise<void> {
  const code = await run(argv);
  process.exitCode = code;
  if (!nothingLeftToRun()) return;
  await Promise.all([written(process.stdout), written(process.stderr)]);
  process.exit(code);
}

/** Resolves once everything written to `stream` so far is out (or the stream failed): its writes complete in order. */
function written(stream: NodeJS.WritableStream): Promise<void> {
  return new Promise((resolve) => stream.write('', () => resolve()));
}
