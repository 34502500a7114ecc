/**
 * The full-text indexes (migration 5). Each engine indexes with its own
 * machinery, kept up to date inside the transaction that writes the row, so an
 * article is searchable exactly when it is stored and a rolled-back write
 * leaves no index entry behind:
 *
 * - SQLite: FTS5 tables (Porter stemmer over the Unicode tokenizer, accents
 *   folded) whose content is read from views over the real tables, filled by
 *   triggers;
 * - PostgreSQL: a `tsvector` generated column (English configuration: stemming
 *   and stop words) with a GIN index.
 *
 * Articles are indexed by their title and text only: the stored body is JSON,
 * and its keys (`paragraphs`, `siteName`…) are never words of an article.
 * Story headlines are indexed from the `stories` table; the claims of a brief
 * from `claim_index`, which the reading side fills when it builds the brief.
 */

/**
 * Characters of an article's text that are indexed: PostgreSQL refuses a
 * tsvector over 1 MB, and a page of more than this is not a news article. Both
 * engines index the same prefix, so they find the same articles.
 */
export const INDEXED_TEXT_CHARS = 200_000;

const SQLITE_TOKENIZER = `tokenize = 'porter unicode61 remove_diacritics 2'`;

const articleText = (row: string) => `substr(json_extract(${row}.body, '$.text'), 1, ${INDEXED_TEXT_CHARS})`;

/** FTS5 with external content: the index stores no copy of the text, triggers keep it in step with its table. */
function sqliteIndex(name: string, view: string, table: string, columns: string[], values: (row: string) => string[], updateOf: string[]): string[] {
  const cols = columns.join(', ');
  const insert = (row: string) => `INSERT INTO ${name} (rowid, ${cols}) VALUES (${row}.rowid, ${values(row).join(', ')});`;
  const remove = (row: string) => `INSERT INTO ${name} (${name}, rowid, ${cols}) VALUES ('delete', ${row}.rowid, ${values(row).join(', ')});`;
  return [
    `CREATE VIEW ${view} AS SELECT rowid AS rowid, ${values(table).map((v, i) => `${v} AS ${columns[i]}`).join(', ')} FROM ${table}`,
    `CREATE VIRTUAL TABLE ${name} USING fts5(${cols}, content = '${view}', content_rowid = 'rowid', ${SQLITE_TOKENIZER})`,
    `CREATE TRIGGER ${name}_insert AFTER INSERT ON ${table} BEGIN ${insert('new')} END`,
    `CREATE TRIGGER ${name}_delete AFTER DELETE ON ${table} BEGIN ${remove('old')} END`,
    `CREATE TRIGGER ${name}_update AFTER UPDATE OF ${updateOf.join(', ')} ON ${table} BEGIN ${remove('old')} ${insert('new')} END`,
    // Rows stored before this migration.
    `INSERT INTO ${name} (${name}) VALUES ('rebuild')`,
  ];
}

export const SEARCH_SCHEMA = {
  portable: [
    // The claims of the last brief built for each story, with the story version they belong to (stale rows are filtered by version).
    `CREATE TABLE claim_index (
      story_id TEXT NOT NULL, claim_id TEXT NOT NULL, version INTEGER NOT NULL, status TEXT NOT NULL, text TEXT NOT NULL,
      PRIMARY KEY (story_id, claim_id))`,
    // The user's outlets file (src/outlets), loaded by ingest/serve --outlets: one JSON record per domain.
    `CREATE TABLE outlets (domain TEXT PRIMARY KEY, body TEXT NOT NULL)`,
  ],
  sqlite: [
    ...sqliteIndex('article_search', 'article_search_text', 'articles', ['title', 'text'], (r) => [`${r}.title`, articleText(r)], ['title', 'body']),
    ...sqliteIndex('story_search', 'story_search_text', 'stories', ['headline'], (r) => [`${r}.headline`], ['headline']),
    ...sqliteIndex('claim_search', 'claim_search_text', 'claim_index', ['text'], (r) => [`${r}.text`], ['text']),
  ],
  postgres: [
    `ALTER TABLE articles ADD COLUMN search tsvector GENERATED ALWAYS AS (
      setweight(to_tsvector('english', title), 'A') ||
      setweight(to_tsvector('english', COALESCE(left(CAST(body AS jsonb) ->> 'text', ${INDEXED_TEXT_CHARS}), '')), 'B')) STORED`,
    `CREATE INDEX articles_search ON articles USING GIN (search)`,
    `ALTER TABLE stories ADD COLUMN search tsvector GENERATED ALWAYS AS (to_tsvector('english', headline)) STORED`,
    `CREATE INDEX stories_search ON stories USING GIN (search)`,
    `ALTER TABLE claim_index ADD COLUMN search tsvector GENERATED ALWAYS AS (to_tsvector('english', text)) STORED`,
    `CREATE INDEX claim_index_search ON claim_index USING GIN (search)`,
  ],
};
