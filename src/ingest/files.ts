import { readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import type * as Tinyglobby from 'tinyglobby';
import type { InputProblem, RawDocument } from '../types.js';
import { articleDocument, jsonDocuments, jsonLineDocuments, looksBinary } from './contents.js';
import { isProblem } from './document.js';
import { safeId } from './ids.js';
import { fileLines, LineCutter } from './lines.js';
import { readStdin } from './stdin.js';

/** Limits that keep one hostile input from exhausting the machine. */
export interface ReadLimits {
  /** Largest file read, compressed or not. */
  maxBytes: number;
  /** Largest size a .gz may expand to (a gzip bomb stops here). */
  maxExpandedBytes: number;
  /** Largest number of files a single directory or glob may yield. */
  maxFiles: number;
  /**
   * Largest .json or .jsonl.gz file of many Documents, compressed or
   * expanded (each of its documents must still fit maxBytes): those are read
   * whole. Kept well below V8's longest string (~512 MiB). A plain .jsonl is
   * read line by line, so it has no size limit of its own.
   */
  maxCollectionBytes: number;
}

export const DEFAULT_READ_LIMITS: ReadLimits = {
  maxBytes: 16 * 2 ** 20,
  maxExpandedBytes: 32 * 2 ** 20,
  maxFiles: 100_000,
  maxCollectionBytes: 256 * 2 ** 20,
};

/**
 * tinyglobby (with picomatch, some 6 ms to load) is loaded the first time an
 * input names no file or folder, the only time a glob is looked for: reading
 * files and folders by name never loads it.
 */
const requireLazily = createRequire(import.meta.url);
let globModule: typeof Tinyglobby | undefined;
const glob = (): typeof Tinyglobby => (globModule ??= requireLazily('tinyglobby') as typeof Tinyglobby);

/** Extensions newsfuse reads, longest first so that `.html.gz` wins over `.gz`. */
const ARTICLE_EXTENSIONS = ['.html.gz', '.htm.gz', '.txt.gz', '.jsonl.gz', '.json.gz', '.html', '.htm', '.txt', '.jsonl', '.json'] as const;


export interface ReadResult {
  docs: RawDocument[];
  problems: InputProblem[];
}

/**
 * Reads files, directories (recursively, sorted), globs and `-` (standard
 * input) into RawDocuments. Every unusable input becomes a problem naming it;
 * the rest go on. Ids are unique: a second input with an id already seen is
 * reported, not merged.
 */
export async function readInputs(inputs: string[], limits: Partial<ReadLimits> = {}): Promise<ReadResult> {
  const result: ReadResult = { docs: [], problems: [] };
  for await (const item of readEach(inputs, limits)) {
    if (isProblem(item)) result.problems.push(item);
    else result.docs.push(item);
  }
  return result;
}

/**
 * What becomes of the bytes of a page or text file: by default its
 * RawDocument (articleDocument: decoded, hashed); a caller that wants the
 * document in another form (extraction, prepared straight from the bytes)
 * passes its own reader. Documents of .json and .jsonl files and of standard
 * input are RawDocuments whatever the reader.
 */
export type PageReader<D> = (origin: string, id: string, bytes: Uint8Array, isHtml: boolean) => D | InputProblem;

/** What ids are kept unique by: every document has one, and where it came from. */
interface Identified {
  id: string;
  origin: string;
}

/**
 * readInputs one document (or problem) at a time, in input order. Callers
 * reading several batches of inputs pass one `seen` set so ids stay unique
 * across them.
 */
export function readEach(inputs: string[], limits?: Partial<ReadLimits>, seen?: Set<string>): AsyncGenerator<RawDocument | InputProblem>;
export function readEach<D extends Identified>(inputs: string[], limits: Partial<ReadLimits>, seen: Set<string>, readPage: PageReader<D>): AsyncGenerator<RawDocument | D | InputProblem>;
export async function* readEach(
  inputs: string[],
  limits: Partial<ReadLimits> = {},
  seen = new Set<string>(),
  readPage: PageReader<Identified> = articleDocument,
): AsyncGenerator<Identified | InputProblem> {
  const lim = { ...DEFAULT_READ_LIMITS, ...limits };
  for (const input of inputs) {
    if (input === STDIN) {
      yield* unique(readStdin(lim), seen);
      continue;
    }
    const problems: InputProblem[] = [];
    const files = listInputFiles([input], lim, problems);
    yield* problems;
    yield* readFiles(files, lim, seen, readPage);
  }
}

/** The name that stands for standard input wherever a file is expected. */
export const STDIN = '-';

/** The documents, less those whose id is already in `seen` (reported instead). */
async function* unique(items: AsyncIterable<RawDocument | InputProblem> | Iterable<RawDocument | InputProblem>, seen: Set<string>): AsyncGenerator<RawDocument | InputProblem> {
  for await (const item of items) yield isProblem(item) ? item : once(item, seen);
}

function once<D extends Identified>(doc: D, seen: Set<string>): D | InputProblem {
  if (seen.has(doc.id)) return { input: doc.origin, id: doc.id, reason: `duplicate id "${doc.id}" (already read from another input)` };
  seen.add(doc.id);
  return doc;
}

/** The article files the inputs name (folders walked, globs expanded), in reading order; unusable inputs go to `problems`. */
export function listInputFiles(inputs: string[], limits: Partial<ReadLimits>, problems: InputProblem[]): string[] {
  const lim = { ...DEFAULT_READ_LIMITS, ...limits };
  return inputs.flatMap((input) => expandInput(input, lim, problems));
}

/**
 * The documents of article files one at a time, for callers that process
 * documents as they come (`newsfuse ingest`): a plain .jsonl is read line by
 * line, so memory holds one document, not the file. Ids stay unique across
 * the files.
 */
export function readFiles(files: string[], limits?: Partial<ReadLimits>, seen?: Set<string>): Generator<RawDocument | InputProblem>;
export function readFiles<D extends Identified>(files: string[], limits: Partial<ReadLimits>, seen: Set<string>, readPage: PageReader<D>): Generator<RawDocument | D | InputProblem>;
export function* readFiles(
  files: string[],
  limits: Partial<ReadLimits> = {},
  seen = new Set<string>(),
  readPage: PageReader<Identified> = articleDocument,
): Generator<Identified | InputProblem> {
  const lim = { ...DEFAULT_READ_LIMITS, ...limits };
  for (const file of files) {
    for (const item of readArticleFile(file, lim, readPage)) yield isProblem(item) ? item : once(item, seen);
  }
}

/** The base name without the article extensions: `000_abc.txt` → `000_abc`, `page.html.gz` → `page` (kept to the safe set of ids.ts). */
export function idFromPath(file: string): string {
  const base = path.basename(file);
  const ext = articleExtension(base);
  return safeId(ext ? base.slice(0, -ext.length) : base);
}

function articleExtension(name: string): string | undefined {
  const lower = name.toLowerCase();
  return ARTICLE_EXTENSIONS.find((ext) => lower.endsWith(ext));
}

function expandInput(input: string, lim: ReadLimits, problems: InputProblem[]): string[] {
  let stat;
  try {
    stat = statSync(input);
  } catch {
    if (glob().isDynamicPattern(input)) {
      const files = glob().globSync(input, { onlyFiles: true }).filter((f) => articleExtension(f) !== undefined).sort();
      if (files.length === 0) problems.push({ input, reason: 'no article files match this pattern' });
      return capFiles(input, files, lim, problems);
    }
    problems.push({ input, id: idFromPath(input), reason: 'no such file or directory' });
    return [];
  }
  if (stat.isDirectory()) {
    const files = listArticleFiles(input);
    if (files.length === 0) problems.push({ input, reason: 'no article files (.txt, .html, .html.gz, .json, .jsonl) in this directory' });
    return capFiles(input, files, lim, problems);
  }
  if (!stat.isFile()) {
    problems.push({ input, id: idFromPath(input), reason: 'not a regular file' });
    return [];
  }
  return [input];
}

function capFiles(input: string, files: string[], lim: ReadLimits, problems: InputProblem[]): string[] {
  if (files.length <= lim.maxFiles) return files;
  problems.push({ input, reason: `${files.length} files; only the first ${lim.maxFiles} are read` });
  return files.slice(0, lim.maxFiles);
}

function listArticleFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string): void => {
    const entries = readdirSync(d, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const e of entries) {
      if (e.name.startsWith('.')) continue;
      const full = path.join(d, e.name);
      if (e.isDirectory()) walk(full);
      else if (e.isFile() && articleExtension(e.name) !== undefined) out.push(full);
    }
  };
  walk(dir);
  return out;
}

