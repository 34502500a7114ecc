import { spawnSync } from 'node:child_process';

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
