/**
 * The newsfuse library: the pipeline's stages as pure functions over the
 * records of ./types.ts, and the store behind the service.
 *
 *   import { readInputs, extractAll, briefOf, renderMarkdown } from 'newsfuse';
 */
export type * from './types.js';
export { extract, ExtractError } from './extract/index.js';
export { analyze } from './analyze/index.js';
export { relate } from './relate/index.js';
export { consolidate } from './consolidate/index.js';
export { renderHtml, renderJson, renderMarkdown } from './render/index.js';
export { readInputs, idFromPath, DEFAULT_READ_LIMITS, type ReadLimits, type ReadResult } from './ingest/files.js';
export { decodeBytes } from './ingest/decode.js';
export { DocumentSchema, documentToRaw, parseDocumentLine } from './ingest/document.js';
export { briefOf, extractAll, storyIdOf, type Extracted, type StoryAnalysis } from './pipeline.js';
export type { Catalog, ArticleView, SearchResult } from './store/catalog.js';
