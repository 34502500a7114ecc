import { readFileSync, statSync } from 'node:fs';
import type { InputProblem, RawDocument } from '../types.js';
import { decodeBytes } from './decode.js';
import { isProblem, sha256Hex } from './document.js';
import { parseFeed, looksLikeFeed, type FeedItem } from './feed.js';
import { canonicalUrl, Fetcher, type FetchOptions } from './fetch.js';
import { listInputFiles, readFiles, type ReadLimits } from './files.js';
import { urlId } from './url-id.js';
import { isWarcPath, readWarc } from './warc.js';

/**
 * Every kind of input `newsfuse ingest` takes, as a stream of batches of
 * RawDocuments: files, folders and globs (through files.ts), WARC archives,
 * URLs of pages, and RSS/Atom feeds (local files or URLs) whose items are
 * fetched. Problems are reported in the batches and never stop the rest.
 */

/**
 * Documents per batch handed to the store: bounds memory on big archives, and
 * keeps each read short, so that the store's threads go on working while the
 * next batch is read.
 */
const BATCH_DOCS = 64;
/** Feed item content shorter than this is a teaser, not the article. */
const MIN_FEED_CONTENT_CHARS = 500;
/** Largest local feed file read. */
const MAX_FEED_FILE_BYTES = 16 * 2 ** 20;

export interface FeedState {
  etag?: string;
  lastModified?: string;
}

export interface SourceContext {
  fetch?: Partial<FetchOptions>;
  limits?: Partial<ReadLimits>;
  /** Feed items whose URL is already stored are not fetched again. */
  isKnownUrl?: (url: string) => Promise<boolean>;
  /** Conditional requests for feeds (ETag / Last-Modified), kept in the store between polls. */
  feedState?: { get(url: string): Promise<FeedState | undefined>; set(url: string, state: FeedState): Promise<void> };
}

export interface SourceBatch {
  docs: RawDocument[];
  problems: InputProblem[];
  /** Feed items skipped because their URL is already stored, or feeds not modified. */
  skipped: number;
  /** Files about to be read in the batches that follow (for a progress bar): each holds one document or more. */
  files?: number;
}

export function isUrl(input: string): boolean {
  return /^https?:\/\//i.test(input);
}

export function isFeedPath(input: string): boolean {
  return /\.(rss|atom|xml)$/i.test(input);
}

export class SourceReader {
  private readonly fetcher: Fetcher;

  constructor(private readonly ctx: SourceContext = {}) {
    this.fetcher = new Fetcher(ctx.fetch);
  }

  async *read(inputs: string[]): AsyncGenerator<SourceBatch> {
    let files: string[] = [];
    const flushFiles = async function* (this: SourceReader): AsyncGenerator<SourceBatch> {
      if (files.length === 0) return;
      const problems: InputProblem[] = [];
      const listed = listInputFiles(files, this.ctx.limits ?? {}, problems);
      files = [];
      yield { docs: [], problems, skipped: 0, files: listed.length };
      yield* batched(readFiles(listed, this.ctx.limits));
    }.bind(this);
    for (const input of inputs) {
      if (isUrl(input)) {
        yield* flushFiles();
        yield await this.readUrl(input);
      } else if (isWarcPath(input) && isFile(input)) {
        yield* flushFiles();
        yield* batched(readWarc(input));
      } else if (isFeedPath(input) && isFile(input)) {
        yield* flushFiles();
        yield await this.readFeedFile(input);
      } else {
        files.push(input);
      }
    }
    yield* flushFiles();
  }

  private async readFeedFile(file: string): Promise<SourceBatch> {
    let xml: string;
    try {
      if (statSync(file).size > MAX_FEED_FILE_BYTES) return problem(file, `too large (the limit is ${MAX_FEED_FILE_BYTES} bytes)`);
      xml = decodeBytes(readFileSync(file), { format: 'html' });
    } catch (err) {
      return problem(file, `cannot read: ${(err as Error).message}`);
    }
    return this.readFeedItems(file, xml);
  }

  /** A page or a feed, told apart by media type and first bytes. */
  async readUrl(input: string): Promise<SourceBatch> {
    const state = await this.ctx.feedState?.get(input);
    let fetched;
    try {
      fetched = await this.fetcher.fetch(input, state ?? {});
    } catch (err) {
      return problem(input, (err as Error).message);
    }
    if (fetched.status === 304 || !fetched.body) return { docs: [], problems: [], skipped: 1 };
    const head = Buffer.from(fetched.body.subarray(0, 2048)).toString('latin1');
    if (looksLikeFeed(fetched.contentType, head)) {
      const xml = decodeBytes(fetched.body, { declaredCharset: fetched.charset, format: 'html' });
      const batch = await this.readFeedItems(input, xml);
      if (batch.problems.length === 0 || batch.docs.length > 0) {
        await this.ctx.feedState?.set(input, { etag: fetched.etag, lastModified: fetched.lastModified });
      }
      return batch;
    }
    const doc = pageDocument(input, fetched.url, fetched.body, fetched.contentType, fetched.charset);
    return isProblem(doc) ? { docs: [], problems: [doc], skipped: 0 } : { docs: [doc], problems: [], skipped: 0 };
  }

