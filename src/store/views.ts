import { consolidate } from '../consolidate/index.js';
import { relate } from '../relate/index.js';
import type { AnalyzedArticle, Article, Brief, SeenFrom, StorySummary } from '../types.js';
import { articleFromBody } from './article-body.js';
import type { ArticleView, SearchResult } from './catalog.js';
import { MAX_MERGE_HOPS } from './clustering.js';
import { indexClaims, SearchIndex } from './search.js';
import { parseQuery } from './search-query.js';
import type { SqlEngine } from './sql.js';

/**
 * Reading side of the store: briefs built on demand from the stored analyses
 * and cached per story version (any change of membership bumps the version,
 * so a cached brief is never served stale), story lists, articles, search.
 */

interface StoryRow {
  id: string;
  merged_into: string | null;
  version: number;
  headline: string;
  first_seen: string | null;
  last_seen: string | null;
  /** Null for stories last counted before migration 5 (their times mixed both kinds). */
  seen_from: SeenFrom | null;
  articles: number;
  stats_version: number | null;
  independent_sources: number | null;
  corroborated: number | null;
  single_source: number | null;
  disputed: number | null;
}

const STORY_COLUMNS = `id, merged_into, version, headline, first_seen, last_seen, seen_from, articles, stats_version, independent_sources, corroborated, single_source, disputed`;

export class StoryViews {
  private readonly index: SearchIndex;

  constructor(private readonly engine: SqlEngine) {
    this.index = new SearchIndex(engine);
  }

  private async story(id: string): Promise<StoryRow | undefined> {
    return (await this.engine.all<StoryRow>(`SELECT ${STORY_COLUMNS} FROM stories WHERE id = $1`, [id]))[0];
  }

  /** Follows merges to the surviving story. */
  async resolve(id: string): Promise<StoryRow | undefined> {
    let row = await this.story(id);
    for (let hop = 0; row?.merged_into && hop < MAX_MERGE_HOPS; hop++) row = await this.story(row.merged_into);
    return row;
  }

  async getBrief(storyId: string): Promise<Brief | null> {
    const row = await this.resolve(storyId);
    if (!row) return null;
    return this.briefOf(row);
  }

  private async briefOf(row: StoryRow): Promise<Brief | null> {
    const cached = await this.engine.all<{ version: number; body: string }>(`SELECT version, body FROM briefs WHERE story_id = $1`, [row.id]);
    if (cached[0] && Number(cached[0].version) === Number(row.version)) return JSON.parse(cached[0].body) as Brief;
    const members = await this.engine.all<{ body: string; analysis: string }>(
      `SELECT a.body, n.body AS analysis FROM story_members m JOIN articles a ON a.id = m.article_id JOIN analyses n ON n.article_id = a.id
       WHERE m.story_id = $1 ORDER BY m.seq`,
      [row.id],
    );
    if (members.length === 0) return null;
    const analyzed: AnalyzedArticle[] = members.map((m) => ({ ...(JSON.parse(m.analysis) as Omit<AnalyzedArticle, 'article'>), article: articleFromBody(m.body) }));
    const brief = consolidate(analyzed, relate(analyzed), { storyId: row.id });
    // A story of undated articles has the times they were stored, said to be so.
    if (brief.story.firstSeen === undefined && row.first_seen !== null) Object.assign(brief.story, seenTimes(row));
    const stats = briefStats(brief);
    // A store opened read-only builds its briefs every time: nothing is cached.
    if (this.engine.readOnly) return brief;
    await this.engine.transaction(async (tx) => {
      await indexClaims(tx, row.id, Number(row.version), brief.claims);
      await tx.run(
        `INSERT INTO briefs (story_id, version, body, built_at) VALUES ($1, $2, $3, $4)
         ON CONFLICT (story_id) DO UPDATE SET version = excluded.version, body = excluded.body, built_at = excluded.built_at`,
        [row.id, row.version, JSON.stringify(brief), new Date().toISOString()],
      );
      // Only if the story did not change meanwhile: counts always describe one version.
      await tx.run(
        `UPDATE stories SET stats_version = $2, headline = $3, independent_sources = $4, corroborated = $5, single_source = $6, disputed = $7
         WHERE id = $1 AND version = $2`,
        [row.id, row.version, brief.story.headline || row.headline, stats.independentSources, stats.corroborated, stats.singleSource, stats.disputed],
      );
    });
    return brief;
  }

