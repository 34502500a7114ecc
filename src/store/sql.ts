import { closeSync, openSync, readFileSync, statSync } from 'node:fs';
import type Database from 'better-sqlite3';
import type pg from 'pg';
import { createRequire } from 'node:module';

/** The drivers, loaded when a store of their kind is opened (the other one never is). */
const load = createRequire(import.meta.url);

/** A value that can be bound to a statement parameter in both engines. */
/** Buffers are binary columns: a BLOB in SQLite, BYTEA in PostgreSQL. */
export type SqlValue = string | number | Buffer | null | undefined;

/**
 * The little SQL both engines share. Statements are written once with `$1`
 * placeholders (PostgreSQL's style); the SQLite engine rewrites them. Only
 * portable SQL is used outside this file (ON CONFLICT, RETURNING, CAST).
 */
export interface SqlRunner {
  readonly kind: 'sqlite' | 'postgres';
  all<T>(sql: string, params?: SqlValue[]): Promise<T[]>;
  /** Returns the number of rows changed. */
  run(sql: string, params?: SqlValue[]): Promise<number>;
}

export type LockName = 'sequence' | 'cluster';

/**
 * Parameters per multi-row statement: well under both engines' limits, and
 * small enough that a statement stays a few hundred rows. One statement per
 * table rather than one per row matters most to PostgreSQL, where every
 * statement is a round trip.
 */
const MAX_PARAMS_PER_STATEMENT = 960;

const VALUES_LISTS = new Map<string, string>();

/** `($1, $2), ($3, $4)`: the VALUES list of `rows` rows of `columns` parameters (made once per shape: the writes of every step use the same few). */
export function valuesList(rows: number, columns: number): string {
  const key = `${rows}x${columns}`;
  let list = VALUES_LISTS.get(key);
  if (list === undefined) {
    const out: string[] = [];
    for (let r = 0; r < rows; r++) out.push(`(${Array.from({ length: columns }, (_, c) => `$${r * columns + c + 1}`).join(', ')})`);
    VALUES_LISTS.set(key, (list = out.join(', ')));
  }
  return list;
}

/**
 * Runs `INSERT … VALUES <rows> <tail>` for all rows, in order, as few
 * statements as the parameter limit allows; returns the RETURNING rows when
 * `tail` has a RETURNING clause, else none.
 */
export async function insertRows<T = never>(tx: SqlRunner, head: string, rows: SqlValue[][], tail = ''): Promise<T[]> {
  const columns = rows[0]?.length ?? 0;
  if (columns === 0) return [];
  const per = Math.max(1, Math.floor(MAX_PARAMS_PER_STATEMENT / columns));
  const returning = /\bRETURNING\b/i.test(tail);
  const out: T[] = [];
  for (let i = 0; i < rows.length; i += per) {
    const chunk = rows.slice(i, i + per);
    const sql = `${head} VALUES ${valuesList(chunk.length, columns)} ${tail}`;
    if (returning) out.push(...(await tx.all<T>(sql, chunk.flat())));
    else await tx.run(sql, chunk.flat());
  }
  return out;
}

/** Values per IN (...) list: far below SQLite's and PostgreSQL's parameter limits. */
export const MAX_IN_LIST = 500;

/** `select … WHERE key IN (values)`, in chunks of at most MAX_IN_LIST values. */
export async function rowsIn<T>(tx: SqlRunner, select: string, key: string, values: readonly SqlValue[]): Promise<T[]> {
  const out: T[] = [];
  for (let i = 0; i < values.length; i += MAX_IN_LIST) {
    const chunk = values.slice(i, i + MAX_IN_LIST);
    out.push(...(await tx.all<T>(`${select} WHERE ${key} IN (${inList(chunk.length)})`, chunk)));
  }
  return out;
}

/** `$1, $2, $3`: the placeholders of an IN list of n values (from `$first`). */
export function inList(n: number, first = 1): string {
  return Array.from({ length: n }, (_, i) => `$${i + first}`).join(', ');
}