/** One file may hold one article (.txt, .html), one or many Documents (.json, .jsonl). */
function readArticleFile(file: string, lim: ReadLimits, readPage: PageReader<Identified>): Iterable<Identified | InputProblem> {
  const ext = (articleExtension(path.basename(file)) ?? '').replace(/\.gz$/, '');
  const gzipped = file.toLowerCase().endsWith('.gz');
  if (ext === '.jsonl' && !gzipped) return streamJsonLines(file, lim.maxBytes);
  const collection = ext === '.jsonl' || ext === '.json';
  const bytes = readBytes(file, collection ? { ...lim, maxBytes: lim.maxCollectionBytes, maxExpandedBytes: lim.maxCollectionBytes } : lim);
  if (isProblem(bytes)) return [collection ? bytes : { ...bytes, id: idFromPath(file) }];
  if (ext === '.jsonl') return readJsonLines(file, bytes, lim.maxBytes);
  if (ext === '.json') return jsonDocuments(file, bytes, lim.maxBytes, idFromPath(file));
  return [readPage(file, idFromPath(file), bytes, ext === '.html' || ext === '.htm')];
}

function readBytes(file: string, lim: ReadLimits): Uint8Array | InputProblem {
  let size: number;
  try {
    size = statSync(file).size;
  } catch {
    return { input: file, reason: 'no such file' };
  }
  if (size === 0) return { input: file, reason: 'empty file' };
  if (size > lim.maxBytes) return { input: file, reason: `too large (${size} bytes; the limit is ${lim.maxBytes})` };
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(file);
  } catch (err) {
    return { input: file, reason: `cannot read: ${(err as NodeJS.ErrnoException).code ?? String(err)}` };
  }
  if (file.toLowerCase().endsWith('.gz')) {
    try {
      bytes = gunzipSync(bytes, { maxOutputLength: lim.maxExpandedBytes, chunkSize: gunzipChunkSize(bytes, lim.maxExpandedBytes) });
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code === 'ERR_BUFFER_TOO_LARGE') return { input: file, reason: `expands beyond ${lim.maxExpandedBytes} bytes` };
      return { input: file, reason: 'corrupt or truncated gzip data' };
    }
    if (bytes.length === 0) return { input: file, reason: 'empty file' };
  }
  if (looksBinary(bytes)) return { input: file, reason: 'binary data, not text or HTML' };
  return bytes;
}

