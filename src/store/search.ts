import type { SnippetPart } from './catalog.js';
import { INDEXED_TEXT_CHARS } from './search-schema.js';
import { type ParsedQuery, toFts5, toTsquery } from './search-query.js';
import { insertRows, type SqlEngine, type SqlRunner } from './sql.js';

/**
 * Full-text search over the indexes of search-schema.ts: ranked articles,
 * stories and claims, each hit with a snippet whose matches are marked. The
 * engines differ in syntax only; both stem, rank and cut snippets themselves.
 */

/** Snippet markers: control characters, which never survive into stored article text shown to a reader. */
const MARK_START = '\u0002';
const MARK_END = '\u0003';
/** Words of context in a snippet. */
const SNIPPET_WORDS = 24;
/** Stories considered when ranking stories by their matching articles. */
const STORY_CANDIDATES = 200;
/** A headline that matches counts as this many matching articles: a headline is what the story is about. */
const HEADLINE_WEIGHT = 3;

export interface ArticleHit {
  id: string;
  title: string;
  story: string | null;
  siteName?: string;
  url?: string;
  publishedAt?: string;
  snippet: SnippetPart[];
}

export interface ClaimHit {
  story: string;
  id: string;
  text: string;
  status: string;
  snippet: SnippetPart[];
}

/** A story's place in the results: its id, why it matched, and the snippet that shows it. */
export interface StoryHit {
  id: string;
  score: number;
  snippet: SnippetPart[];
}

/** "a \u0002quake\u0003 struck" → [{ text: 'a ' }, { text: 'quake', mark: true }, { text: ' struck' }]. */
export function snippetParts(marked: string): SnippetPart[] {
  const parts: SnippetPart[] = [];
  let marking = false;
  for (const piece of marked.split(/([\u0002\u0003])/)) {
    if (piece === MARK_START) marking = true;
    else if (piece === MARK_END) marking = false;
    else if (piece !== '') parts.push(marking ? { text: piece, mark: true } : { text: piece });
  }
  return parts;
}

interface ArticleRow {
  id: string;
  title: string;
  story_id: string | null;
  site_name: string | null;
  url: string | null;
  published_at: string | null;
  snippet: string;
}

interface ClaimRow {
  story_id: string;
  claim_id: string;
  status: string;
  text: string;
  snippet: string;
}

/** The SQL of one engine: each statement takes the engine's query string as $1. */
interface SearchSql {
  query(parsed: ParsedQuery): string;
  articles: string;
  storyArticleCounts: string;
  storyHeadlines: string;
  bestArticleOfStory: string;
  claims: string;
}

const SQLITE: SearchSql = {
  query: toFts5,
  articles: `SELECT a.id, a.title, m.story_id, json_extract(a.body, '$.siteName') AS site_name, a.url, a.published_at,
      snippet(article_search, 1, '${MARK_START}', '${MARK_END}', '…', ${SNIPPET_WORDS}) AS snippet
    FROM article_search JOIN articles a ON a.rowid = article_search.rowid LEFT JOIN story_members m ON m.article_id = a.id
    WHERE article_search MATCH $1 ORDER BY bm25(article_search, 3.0, 1.0) LIMIT $2`,
  // MATERIALIZED: bm25 is only allowed in the query that does the MATCH, not in an aggregate flattened into it.
  storyArticleCounts: `WITH hits AS MATERIALIZED (SELECT rowid, -bm25(article_search, 3.0, 1.0) AS score FROM article_search WHERE article_search MATCH $1)
    SELECT m.story_id, COUNT(*) AS n, MAX(hits.score) AS best FROM hits JOIN articles a ON a.rowid = hits.rowid JOIN story_members m ON m.article_id = a.id
    GROUP BY m.story_id ORDER BY n DESC, best DESC LIMIT $2`,
  storyHeadlines: `SELECT s.id, highlight(story_search, 0, '${MARK_START}', '${MARK_END}') AS snippet
    FROM story_search JOIN stories s ON s.rowid = story_search.rowid
    WHERE story_search MATCH $1 AND s.merged_into IS NULL AND s.articles > 0 ORDER BY bm25(story_search) LIMIT $2`,
  bestArticleOfStory: `SELECT snippet(article_search, 1, '${MARK_START}', '${MARK_END}', '…', ${SNIPPET_WORDS}) AS snippet
    FROM article_search JOIN articles a ON a.rowid = article_search.rowid JOIN story_members m ON m.article_id = a.id
    WHERE article_search MATCH $1 AND m.story_id = $2 ORDER BY bm25(article_search, 3.0, 1.0) LIMIT 1`,
  claims: `SELECT c.story_id, c.claim_id, c.status, c.text, highlight(claim_search, 0, '${MARK_START}', '${MARK_END}') AS snippet
    FROM claim_search JOIN claim_index c ON c.rowid = claim_search.rowid JOIN stories s ON s.id = c.story_id AND s.version = c.version
    WHERE claim_search MATCH $1 AND s.merged_into IS NULL ORDER BY bm25(claim_search) LIMIT $2`,
};

