import type { Article, Brief, Document, IngestReport, OutletRecord, StorySummary } from '../types.js';

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
  /** The user's outlets (src/outlets), as last stored by `ingest`/`serve --outlets`; none when no file was given. */
  outlets?(): Promise<OutletRecord[]>;
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

/** A piece of a search snippet; `mark` on the words that match the query. */
export interface SnippetPart {
  text: string;
  mark?: true;
}

/** Search hits, best first, each with a snippet that shows where it matches. */
export interface SearchResult {
  stories: (StorySummary & { snippet: SnippetPart[] })[];
  articles: { id: string; title: string; story: string | null; siteName?: string; url?: string; publishedAt?: string; snippet: SnippetPart[] }[];
  /** Claims of the stories' briefs as last built (a brief is built when its story is first read). */
  claims: { story: string; id: string; text: string; status: string; snippet: SnippetPart[] }[];
}
