import { SqlCatalog } from './store.js';
import { openPostgres, openSqlite } from './sql.js';

export type { ArticleView, Catalog, SearchResult } from './catalog.js';
export { SqlCatalog } from './store.js';
export { DEFAULT_LEASE_MS } from './lease.js';
export type { IngestOptions, IngestProgress, QueueStatus, WorkerOptions } from './store.js';

/** The default store: a SQLite file in the working directory. */
export const DEFAULT_DB = './newsfuse.db';

export interface OpenOptions {
  /** Skip the migrations (read-only use of an up-to-date store). */
  migrate?: boolean;
  /** Worker threads for extraction, analysis and relate's profiles (default NEWSFUSE_THREADS, else one per core, at most 4, none on one core; 0: none). */
  threads?: number;
}

export function isPostgresUrl(url: string): boolean {
  return /^postgres(ql)?:\/\//i.test(url);
}

/** The store named by `url`, else NEWSFUSE_DB, else ./newsfuse.db; a postgres:// URL selects PostgreSQL, anything else is a SQLite file (or `:memory:`). */
export function resolveDbUrl(url?: string): string {
  return url ?? process.env.NEWSFUSE_DB ?? DEFAULT_DB;
}

export async function openCatalog(url?: string, options: OpenOptions = {}): Promise<SqlCatalog> {
  const target = resolveDbUrl(url);
  const engine = isPostgresUrl(target) ? openPostgres(target) : openSqlite(target.replace(/^sqlite:(\/\/)?/i, ''));
  const catalog = new SqlCatalog(engine, { threads: options.threads });
  if (options.migrate === false) return catalog;
  try {
    return await catalog.init();
  } catch (err) {
    await engine.close().catch(() => undefined);
    throw err;
  }
}
