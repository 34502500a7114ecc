import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type cliProgress from 'cli-progress';
import type { InputProblem, RawDocument } from '../types.js';

/** Exit codes of every command: a brief/output was produced, nothing usable was given, the command line was wrong. */
export const EXIT_OK = 0;
export const EXIT_NOTHING_USABLE = 1;
export const EXIT_USAGE = 2;

/** A usage error commander did not catch (bad option value, contradictory flags). */
export class UsageError extends Error {}

/**
 * Set by a command that leaves nothing running once its action returns
 * (`extract`): the process may end then (main.ts runAndEnd), once its output
 * is written, without Node's orderly teardown of the JavaScript heap and its
 * threads (some 40 ms after a run over a folder of pages).
 */
let nothingLeftRunning = false;

export function nothingRunsAfterThisCommand(): void {
  nothingLeftRunning = true;
}

export function nothingLeftToRun(): boolean {
  return nothingLeftRunning;
}

/** One line per bad input, naming it, so batches can be grepped. */
export function reportProblem(problem: InputProblem): void {
  process.stderr.write(`newsfuse: ${problem.input}: ${problem.reason}\n`);
}

/** What the boundary dropped on the way in (a bad date), one line each, naming the input. */
export function reportWarnings(raw: Pick<RawDocument, 'origin' | 'warnings'>): void {
  for (const w of raw.warnings ?? []) process.stderr.write(`newsfuse: ${raw.origin}: warning: ${w}\n`);
}

/** The row that takes the place of an unusable input, so that output rows stay one per input row. */
export function errorRow(problem: InputProblem): { id: string | null; error: string; input: string } {
  return { id: problem.id ?? null, error: problem.reason, input: problem.input };
}

/** Writes to a file when asked, to stdout otherwise (with a final newline). */
export function emit(text: string, outFile?: string): void {
  const body = text.endsWith('\n') ? text : `${text}\n`;
  if (outFile) writeFileSync(outFile, body);
  else process.stdout.write(body);
}

export function parseFormat<T extends string>(value: string, allowed: readonly T[], option = '--format'): T {
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new UsageError(`${option} must be one of ${allowed.join(', ')} (got "${value}")`);
}

/**
 * A progress bar on stderr for long work, drawn only on a terminal and only
 * when the work is long enough to be worth watching.
 */
export function progressBar(label: string, unit: string, total: number, minTotal: number): cliProgress.SingleBar | undefined {
  if (!process.stderr.isTTY || total < minTotal) return undefined;
  const bars = loadProgress();
  const bar = new bars.SingleBar(
    { stream: process.stderr, format: `${label} [{bar}] {value}/{total} ${unit} {eta_formatted}`, clearOnComplete: true },
    bars.Presets.shades_classic,
  );
  bar.start(total, 0);
  return bar;
}

/** cli-progress, loaded only when a bar is drawn (a command that draws none starts without it). */
export function loadProgress(): typeof cliProgress {
  return createRequire(import.meta.url)('cli-progress') as typeof cliProgress;
}