/** zlib's own output chunk, the smallest used. */
const MIN_GUNZIP_CHUNK = 16 * 1024;

/**
 * Output chunk for expanding a .gz: the size its trailer states (ISIZE, the
 * last 4 bytes, little-endian), so that a page comes out in one chunk rather
 * than in 16 KiB pieces copied together afterwards (10 ms over the 102 dev
 * pages). Only a hint: a lying trailer costs at most one chunk of the limit.
 */
function gunzipChunkSize(gz: Uint8Array, limit: number): number {
  if (gz.length < 4) return MIN_GUNZIP_CHUNK;
  const n = gz.length;
  const stated = (gz[n - 4]! | (gz[n - 3]! << 8) | (gz[n - 2]! << 16) | (gz[n - 1]! << 24)) >>> 0;
  // One byte more than the output, so zlib ends inside the chunk instead of asking for another.
  return Math.max(MIN_GUNZIP_CHUNK, Math.min(limit, stated + 1));
}

/** A .jsonl held in memory (expanded from .gz). */
function readJsonLines(file: string, bytes: Uint8Array, maxDocumentBytes: number): (RawDocument | InputProblem)[] {
  const cutter = new LineCutter(maxDocumentBytes);
  return [...jsonLineDocuments(file, [...cutter.push(bytes), ...cutter.end()], maxDocumentBytes)];
}

/** A plain .jsonl, read line by line. */
function* streamJsonLines(file: string, maxDocumentBytes: number): Generator<RawDocument | InputProblem> {
  try {
    yield* jsonLineDocuments(file, fileLines(file, maxDocumentBytes), maxDocumentBytes);
  } catch (err) {
    yield { input: file, reason: `cannot read: ${(err as NodeJS.ErrnoException).code ?? String(err)}` };
  }
}