/**
 * Up to `limit` rows per key of an integer key column (`query.order` first), by key: what a
 * posting list read from an indexed table needs. SQLite runs one statement per key (in-process,
 * a few microseconds each); PostgreSQL one for all the keys (a LATERAL join over the array of
 * keys), since every statement is a round trip.
 */
export async function rowsPerKey<T>(
  tx: SqlRunner,
  query: { table: string; key: string; columns: string; order?: string },
  keys: readonly number[],
  limit: number,
): Promise<Map<number, T[]>> {
  const out = new Map<number, T[]>(keys.map((k) => [k, []]));
  if (keys.length === 0) return out;
  const order = query.order ? `ORDER BY ${query.order}` : '';
  if (tx.kind === 'sqlite') {
    for (const k of out.keys()) out.set(k, await tx.all<T>(`SELECT ${query.columns} FROM ${query.table} WHERE ${query.key} = $1 ${order} LIMIT $2`, [k, limit]));
    return out;
  }
  const rows = await tx.all<T & { lookup_key: number }>(
    `SELECT k.lookup_key, t.* FROM unnest($1::bigint[]) AS k(lookup_key)
     CROSS JOIN LATERAL (SELECT ${query.columns} FROM ${query.table} WHERE ${query.key} = k.lookup_key ${order} LIMIT $2) AS t`,
    [`{${[...out.keys()].join(',')}}`, limit],
  );
  for (const r of rows) out.get(Number(r.lookup_key))!.push(r);
  return out;
}

export interface SqlEngine extends SqlRunner {
  readonly kind: 'sqlite' | 'postgres';
  /** The store as messages name it: the SQLite file, or the PostgreSQL URL without its password. */
  readonly label: string;
  /** Opened for reading only (a read-only file or mount): no migration, no cache written. */
  readonly readOnly: boolean;
  /** Throws StoreError when the store is gone from under the process (its file deleted or replaced). */
  verify(): void;
  /**
   * Runs fn in one transaction. `lock` serialises it with every other
   * transaction asking for the same lock, on any machine (an advisory lock in
   * PostgreSQL; SQLite has a single writer anyway). `tryLock` gives up at
   * once, returning null, when another holds the lock.
   */
  transaction<T>(fn: (tx: SqlRunner) => Promise<T>, options?: { lock?: LockName; tryLock?: boolean }): Promise<T | null>;
  close(): Promise<void>;
  /** Milliseconds spent inside the database library so far (SQLite, whose calls are synchronous): the store's own share of a run. */
  readonly busyMs?: number;
}

/**
 * Every error of the database, with the store named first ("store
 * ./newsfuse.db: database is locked"): a user with several stores, or a
 * worker log, must see which one failed. `code` keeps the driver's code
 * (SQLITE_BUSY, SQLITE_READONLY, 57P01…); `unavailable` marks a store that
 * cannot take writes now (read-only, gone, full), as opposed to a bug.
 */
export class StoreError extends Error {
  override name = 'StoreError';
  constructor(
    message: string,
    readonly code?: string,
    readonly unavailable = false,
  ) {
    super(message);
  }
}

/** Driver codes that mean "the store cannot take this now", not "the query is wrong". */
const UNAVAILABLE_CODES = /^(SQLITE_(READONLY|FULL|CANTOPEN|IOERR|CORRUPT|NOTADB|BUSY|LOCKED)|57P0[123]|53\d\d\d|08\w\w\w|25006|ECONNREFUSED|ENOTFOUND|ETIMEDOUT|ECONNRESET)/;

/** The error, its message prefixed with the store's name (once). */
export function storeError(label: string, err: unknown): StoreError {
  if (err instanceof StoreError) return err;
  const code = (err as { code?: unknown })?.code;
  const message = err instanceof Error ? err.message : String(err);
  const codeText = typeof code === 'string' ? code : undefined;
  return new StoreError(`store ${label}: ${message}`, codeText, codeText !== undefined && UNAVAILABLE_CODES.test(codeText));
}

// ---------------------------------------------------------------- SQLite

/**
 * better-sqlite3 is synchronous, so one connection serves every caller; an
 * in-process queue keeps async transactions from interleaving their statements.
 */