const HEADLINE_OPTIONS = `StartSel=${MARK_START}, StopSel=${MARK_END}, HighlightAll=true`;
const SNIPPET_OPTIONS = `StartSel=${MARK_START}, StopSel=${MARK_END}, MaxWords=${SNIPPET_WORDS}, MinWords=${Math.round(SNIPPET_WORDS / 2)}, MaxFragments=2, FragmentDelimiter=" … "`;
const PG_TEXT = `COALESCE(left(CAST(a.body AS jsonb) ->> 'text', ${INDEXED_TEXT_CHARS}), '')`;

const POSTGRES: SearchSql = {
  query: toTsquery,
  // ts_headline re-reads the text: only for the rows kept, hence the inner query.
  articles: `SELECT hit.id, hit.title, hit.story_id, hit.site_name, hit.url, hit.published_at,
      ts_headline('english', hit.text, to_tsquery('english', $1), '${SNIPPET_OPTIONS}') AS snippet
    FROM (SELECT a.id, a.title, m.story_id, CAST(a.body AS jsonb) ->> 'siteName' AS site_name, a.url, a.published_at, ${PG_TEXT} AS text
          FROM articles a LEFT JOIN story_members m ON m.article_id = a.id
          WHERE a.search @@ to_tsquery('english', $1) ORDER BY ts_rank_cd(a.search, to_tsquery('english', $1)) DESC, a.seq DESC LIMIT $2) hit`,
  storyArticleCounts: `SELECT m.story_id, COUNT(*) AS n, MAX(ts_rank_cd(a.search, to_tsquery('english', $1))) AS best
    FROM articles a JOIN story_members m ON m.article_id = a.id WHERE a.search @@ to_tsquery('english', $1)
    GROUP BY m.story_id ORDER BY n DESC, best DESC LIMIT $2`,
  storyHeadlines: `SELECT s.id, ts_headline('english', s.headline, to_tsquery('english', $1), '${HEADLINE_OPTIONS}') AS snippet
    FROM stories s WHERE s.search @@ to_tsquery('english', $1) AND s.merged_into IS NULL AND s.articles > 0
    ORDER BY ts_rank_cd(s.search, to_tsquery('english', $1)) DESC LIMIT $2`,
  bestArticleOfStory: `SELECT ts_headline('english', hit.text, to_tsquery('english', $1), '${SNIPPET_OPTIONS}') AS snippet
    FROM (SELECT ${PG_TEXT} AS text FROM articles a JOIN story_members m ON m.article_id = a.id
          WHERE a.search @@ to_tsquery('english', $1) AND m.story_id = $2 ORDER BY ts_rank_cd(a.search, to_tsquery('english', $1)) DESC LIMIT 1) hit`,
  claims: `SELECT c.story_id, c.claim_id, c.status, c.text, ts_headline('english', c.text, to_tsquery('english', $1), '${HEADLINE_OPTIONS}') AS snippet
    FROM claim_index c JOIN stories s ON s.id = c.story_id AND s.version = c.version
    WHERE c.search @@ to_tsquery('english', $1) AND s.merged_into IS NULL
    ORDER BY ts_rank_cd(c.search, to_tsquery('english', $1)) DESC LIMIT $2`,
};

