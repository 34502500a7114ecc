import Database from 'better-sqlite3';
import pg from 'pg';

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

/** `($1, $2), ($3, $4)`: the VALUES list of `rows` rows of `columns` parameters. */
export function valuesList(rows: number, columns: number): string {
  const out: string[] = [];
  for (let r = 0; r < rows; r++) out.push(`(${Array.from({ length: columns }, (_, c) => `$${r * columns + c + 1}`).join(', ')})`);
  return out.join(', ');
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

  constructor(private readonly db: Database.Database) {}

  private timed<T>(work: () => T): T {
    const start = performance.now();
    try {
      return work();
    } finally {
      this.busyMs += performance.now() - start;
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
      entry = { stmt: this.db.prepare(text), order };
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

export function openSqlite(file: string): SqlEngine {
  const db = new Database(file, { timeout: SQLITE_BUSY_TIMEOUT_MS });
  if (file !== ':memory:') db.pragma('journal_mode = WAL');
  // NORMAL in WAL mode: a committed transaction survives a process crash (kill -9); only an OS crash may lose the last ones.
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  db.pragma(`wal_autocheckpoint = ${SQLITE_WAL_CHECKPOINT_PAGES}`);
  db.pragma(`journal_size_limit = ${SQLITE_WAL_LIMIT_BYTES}`);
  return new SqliteEngine(db);
}

// ---------------------------------------------------------------- PostgreSQL

/** Advisory lock keys: arbitrary constants, private to newsfuse. */
const ADVISORY_KEYS: Record<LockName, number> = { sequence: 0x6e66_0001, cluster: 0x6e66_0002 };

/** int8 (counts, epoch milliseconds) as numbers: they stay far below 2^53. */
const INT8_OID = 20;
const NUMERIC_OID = 1700;

class PostgresEngine implements SqlEngine {
  readonly kind = 'postgres' as const;
  constructor(private readonly pool: pg.Pool) {}

  async all<T>(sql: string, params: SqlValue[] = []): Promise<T[]> {
    const res = await this.pool.query(sql, params.map((p) => p ?? null));
    return res.rows as T[];
  }

  async run(sql: string, params: SqlValue[] = []): Promise<number> {
    const res = await this.pool.query(sql, params.map((p) => p ?? null));
    return res.rowCount ?? 0;
  }

  async transaction<T>(fn: (tx: SqlRunner) => Promise<T>, options: { lock?: LockName; tryLock?: boolean } = {}): Promise<T | null> {
    const client = await this.pool.connect();
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
      throw err;
    } finally {
      client.release(broken);
    }
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}

export function openPostgres(url: string): SqlEngine {
  const types = {
    getTypeParser: ((oid: number, format?: string) => {
      if (oid === INT8_OID || oid === NUMERIC_OID) return (v: string) => Number(v);
      return pg.types.getTypeParser(oid, format as 'text');
    }) as typeof pg.types.getTypeParser,
  };
  const pool = new pg.Pool({ connectionString: url, max: 4, types });
  // An idle client losing its server must not crash the process; the next query reports it.
  pool.on('error', () => undefined);
  return new PostgresEngine(pool);
}