class SqliteEngine implements SqlEngine {
  readonly kind = 'sqlite' as const;
  private readonly statements = new Map<string, { stmt: Database.Statement; order: number[] }>();
  private queue: Promise<unknown> = Promise.resolve();
  busyMs = 0;

  constructor(
    private readonly db: Database.Database,
    readonly label: string,
    readonly readOnly: boolean,
    /** The file's identity when opened (none for :memory: or a copy held in memory). */
    private readonly identity?: { path: string; dev: number; ino: number },
  ) {}

  /** Every database call goes through here: timed, and its errors name the store. */
  private timed<T>(work: () => T): T {
    const start = performance.now();
    try {
      return work();
    } catch (err) {
      throw storeError(this.label, err);
    } finally {
      this.busyMs += performance.now() - start;
    }
  }

  /**
   * SQLite keeps writing to a file deleted or replaced under it (the old
   * inode), and everything written is lost on restart: refuse instead.
   */
  verify(): void {
    if (!this.identity) return;
    let now;
    try {
      now = statSync(this.identity.path);
    } catch {
      throw new StoreError(`store ${this.label}: the database file was deleted while newsfuse had it open; restart to open a new one`, 'NEWSFUSE_STORE_GONE', true);
    }
    if (now.ino !== this.identity.ino || now.dev !== this.identity.dev) {
      throw new StoreError(`store ${this.label}: the database file was replaced while newsfuse had it open; restart to open the new one`, 'NEWSFUSE_STORE_GONE', true);
    }
  }

  private prepare(sql: string): { stmt: Database.Statement; order: number[] } {
    let entry = this.statements.get(sql);
    if (!entry) {
      const order: number[] = [];
      const text = sql.replace(/\$(\d+)/g, (_m, n: string) => {
        order.push(Number(n) - 1);
        return '?';
      });
      entry = { stmt: this.timed(() => this.db.prepare(text)), order };
      this.statements.set(sql, entry);
    }
    return entry;
  }

  private bind(order: number[], params: SqlValue[]): (string | number | Buffer | null)[] {
    return order.map((i) => params[i] ?? null);
  }

  allSync<T>(sql: string, params: SqlValue[] = []): T[] {
    const { stmt, order } = this.prepare(sql);
    return this.timed(() => stmt.all(...this.bind(order, params)) as T[]);
  }

  runSync(sql: string, params: SqlValue[] = []): number {
    const { stmt, order } = this.prepare(sql);
    if (!stmt.reader) return this.timed(() => stmt.run(...this.bind(order, params)).changes);
    return this.timed(() => stmt.all(...this.bind(order, params)).length);
  }

  async all<T>(sql: string, params?: SqlValue[]): Promise<T[]> {
    await this.queue;
    return this.allSync<T>(sql, params);
  }

  async run(sql: string, params?: SqlValue[]): Promise<number> {
    await this.queue;
    return this.runSync(sql, params);
  }

  transaction<T>(fn: (tx: SqlRunner) => Promise<T>): Promise<T | null> {
    const tx: SqlRunner = {
      kind: 'sqlite',
      all: async <R>(sql: string, params?: SqlValue[]) => this.allSync<R>(sql, params),
      run: async (sql: string, params?: SqlValue[]) => this.runSync(sql, params),
    };
    const next = this.queue.then(async () => {
      this.verify();
      if (this.readOnly) throw new StoreError(`store ${this.label}: opened read-only (the file or its folder cannot be written); writes are refused`, 'SQLITE_READONLY', true);
      // IMMEDIATE takes the write lock up front: no upgrade deadlock with another process.
      this.timed(() => this.db.exec('BEGIN IMMEDIATE'));
      try {
        const result = await fn(tx);
        this.timed(() => this.db.exec('COMMIT'));
        return result;
      } catch (err) {
        if (this.db.inTransaction) this.db.exec('ROLLBACK');
        throw err;
      }
    });
    this.queue = next.catch(() => undefined);
    return next;
  }

  async close(): Promise<void> {
    await this.queue;
    this.timed(() => this.db.close());
  }
}