export class SearchIndex {
  private readonly sql: SearchSql;

  constructor(private readonly engine: SqlEngine) {
    this.sql = engine.kind === 'sqlite' ? SQLITE : POSTGRES;
  }

  async articles(query: ParsedQuery, limit: number): Promise<ArticleHit[]> {
    const rows = await this.engine.all<ArticleRow>(this.sql.articles, [this.sql.query(query), limit]);
    return rows.map((r) => ({
      id: r.id,
      title: r.title,
      story: r.story_id,
      ...(r.site_name ? { siteName: r.site_name } : {}),
      ...(r.url ? { url: r.url } : {}),
      ...(r.published_at ? { publishedAt: r.published_at } : {}),
      snippet: snippetParts(r.snippet),
    }));
  }

  /**
   * Stories by how much of them matches: the number of their articles that
   * match, a matching headline weighing HEADLINE_WEIGHT articles; the snippet
   * is the headline when it matches, else the best article's passage.
   */
  async stories(query: ParsedQuery, limit: number): Promise<StoryHit[]> {
    const q = this.sql.query(query);
    const counts = await this.engine.all<{ story_id: string; n: number; best: number }>(this.sql.storyArticleCounts, [q, STORY_CANDIDATES]);
    const headlines = await this.engine.all<{ id: string; snippet: string }>(this.sql.storyHeadlines, [q, STORY_CANDIDATES]);
    const hits = new Map<string, StoryHit & { best: number; headline: boolean }>();
    for (const c of counts) hits.set(c.story_id, { id: c.story_id, score: Number(c.n), best: Number(c.best), headline: false, snippet: [] });
    for (const h of headlines) {
      const hit = hits.get(h.id) ?? { id: h.id, score: 0, best: 0, headline: false, snippet: [] };
      hits.set(h.id, { ...hit, score: hit.score + HEADLINE_WEIGHT, headline: true, snippet: snippetParts(h.snippet) });
    }
    const ranked = [...hits.values()].sort((a, b) => b.score - a.score || b.best - a.best || (a.id < b.id ? -1 : 1)).slice(0, limit);
    for (const hit of ranked) {
      if (hit.headline) continue;
      const best = await this.engine.all<{ snippet: string }>(this.sql.bestArticleOfStory, [q, hit.id]);
      hit.snippet = snippetParts(best[0]?.snippet ?? '');
    }
    return ranked.map(({ id, score, snippet }) => ({ id, score, snippet }));
  }

  async claims(query: ParsedQuery, limit: number): Promise<ClaimHit[]> {
    const rows = await this.engine.all<ClaimRow>(this.sql.claims, [this.sql.query(query), limit]);
    return rows.map((r) => ({ story: r.story_id, id: r.claim_id, text: r.text, status: r.status, snippet: snippetParts(r.snippet) }));
  }
}

/** Replaces the indexed claims of a story by those of its brief of `version` (inside the transaction that stores the brief). */
export async function indexClaims(tx: SqlRunner, storyId: string, version: number, claims: { id: string; status: string; text: string }[]): Promise<void> {
  await tx.run(`DELETE FROM claim_index WHERE story_id = $1`, [storyId]);
  await insertRows(tx, `INSERT INTO claim_index (story_id, claim_id, version, status, text)`, claims.map((c) => [storyId, c.id, version, c.status, c.text]), 'ON CONFLICT DO NOTHING');
}
