/**
 * The newsfuse library: the pipeline's stages as pure functions over the
 * records of ./types.ts, the store behind the service, and the server.
 *
 *   import { readInputs, extractAll, briefOf, renderMarkdown } from 'newsfuse';
 *
 * The store and the server load only when used (openCatalog, startServer);
 * their classes are in the subpath exports 'newsfuse/store' and
 * 'newsfuse/server'.
 */
export type * from './types.js';

// ingest: reading inputs into RawDocuments
export { readInputs, readEach, readFiles, listInputFiles, idFromPath, DEFAULT_READ_LIMITS, type ReadLimits, type ReadResult } from './ingest/files.js';
export { parseDate, normaliseDate, type ParsedDate, type DatePrecision } from './ingest/dates.js';
export { safeId } from './ingest/ids.js';
export { decodeBytes } from './ingest/decode.js';
export { documentFromValue, documentIssues, documentToRaw, parseDocumentLine } from './ingest/document.js';
export { parseFeed, FeedError, type Feed, type FeedItem } from './ingest/feed.js';
export { readWarc } from './ingest/warc.js';
export { canonicalUrl, Fetcher, FetchError, type FetchOptions } from './ingest/fetch.js';
export { isPublicAddress } from './ingest/address.js';
export { SourceReader, type SourceBatch } from './ingest/sources.js';
export { urlId } from './ingest/url-id.js';

// the stages
export { extract, extractHtml, extractText, ExtractError, DEFAULT_SETTINGS as DEFAULT_EXTRACT_SETTINGS, type ExtractOptions, type ExtractSettings } from './extract/index.js';
export { analyze } from './analyze/index.js';
export { relate, groupsOf, candidatePairs, SMALL_BATCH, DerivationIndex, DEFAULT_RELATE_SETTINGS, type RelateSettings } from './relate/index.js';
export {
  OnlineClusterer,
  clusterArticles,
  arrivalOrder,
  type ClustererOptions,
  bcubed,
  DEFAULT_CLUSTER_SETTINGS,
  type ClusterItem,
  type ClusterSettings,
} from './cluster/index.js';
export { consolidate } from './consolidate/index.js';
export {
  renderHtml,
  renderHtmlFragment,
  renderJson,
  renderMarkdown,
  escapeHtml,
  sourceNumbering,
  groupLabels,
  type MarkdownOptions,
} from './render/index.js';

// composition
export { briefOf, extractAll, storyIdOf, type BriefOptions, type Extracted, type StoryAnalysis } from './pipeline.js';

// store and server: loaded on first use, so that `import 'newsfuse'` loads no database or HTTP code.
// Everything else of theirs is in the subpath exports 'newsfuse/store' and 'newsfuse/server'.
export type { OpenOptions, IngestOptions, WorkerOptions, QueueStatus, SqlCatalog } from './store/index.js';
export type { Catalog, ArticleView, SearchResult } from './store/catalog.js';
export type { ServeOptions, RunningServer } from './server/index.js';

/** Opens the store at `url` (a SQLite file, or postgres://…; default NEWSFUSE_DB or ./newsfuse.db). */
export async function openCatalog(url?: string, options?: import('./store/index.js').OpenOptions): Promise<import('./store/index.js').SqlCatalog> {
  const store = await import('./store/index.js');
  return store.openCatalog(url, options);
}

/** Starts the web page and the HTTP API over a catalog (see 'newsfuse/server'). */
export async function startServer(options: import('./server/index.js').ServeOptions): Promise<import('./server/index.js').RunningServer> {
  const server = await import('./server/index.js');
  return server.startServer(options);
}
