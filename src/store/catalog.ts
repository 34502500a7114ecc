import type { Article, Brief, Document, IngestReport, StorySummary } from '../types.js';

/**
 * What the server and the CLI need from a store, whichever engine is behind it
 * (SQLite by default, PostgreSQL for many workers). The server is written
 * against this interface only.
 */
export interface Catalog {
  /** Newest first (by lastSeen), with counts. */
  listStories(page: { limit: number; offset: number }): Promise<{ total: number; stories: StorySummary[] }>;
  /** The story's brief, rebuilt if stale; null when no such story (merged ids resolve to their survivor). */
  getBrief(storyId: string): Promise<Brief | null>;
  getArticle(articleId: string): Promise<ArticleView | null>;
  search(query: string, limit: number): Promise<SearchResult>;
  /**
   * Runs the whole pipeline on the documents; idempotent by content hash.
   * `background`: the caller's thread must stay responsive (a server), so
   * the heavy stages run on worker threads whatever the batch's size.
   */
  ingest(docs: Document[], options?: { background?: boolean }): Promise<IngestReport>;
  /** Grows whenever stored content changes; lets pages poll cheaply for news. */
  revision(): Promise<number>;
  close(): Promise<void>;
}

export interface ArticleView {
  article: Article;
  /** When the store received it (ISO 8601 UTC); its publication time, when known, is `article.publishedAt`. */
  ingestedAt?: string;
  /** Story the article belongs to (after merges). */
  story: string | null;
  /** Its independence group within the story. */
  group: string | null;
  /** Claims of the story's brief that this article carries, with its own sentence. */
  claims: { id: string; text: string; status: string; sentence: string }[];
}

export interface SearchResult {
  stories: StorySummary[];
  articles: { id: string; title: string; story: string | null }[];
}
