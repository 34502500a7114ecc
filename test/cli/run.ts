import { spawnSync } from 'node:child_process';
import { Command } from 'commander';

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the built CLI as a user would, from the project root. */
export function newsfuse(args: string[], env: Record<string, string> = {}): CliResult {
  const r = spawnSync(process.execPath, ['bin/newsfuse', ...args], {
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', ...env },
    maxBuffer: 64 * 2 ** 20,
  });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

/**
 * Runs one command in process (faster than a child process, and it sees the
 * source under test directly): registers it on a fresh program, captures
 * stdout and stderr, and returns the exit code the command set.
 */
export async function runInProcess(register: (program: Command) => void, args: string[]): Promise<CliResult> {
  const program = new Command('newsfuse').exitOverride();
  register(program);
  let stdout = '';
  let stderr = '';
  const write = process.stdout.write.bind(process.stdout);
  const writeErr = process.stderr.write.bind(process.stderr);
  const saved = process.exitCode;
  process.exitCode = undefined;
  // Commands write strings; the test runner's own reports (binary, written while a command awaits) pass through.
  process.stdout.write = ((chunk: string | Uint8Array, ...rest: never[]) => (typeof chunk === 'string' ? ((stdout += chunk), true) : write(chunk, ...rest))) as typeof process.stdout.write;
  process.stderr.write = ((chunk: string | Uint8Array, ...rest: never[]) => (typeof chunk === 'string' ? ((stderr += chunk), true) : writeErr(chunk, ...rest))) as typeof process.stderr.write;
  try {
    await program.parseAsync(['node', 'newsfuse', ...args]);
  } finally {
    process.stdout.write = write;
    process.stderr.write = writeErr;
  }
  const code = typeof process.exitCode === 'number' ? process.exitCode : 0;
  process.exitCode = saved;
  return { code, stdout, stderr };
}
