import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import { OutletDirectory, parseOutlets } from '../outlets/index.js';
import type { OutletRecord } from '../types.js';
import { UsageError } from './io.js';

/** Largest outlets file read: a list of outlets, not a data dump. */
const MAX_OUTLETS_FILE_BYTES = 64 * 2 ** 20;

/**
 * `--outlets FILE` (ingest, serve, brief): the user's outlet metadata, CSV or
 * JSON by extension. Rows it cannot use are reported on stderr; a file that
 * cannot be read, or yields no outlet at all, is a usage error.
 */
export function readOutletsFile(path: string): OutletRecord[] {
  let content: string;
  try {
    const buf = readFileSync(path);
    if (buf.length > MAX_OUTLETS_FILE_BYTES) throw new UsageError(`--outlets ${path}: larger than ${MAX_OUTLETS_FILE_BYTES} bytes`);
    content = buf.toString('utf8');
  } catch (err) {
    if (err instanceof UsageError) throw err;
    throw new UsageError(`--outlets ${path}: ${(err as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (err as Error).message}`);
  }
  const { outlets, problems } = parseOutlets(content, extname(path).toLowerCase() === '.json' ? 'json' : 'csv');
  for (const p of problems) process.stderr.write(`newsfuse: ${path}: ${p}\n`);
  if (outlets.length === 0) throw new UsageError(`--outlets ${path}: no outlet in it (CSV with a "domain" column, or JSON)`);
  return outlets;
}

export function outletsOption(path: string | undefined): OutletDirectory | undefined {
  return path === undefined ? undefined : new OutletDirectory(readOutletsFile(path));
}

export const OUTLETS_HELP = 'CSV or JSON of outlets (domain, name, country, owner, kind, any columns): see docs/server.md';
