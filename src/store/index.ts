import { MIGRATIONS } from './migrations.js';
import { SqlCatalog } from './store.js';
import { canWriteSqlite, openPostgres, openSqlite, StoreError, type SqlEngine } from './sql.js';

export type { ArticleView, Catalog, SearchResult } from './catalog.js';
export { SqlCatalog } from './store.js';
export { DEFAULT_LEASE_MS } from './lease.js';
export { StoreError } from './sql.js';
export type { IngestOptions, IngestProgress, QueueStatus, WorkerOptions } from './store.js';

/** The default store: a SQLite file in the working directory. */
export const DEFAULT_DB = './newsfuse.db';

export interface OpenOptions {
  /** Skip the migrations (read-only use of an up-to-date store). */
  migrate?: boolean;
  /** Worker threads for extraction, analysis and relate's profiles (default NEWSFUSE_THREADS, else one per core, at most 4, none on one core; 0: none). */
  threads?: number;
  /**
   * A reading command (`stories`, `brief --story`, `serve`): a SQLite store
   * that cannot be written (a read-only file or mount) is opened read-only,
   * its briefs built but not cached, instead of being refused.
   */
  forReading?: boolean;
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
  if (isPostgresUrl(target)) return ready(openPostgres(target), options);
  const file = target.replace(/^sqlite:(\/\/)?/i, '');
  const readOnly = options.forReading === true && !canWriteSqlite(file);
  try {
    return await ready(openSqlite(file, { readOnly }), options);
  } catch (err) {
    // A folder that cannot take the WAL files shows itself only when SQLite tries: a reading command then reads what is there.
    const cannotWrite = err instanceof StoreError && /^SQLITE_(READONLY|CANTOPEN)/.test(err.code ?? '');
    if (readOnly || !options.forReading || !cannotWrite) throw err;
    return ready(openSqlite(file, { readOnly: true }), options);
  }
}

/** The catalog over an open engine, migrated (or, read-only, checked to need no migration). */
async function ready(engine: SqlEngine, options: OpenOptions): Promise<SqlCatalog> {
  const catalog = new SqlCatalog(engine, { threads: options.threads });
  try {
    if (engine.readOnly) await assertCurrentSchema(engine);
    else if (options.migrate !== false) await catalog.init();
    return catalog;
  } catch (err) {
    await engine.close().catch(() => undefined);
    throw err;
  }
}

async function assertCurrentSchema(engine: SqlEngine): Promise<void> {
  const latest = MIGRATIONS[MIGRATIONS.length - 1]!.version;
  let version = 0;
  try {
    version = Number((await engine.all<{ v: number | null }>(`SELECT MAX(version) AS v FROM schema_migrations`))[0]?.v ?? 0);
  } catch {
    // no schema_migrations table: not a newsfuse store, or an empty file
  }
  if (version < latest) {
    throw new StoreError(`store ${engine.label}: opened read-only, but ${version === 0 ? 'it is not a newsfuse store' : `its schema (version ${version}) needs upgrading to ${latest}`}; open it once with a command that writes (newsfuse ingest) where it can be written`, 'NEWSFUSE_SCHEMA', true);
  }
}
