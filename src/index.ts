/**
 * The newsfuse library: the pipeline's stages as pure functions over the
 * records of ./types.ts, the store behind the service, and the server.
 *
 *   import { readInputs, extractAll, briefOf, renderMarkdown } from 'newsfuse';
 */
export type * from './types.js';

// ingest: reading inputs into RawDocuments
export { readInputs, readFiles, listInputFiles, idFromPath, DEFAULT_READ_LIMITS, type ReadLimits, type ReadResult } from './ingest/files.js';
export { decodeBytes } from './ingest/decode.js';
export { DocumentSchema, documentToRaw, parseDocumentLine } from './ingest/document.js';
export { parseFeed, FeedError, type Feed, type FeedItem } from './ingest/feed.js';
export { readWarc } from './ingest/warc.js';
export { canonicalUrl, Fetcher, FetchError, type FetchOptions } from './ingest/fetch.js';
export { isPublicAddress } from './ingest/address.js';
export { SourceReader, type SourceBatch } from './ingest/sources.js';
export { urlId } from './ingest/url-id.js';

// the stages
export { extract, ExtractError, DEFAULT_SETTINGS as DEFAULT_EXTRACT_SETTINGS, type ExtractSettings } from './extract/index.js';
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

// store and server
export {
  openCatalog,
  SqlCatalog,
  DEFAULT_DB,
  resolveDbUrl,
  isPostgresUrl,
  type OpenOptions,
  type IngestOptions,
  type WorkerOptions,
  type QueueStatus,
} from './store/index.js';
export type { Catalog, ArticleView, SearchResult } from './store/catalog.js';
export { startServer, buildApp, type ServeOptions, type RunningServer } from './server/index.js';