/** How long a writer waits for another process's write lock before failing. */
const SQLITE_BUSY_TIMEOUT_MS = 30_000;
/**
 * WAL pages written before SQLite copies them into the database file (its
 * default is 1 000, 4 MiB): raw pages average ~150 kB, so the default
 * checkpoints every couple of dozen documents, and each checkpoint syncs the
 * file. 16 384 pages (64 MiB) made storing raw pages about a third cheaper.
 */
const SQLITE_WAL_CHECKPOINT_PAGES = 16_384;
/** The WAL file is cut back to this size after a checkpoint, so that one big import does not leave it large. */
const SQLITE_WAL_LIMIT_BYTES = 64 * 2 ** 20;
/**
 * Page cache of a writing connection, in KiB (SQLite's default is 2 MiB). A
 * store of months holds tens of gigabytes; every article inserts into indexes
 * keyed by hashes, which land on random pages: a larger cache keeps the upper
 * levels of those B-trees in memory instead of reading them back on every
 * insert. Taken as pages are used, so a small store costs no more.
 */
const SQLITE_CACHE_KIB = 64 * 1024;

/** Largest read-only store copied into memory when SQLite cannot open it in place (a WAL file on a read-only mount). */
const MAX_IN_MEMORY_READ_ONLY_BYTES = 1024 * 2 ** 20;

export function openSqlite(file: string, options: { readOnly?: boolean } = {}): SqlEngine {
  const Sqlite = load('better-sqlite3') as typeof Database;
  if (options.readOnly && file !== ':memory:') return openSqliteReadOnly(Sqlite, file);
  let db: Database.Database;
  try {
    db = new Sqlite(file, { timeout: SQLITE_BUSY_TIMEOUT_MS });
    if (file !== ':memory:') db.pragma('journal_mode = WAL');
  } catch (err) {
    throw storeError(file, err);
  }
  // NORMAL in WAL mode: a committed transaction survives a process crash (kill -9); only an OS crash may lose the last ones.
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  db.pragma(`wal_autocheckpoint = ${SQLITE_WAL_CHECKPOINT_PAGES}`);
  db.pragma(`journal_size_limit = ${SQLITE_WAL_LIMIT_BYTES}`);
  db.pragma(`cache_size = -${SQLITE_CACHE_KIB}`);
  return new SqliteEngine(db, file, false, fileIdentity(file));
}

/**
 * A store opened for reading only: in place when SQLite can (the file is
 * read-only but its folder takes the WAL index), else a copy in memory (a
 * read-only mount without the -shm file, which SQLite cannot open in WAL mode).
 */
function openSqliteReadOnly(Sqlite: typeof Database, file: string): SqlEngine {
  try {
    const db = new Sqlite(file, { readonly: true, fileMustExist: true, timeout: SQLITE_BUSY_TIMEOUT_MS });
    db.pragma('query_only = 1');
    db.prepare('SELECT COUNT(*) FROM sqlite_master').get();
    return new SqliteEngine(db, file, true, fileIdentity(file));
  } catch (err) {
    const code = (err as { code?: string }).code ?? '';
    if (!code.startsWith('SQLITE_CANTOPEN') && !code.startsWith('SQLITE_READONLY')) throw storeError(file, err);
  }
  let size: number;
  try {
    size = statSync(file).size;
  } catch (err) {
    throw storeError(file, err);
  }
  if (size > MAX_IN_MEMORY_READ_ONLY_BYTES) throw new StoreError(`store ${file}: cannot be opened in place read-only (no write access to its folder for the WAL index), and is too large to read into memory`, 'SQLITE_CANTOPEN', true);
  try {
    const copy = readFileSync(file);
    // A WAL database says so in its header (format versions 2); a copy in memory has no WAL: mark it a rollback-journal one.
    if (copy.length >= 20 && copy[18] === 2 && copy[19] === 2) copy[18] = copy[19] = 1;
    const db = new Sqlite(copy, { readonly: true });
    return new SqliteEngine(db, `${file} (read-only copy in memory)`, true);
  } catch (err) {
    throw storeError(file, err);
  }
}

