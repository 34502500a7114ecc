import { seenAssignments } from './clustering.js';
import { SEARCH_SCHEMA } from './search-schema.js';
import type { SqlEngine } from './sql.js';

/**
 * Versioned schema, applied in order, each version once, in one transaction
 * that holds the sequence lock (so workers starting together do not race).
 * Portable DDL where it can be: the same statements build the SQLite and
 * PostgreSQL schemas; what only one engine has (full-text indexes) goes in
 * `engine`. Never edit a released version: add a new one.
 */
export interface Migration {
  version: number;
  /** Portable statements, run on both engines. */
  statements: string[];
  /** Statements for one engine only (full-text search: FTS5 in SQLite, tsvector in PostgreSQL), run after the portable ones. */
  engine?: Partial<Record<SqlEngine['kind'], string[]>>;
}

export const MIGRATIONS: Migration[] = [
  {
    version: 1,
    statements: [
      `CREATE TABLE meta (key TEXT PRIMARY KEY, value BIGINT NOT NULL)`,
      `INSERT INTO meta (key, value) VALUES ('revision', 0), ('cluster_position', 0)`,
      // Every input ever accepted, by content hash; seq is the global ingest order that clustering follows.
      `CREATE TABLE raw_documents (
        hash TEXT PRIMARY KEY, seq BIGINT NOT NULL UNIQUE, doc_id TEXT NOT NULL, origin TEXT NOT NULL,
        format TEXT NOT NULL, content TEXT NOT NULL, url TEXT, title TEXT, published_at TEXT, source TEXT,
        declared_charset TEXT, received_at TEXT NOT NULL)`,
      // state: queued → running (leased) → done | failed | duplicate.
      `CREATE TABLE jobs (
        hash TEXT PRIMARY KEY REFERENCES raw_documents(hash), seq BIGINT NOT NULL UNIQUE, state TEXT NOT NULL,
        attempts INTEGER NOT NULL DEFAULT 0, lease_until BIGINT, worker TEXT, error TEXT)`,
      `CREATE INDEX jobs_state_seq ON jobs (state, seq)`,
      `CREATE TABLE articles (
        id TEXT PRIMARY KEY, hash TEXT NOT NULL UNIQUE REFERENCES raw_documents(hash), seq BIGINT NOT NULL UNIQUE,
        url TEXT, text_hash TEXT NOT NULL, title TEXT NOT NULL, published_at TEXT, added_at TEXT NOT NULL, body TEXT NOT NULL)`,
      `CREATE INDEX articles_url ON articles (url)`,
      `CREATE INDEX raw_documents_url ON raw_documents (url)`,
      `CREATE TABLE analyses (article_id TEXT PRIMARY KEY REFERENCES articles(id), body TEXT NOT NULL)`,
      `CREATE TABLE derivation_edges (
        from_id TEXT NOT NULL REFERENCES articles(id), to_id TEXT NOT NULL REFERENCES articles(id),
        kind TEXT NOT NULL, score DOUBLE PRECISION NOT NULL, evidence TEXT NOT NULL, PRIMARY KEY (from_id, to_id))`,
      // version grows with every change of membership; the brief and the counts are valid for one version.
      `CREATE TABLE stories (
        id TEXT PRIMARY KEY, merged_into TEXT, version INTEGER NOT NULL, headline TEXT NOT NULL,
        first_seen TEXT, last_seen TEXT, last_seq BIGINT NOT NULL, articles INTEGER NOT NULL,
        stats_version INTEGER, independent_sources INTEGER, corroborated INTEGER, single_source INTEGER, disputed INTEGER)`,
      `CREATE INDEX stories_last_seen ON stories (merged_into, last_seen)`,
      `CREATE TABLE story_members (
        article_id TEXT PRIMARY KEY REFERENCES articles(id), story_id TEXT NOT NULL REFERENCES stories(id),
        assigned_story TEXT NOT NULL, seq BIGINT NOT NULL)`,
      `CREATE INDEX story_members_story ON story_members (story_id)`,
      `CREATE TABLE story_merges (
        seq BIGINT NOT NULL, from_story TEXT NOT NULL, into_story TEXT NOT NULL, trigger_article TEXT NOT NULL,
        PRIMARY KEY (seq, from_story))`,
      `CREATE TABLE briefs (story_id TEXT PRIMARY KEY REFERENCES stories(id), version INTEGER NOT NULL, body TEXT NOT NULL, built_at TEXT NOT NULL)`,
      `CREATE TABLE feeds (url TEXT PRIMARY KEY, etag TEXT, last_modified TEXT, checked_at TEXT NOT NULL)`,
    ],
  },
  {
    version: 2,
    statements: [
      // The process that clusters for everyone while it is alive (heartbeat: epoch ms of its last step).
      `CREATE TABLE cluster_leader (id INTEGER PRIMARY KEY, worker TEXT NOT NULL, heartbeat BIGINT NOT NULL)`,
    ],
  },
  {
    version: 3,
    statements: [
      // Sequence numbers after which the clusterer settles its stories (the end of a large ingest): recorded, so that every replay settles at the same points.
      `CREATE TABLE settle_points (seq BIGINT PRIMARY KEY)`,
    ],
  },
  {
    version: 4,
    statements: [
      // Large raw contents compressed (brotli), `content` then empty. BYTEA is PostgreSQL's binary type; SQLite keeps a buffer as a BLOB whatever the declared type.
      `ALTER TABLE raw_documents ADD COLUMN content_br BYTEA`,
    ],
  },
  {
    version: 5,
    // Full-text search over articles, story headlines and the claims of built briefs (src/store/search.ts); the user's outlets.
    statements: SEARCH_SCHEMA.portable,
    engine: { sqlite: SEARCH_SCHEMA.sqlite, postgres: SEARCH_SCHEMA.postgres },
  },
  {
    version: 6,
    statements: [
      // What first_seen/last_seen are: 'published' (the members' publication times) or 'ingested' (a story of undated articles: when they were stored).
      `ALTER TABLE stories ADD COLUMN seen_from TEXT`,
      // Stories counted before: publication times where known, no more ingest times mixed in.
      `UPDATE stories SET ${seenAssignments()}`,
      `DELETE FROM briefs`,
    ],
  },
  {
    version: 7,
    // What the clusterer and relate need to place the next article, written by every clustering step in its own
    // transaction (cluster-state.ts, cluster-tables.ts, derivation-table.ts): a process starts from it, not from a replay.
    statements: [
      // The cursor and the hot window: stories active in the last days, their recent members.
      `CREATE TABLE cluster_cursor (id INTEGER PRIMARY KEY, position BIGINT NOT NULL, body BYTEA NOT NULL)`,
      `CREATE TABLE cluster_hot (story_id TEXT PRIMARY KEY, profile BYTEA, links BYTEA)`,
      `CREATE TABLE cluster_members (seq BIGINT PRIMARY KEY, vectors BYTEA, nearest BYTEA NOT NULL)`,
      // Stories gone quiet, compact; forgotten by age and by rank (the order they went dormant).
      `CREATE TABLE cluster_dormant (story_id TEXT PRIMARY KEY, rank BIGINT NOT NULL, last_time DOUBLE PRECISION, body BYTEA NOT NULL)`,
      `CREATE INDEX cluster_dormant_rank ON cluster_dormant (rank)`,
      `CREATE INDEX cluster_dormant_last_time ON cluster_dormant (last_time)`,
    ],
    // Tables read by key only: SQLite keeps them in their key's order (no rowid, no second index).
    engine: {
      sqlite: [
        `CREATE TABLE cluster_df (feature INTEGER PRIMARY KEY, documents INTEGER NOT NULL)`,
        `CREATE TABLE cluster_dormant_postings (anchor INTEGER NOT NULL, story_id TEXT NOT NULL, first_seq INTEGER NOT NULL, rank INTEGER NOT NULL, last_time REAL, PRIMARY KEY (anchor, story_id)) WITHOUT ROWID`,
        `CREATE TABLE relate_keys (key INTEGER NOT NULL, seq INTEGER NOT NULL, PRIMARY KEY (key, seq)) WITHOUT ROWID`,
        `CREATE TABLE relate_profiles (seq INTEGER PRIMARY KEY, body BLOB NOT NULL)`,
      ],
      postgres: [
        `CREATE TABLE cluster_df (feature BIGINT PRIMARY KEY, documents INTEGER NOT NULL)`,
        `CREATE TABLE cluster_dormant_postings (anchor BIGINT NOT NULL, story_id TEXT NOT NULL, first_seq BIGINT NOT NULL, rank BIGINT NOT NULL, last_time DOUBLE PRECISION, PRIMARY KEY (anchor, story_id))`,
        `CREATE TABLE relate_keys (key BIGINT NOT NULL, seq BIGINT NOT NULL, PRIMARY KEY (key, seq))`,
        `CREATE TABLE relate_profiles (seq BIGINT PRIMARY KEY, body BYTEA NOT NULL)`,
      ],
    },
  },
];

export async function migrate(engine: SqlEngine): Promise<number> {
  const result = await engine.transaction(
    async (tx) => {
      await tx.run(`CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)`);
      const rows = await tx.all<{ v: number | null }>(`SELECT MAX(version) AS v FROM schema_migrations`);
      const current = rows[0]?.v ?? 0;
      let version = current;
      for (const m of MIGRATIONS) {
        if (m.version <= current) continue;
        for (const statement of [...m.statements, ...(m.engine?.[engine.kind] ?? [])]) await tx.run(statement);
        await tx.run(`INSERT INTO schema_migrations (version, applied_at) VALUES ($1, $2)`, [m.version, new Date().toISOString()]);
        version = m.version;
      }
      return version;
    },
    { lock: 'sequence' },
  );
  return result ?? 0;
}