  /** One page, fetched (`newsfuse extract URL`): never read as a feed. */
  async readPage(input: string): Promise<SourceBatch> {
    try {
      const fetched = await this.fetcher.fetch(input);
      const doc = pageDocument(input, fetched.url, fetched.body ?? new Uint8Array(), fetched.contentType, fetched.charset);
      return isProblem(doc) ? { docs: [], problems: [doc], skipped: 0 } : { docs: [doc], problems: [], skipped: 0 };
    } catch (err) {
      return problem(input, (err as Error).message);
    }
  }

  private async readFeedItems(origin: string, xml: string): Promise<SourceBatch> {
    let items: FeedItem[];
    try {
      items = parseFeed(xml).items;
    } catch (err) {
      return problem(origin, `not a feed: ${(err as Error).message}`);
    }
    const batch: SourceBatch = { docs: [], problems: [], skipped: 0 };
    for (const item of items) {
      const link = item.link ? canonicalUrl(item.link) : undefined;
      if (!link || !isUrl(link)) {
        batch.problems.push({ input: `${origin} item ${item.guid ?? item.title ?? '?'}`, reason: 'no http(s) link' });
        continue;
      }
      if (await this.ctx.isKnownUrl?.(link)) {
        batch.skipped++;
        continue;
      }
      const doc = await this.feedItemDocument(link, item);
      if (isProblem(doc)) batch.problems.push(doc);
      else batch.docs.push(doc);
    }
    return batch;
  }

  private async feedItemDocument(link: string, item: FeedItem): Promise<RawDocument | InputProblem> {
    try {
      const fetched = await this.fetcher.fetch(link);
      if (!fetched.body) return { input: link, reason: 'no body' };
      const doc = pageDocument(link, fetched.url, fetched.body, fetched.contentType, fetched.charset);
      if (isProblem(doc)) return doc;
      return withFeedDate({ ...doc, title: doc.title ?? item.title }, item);
    } catch (err) {
      // Feeds that carry the full article still give it when the page cannot be fetched.
      if (item.content && item.content.length >= MIN_FEED_CONTENT_CHARS) {
        return withFeedDate({ id: urlId(link), origin: link, format: 'html', content: item.content, url: link, title: item.title, contentHash: sha256Hex(item.content) }, item);
      }
      return { input: link, reason: (err as Error).message };
    }
  }

  async close(): Promise<void> {
    await this.fetcher.close();
  }
}

/** A feed item's page with the date the feed gave it, or a warning why that date was dropped. */
function withFeedDate(doc: RawDocument, item: FeedItem): RawDocument {
  if (item.dateProblem) return { ...doc, warnings: [...(doc.warnings ?? []), `feed ${item.dateProblem}`] };
  return item.publishedAt ? { ...doc, publishedAt: item.publishedAt } : doc;
}

/** Documents and problems as they come, in batches of BATCH_DOCS documents. */
async function* batched(items: Iterable<RawDocument | InputProblem> | AsyncIterable<RawDocument | InputProblem>): AsyncGenerator<SourceBatch> {
  let batch: SourceBatch = { docs: [], problems: [], skipped: 0 };
  for await (const item of items) {
    if (isProblem(item)) batch.problems.push(item);
    else batch.docs.push(item);
    if (batch.docs.length >= BATCH_DOCS) {
      yield batch;
      batch = { docs: [], problems: [], skipped: 0 };
    }
  }
  yield batch;
}

function isFile(p: string): boolean {
  try {
    return statSync(p).isFile();
  } catch {
    return false;
  }
}

function problem(input: string, reason: string): SourceBatch {
  return { docs: [], problems: [{ input, reason }], skipped: 0 };
}

/** A fetched page as a RawDocument, its id a hash of its canonical URL. */
export function pageDocument(input: string, finalUrl: string, body: Uint8Array, contentType: string, charset?: string): RawDocument | InputProblem {
  const isText = contentType === 'text/plain';
  if (contentType && !isText && !/html|xml/.test(contentType)) return { input, reason: `not a page (${contentType})` };
  const format = isText ? 'text' : 'html';
  const content = decodeBytes(body, { declaredCharset: charset, format });
  if (content.trim() === '') return { input, reason: 'empty page' };
  const url = canonicalUrl(finalUrl);
  return { id: urlId(url), origin: input, format, content, url, declaredCharset: charset, contentHash: sha256Hex(body) };
}