  private async summaryOf(row: StoryRow): Promise<StorySummary> {
    let r = row;
    if (r.stats_version === null || Number(r.stats_version) !== Number(r.version)) {
      const brief = await this.briefOf(r);
      if (this.engine.readOnly && brief) r = withStats(r, brief);
      else r = (await this.story(r.id)) ?? r;
    }
    return {
      id: r.id,
      headline: r.headline,
      ...seenTimes(r),
      articles: Number(r.articles),
      independentSources: Number(r.independent_sources ?? 0),
      claims: { corroborated: Number(r.corroborated ?? 0), singleSource: Number(r.single_source ?? 0), disputed: Number(r.disputed ?? 0) },
    };
  }

  async listStories(page: { limit: number; offset: number }): Promise<{ total: number; stories: StorySummary[] }> {
    const total = Number((await this.engine.all<{ n: number }>(`SELECT COUNT(*) AS n FROM stories WHERE merged_into IS NULL AND articles > 0`))[0]?.n ?? 0);
    const rows = await this.engine.all<StoryRow>(
      `SELECT ${STORY_COLUMNS} FROM stories WHERE merged_into IS NULL AND articles > 0
       ORDER BY last_seen DESC, last_seq DESC, id LIMIT $1 OFFSET $2`,
      [Math.max(0, page.limit), Math.max(0, page.offset)],
    );
    const stories: StorySummary[] = [];
    for (const row of rows) stories.push(await this.summaryOf(row));
    return { total, stories };
  }

  async getArticle(articleId: string): Promise<ArticleView | null> {
    const rows = await this.engine.all<{ body: string; story_id: string | null; added_at: string }>(
      `SELECT a.body, a.added_at, m.story_id FROM articles a LEFT JOIN story_members m ON m.article_id = a.id WHERE a.id = $1`,
      [articleId],
    );
    const row = rows[0];
    if (!row) return null;
    const article = articleFromBody(row.body);
    const story = row.story_id ? await this.resolve(row.story_id) : undefined;
    const brief = story ? await this.briefOf(story) : null;
    const group = brief?.sources.find((s) => s.id === articleId)?.group ?? null;
    const claims = (brief?.claims ?? []).flatMap((c) => {
      const own = c.sources.find((s) => s.source === articleId);
      return own ? [{ id: c.id, text: c.text, status: c.status, sentence: own.sentence }] : [];
    });
    return { article, ingestedAt: row.added_at, story: story?.id ?? null, group, claims };
  }

  /** Full-text search (see search.ts): stories, articles and claims, ranked, each with a marked snippet. */
  async search(query: string, limit: number): Promise<SearchResult> {
    const parsed = parseQuery(query);
    if (parsed.length === 0) return { stories: [], articles: [], claims: [] };
    const stories: SearchResult['stories'] = [];
    for (const hit of await this.index.stories(parsed, limit)) {
      const row = await this.story(hit.id);
      if (row) stories.push({ ...(await this.summaryOf(row)), snippet: hit.snippet });
    }
    return { stories, articles: await this.index.articles(parsed, limit), claims: await this.index.claims(parsed, limit) };
  }
}

/** The row with the counts of its brief (read-only stores, which cannot store them). */
function withStats(r: StoryRow, brief: Brief): StoryRow {
  const stats = briefStats(brief);
  return { ...r, headline: brief.story.headline || r.headline, independent_sources: stats.independentSources, corroborated: stats.corroborated, single_source: stats.singleSource, disputed: stats.disputed };
}

/** A story row's times, with what they are (none for a story row that predates the distinction). */
function seenTimes(r: StoryRow): Pick<StorySummary, 'firstSeen' | 'lastSeen' | 'seenFrom'> {
  if (r.first_seen === null || r.seen_from === null) return {};
  return { firstSeen: r.first_seen, lastSeen: r.last_seen ?? r.first_seen, seenFrom: r.seen_from };
}

export function briefStats(brief: Brief): { independentSources: number; corroborated: number; singleSource: number; disputed: number } {
  const count = (status: string): number => brief.claims.filter((c) => c.status === status).length;
  return {
    independentSources: new Set(brief.sources.map((s) => s.group)).size,
    corroborated: count('corroborated'),
    singleSource: count('single-source'),
    disputed: count('disputed'),
  };
}