function fileIdentity(file: string): { path: string; dev: number; ino: number } | undefined {
  if (file === ':memory:' || file === '') return undefined;
  const st = statSync(file);
  return { path: file, dev: st.dev, ino: st.ino };
}

/** Whether this process can write the SQLite store at `file` and its folder (where the WAL lives); a file not yet made counts as writable. */
export function canWriteSqlite(file: string): boolean {
  if (file === ':memory:') return true;
  try {
    closeSync(openSync(file, 'r+'));
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'ENOENT';
  }
  return true;
}

// ---------------------------------------------------------------- PostgreSQL

/** Advisory lock keys: arbitrary constants, private to newsfuse. */
const ADVISORY_KEYS: Record<LockName, number> = { sequence: 0x6e66_0001, cluster: 0x6e66_0002 };

/** int8 (counts, epoch milliseconds) as numbers: they stay far below 2^53. */
const INT8_OID = 20;
const NUMERIC_OID = 1700;

class PostgresEngine implements SqlEngine {
  readonly kind = 'postgres' as const;
  readonly readOnly = false;
  constructor(
    private readonly pool: pg.Pool,
    readonly label: string,
  ) {}

  verify(): void {}

  async all<T>(sql: string, params: SqlValue[] = []): Promise<T[]> {
    try {
      const res = await this.pool.query(sql, params.map((p) => p ?? null));
      return res.rows as T[];
    } catch (err) {
      throw storeError(this.label, err);
    }
  }

  async run(sql: string, params: SqlValue[] = []): Promise<number> {
    try {
      const res = await this.pool.query(sql, params.map((p) => p ?? null));
      return res.rowCount ?? 0;
    } catch (err) {
      throw storeError(this.label, err);
    }
  }

  async transaction<T>(fn: (tx: SqlRunner) => Promise<T>, options: { lock?: LockName; tryLock?: boolean } = {}): Promise<T | null> {
    let client: pg.PoolClient;
    try {
      client = await this.pool.connect();
    } catch (err) {
      throw storeError(this.label, err);
    }
    const tx: SqlRunner = {
      kind: 'postgres',
      all: async <R>(sql: string, params: SqlValue[] = []) => (await client.query(sql, params.map((p) => p ?? null))).rows as R[],
      run: async (sql: string, params: SqlValue[] = []) => (await client.query(sql, params.map((p) => p ?? null))).rowCount ?? 0,
    };
    let broken = false;
    try {
      await client.query('BEGIN');
      if (options.lock) {
        const key = ADVISORY_KEYS[options.lock];
        if (options.tryLock) {
          const got = await client.query<{ ok: boolean }>('SELECT pg_try_advisory_xact_lock($1) AS ok', [key]);
          if (!got.rows[0]?.ok) {
            await client.query('ROLLBACK');
            return null;
          }
        } else {
          await client.query('SELECT pg_advisory_xact_lock($1)', [key]);
        }
      }
      const result = await fn(tx);
      await client.query('COMMIT');
      return result;
    } catch (err) {
      try {
        await client.query('ROLLBACK');
      } catch {
        broken = true;
      }
      throw storeError(this.label, err);
    } finally {
      client.release(broken);
    }
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}

/** The URL as messages show it: never its password. */
export function postgresLabel(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return 'postgres://(unreadable URL)';
  }
}

export function openPostgres(url: string): SqlEngine {
  const pg = load('pg') as typeof import('pg');
  const types = {
    getTypeParser: ((oid: number, format?: string) => {
      if (oid === INT8_OID || oid === NUMERIC_OID) return (v: string) => Number(v);
      return pg.types.getTypeParser(oid, format as 'text');
    }) as typeof pg.types.getTypeParser,
  };
  // Named after the process, so that an operator (and the reliability test) can tell its connections in pg_stat_activity;
  // a name the URL or PGAPPNAME gives wins over this fallback.
  const pool = new pg.Pool({ connectionString: url, max: 4, types, fallback_application_name: `newsfuse:${process.pid}` });
  // An idle client losing its server must not crash the process; the next query reports it.
  pool.on('error', () => undefined);
  return new PostgresEngine(pool, postgresLabel(url));
}
