import { closeSync, openSync, readdirSync, readFileSync, readSync, statSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { globSync, isDynamicPattern } from 'tinyglobby';
import type { InputProblem, RawDocument } from '../types.js';
import { decodeBytes } from './decode.js';
import { documentToRaw, isProblem, parseDocumentLine, sha256Hex } from './document.js';

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

/** Extensions newsfuse reads, longest first so that `.html.gz` wins over `.gz`. */
const ARTICLE_EXTENSIONS = ['.html.gz', '.htm.gz', '.txt.gz', '.jsonl.gz', '.json.gz', '.html', '.htm', '.txt', '.jsonl', '.json'] as const;

/** Bytes sniffed for binary content: NUL bytes do not occur in text or HTML. */
const SNIFF_BYTES = 8192;
/** Bytes read at a time from a plain .jsonl: its lines are cut from a stream, so the file is never held whole. */
const JSONL_CHUNK_BYTES = 2 ** 20;

export interface ReadResult {
  docs: RawDocument[];
  problems: InputProblem[];
}

/**
 * Reads files, directories (recursively, sorted) and globs into RawDocuments.
 * Every unusable input becomes a problem naming it; the rest go on. Ids are
 * unique: a second input with an id already seen is reported, not merged.
 */
export async function readInputs(inputs: string[], limits: Partial<ReadLimits> = {}): Promise<ReadResult> {
  const result: ReadResult = { docs: [], problems: [] };
  const files = listInputFiles(inputs, limits, result.problems);
  for (const item of readFiles(files, limits)) {
    if (isProblem(item)) result.problems.push(item);
    else result.docs.push(item);
  }
  return result;
}

/** The article files the inputs name (folders walked, globs expanded), in reading order; unusable inputs go to `problems`. */
export function listInputFiles(inputs: string[], limits: Partial<ReadLimits>, problems: InputProblem[]): string[] {
  const lim = { ...DEFAULT_READ_LIMITS, ...limits };
  return inputs.flatMap((input) => expandInput(input, lim, problems));
}

/**
 * readInputs one document at a time, for callers that process documents as
 * they come (`newsfuse ingest`): a plain .jsonl is read line by line, so
 * memory holds one document, not the file. Ids stay unique across the files.
 */
export function* readFiles(files: string[], limits: Partial<ReadLimits> = {}): Generator<RawDocument | InputProblem> {
  const lim = { ...DEFAULT_READ_LIMITS, ...limits };
  const seen = new Set<string>();
  for (const file of files) {
    for (const item of readArticleFile(file, lim)) {
      if (isProblem(item)) yield item;
      else if (seen.has(item.id)) yield { input: item.origin, reason: `duplicate id "${item.id}" (already read from another input)` };
      else {
        seen.add(item.id);
        yield item;
      }
    }
  }
}

/** The base name without the article extensions: `000_abc.txt` → `000_abc`, `page.html.gz` → `page`. */
export function idFromPath(file: string): string {
  const base = path.basename(file);
  const ext = articleExtension(base);
  return ext ? base.slice(0, -ext.length) : base;
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
    if (isDynamicPattern(input)) {
      const files = globSync(input, { onlyFiles: true }).filter((f) => articleExtension(f) !== undefined).sort();
      if (files.length === 0) problems.push({ input, reason: 'no article files match this pattern' });
      return capFiles(input, files, lim, problems);
    }
    problems.push({ input, reason: 'no such file or directory' });
    return [];
  }
  if (stat.isDirectory()) {
    const files = listArticleFiles(input);
    if (files.length === 0) problems.push({ input, reason: 'no article files (.txt, .html, .html.gz, .json, .jsonl) in this directory' });
    return capFiles(input, files, lim, problems);
  }
  if (!stat.isFile()) {
    problems.push({ input, reason: 'not a regular file' });
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
function readArticleFile(file: string, lim: ReadLimits): Iterable<RawDocument | InputProblem> {
  const ext = (articleExtension(path.basename(file)) ?? '').replace(/\.gz$/, '');
  const gzipped = file.toLowerCase().endsWith('.gz');
  if (ext === '.jsonl' && !gzipped) return streamJsonLines(file, lim.maxBytes);
  const collection = ext === '.jsonl' || ext === '.json';
  const bytes = readBytes(file, collection ? { ...lim, maxBytes: lim.maxCollectionBytes, maxExpandedBytes: lim.maxCollectionBytes } : lim);
  if (isProblem(bytes)) return [bytes];
  if (ext === '.jsonl') return readJsonLines(file, bytes, lim.maxBytes);
  if (ext === '.json') return readJsonDocuments(file, bytes, lim.maxBytes);
  const looksLikeHtml = ext === '.html' || ext === '.htm' || sniffHtml(bytes);
  const format = looksLikeHtml ? 'html' : 'text';
  const content = decodeBytes(bytes, { format });
  if (content.trim() === '') return [{ input: file, reason: 'no text in this file' }];
  return [{ id: idFromPath(file), origin: file, format, content, contentHash: sha256Hex(bytes) }];
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
      bytes = gunzipSync(bytes, { maxOutputLength: lim.maxExpandedBytes });
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

function looksBinary(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, SNIFF_BYTES);
  // UTF-16 text has NULs too, but announces itself with a BOM.
  if (n >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))) return false;
  for (let i = 0; i < n; i++) if (bytes[i] === 0) return true;
  return false;
}

function sniffHtml(bytes: Uint8Array): boolean {
  const head = Buffer.from(bytes.subarray(0, 512)).toString('latin1').trimStart().toLowerCase();
  return head.startsWith('<!doctype html') || head.startsWith('<html') || head.startsWith('<?xml') && head.includes('<html');
}

/** A .jsonl held in memory (expanded from .gz). */
function readJsonLines(file: string, bytes: Uint8Array, maxDocumentBytes: number): (RawDocument | InputProblem)[] {
  const lines = Buffer.from(bytes)
    .toString('utf8')
    .split('\n')
    .map((text, i): FileLine => ({ number: i + 1, text: i === 0 ? text.replace(/^\uFEFF/, '') : text, bytes: Buffer.byteLength(text) }));
  return [...jsonLineDocuments(file, lines, maxDocumentBytes)];
}

/** A plain .jsonl, read line by line. */
function* streamJsonLines(file: string, maxDocumentBytes: number): Generator<RawDocument | InputProblem> {
  try {
    yield* jsonLineDocuments(file, fileLines(file, maxDocumentBytes), maxDocumentBytes);
  } catch (err) {
    yield { input: file, reason: `cannot read: ${(err as NodeJS.ErrnoException).code ?? String(err)}` };
  }
}

/** One Document per non-blank line; a line over the limit is reported by its size. */
function* jsonLineDocuments(file: string, lines: Iterable<FileLine>, maxDocumentBytes: number): Generator<RawDocument | InputProblem> {
  let any = false;
  for (const line of lines) {
    const where = `${file}:${line.number}`;
    if (line.text === undefined || line.bytes > maxDocumentBytes) {
      any = true;
      yield tooLarge(where, line.bytes, maxDocumentBytes);
    } else if (line.text.trim() !== '') {
      any = true;
      yield lineDocument(line.text, where);
    }
  }
  if (!any) yield { input: file, reason: 'no JSON lines in this file' };
}

function lineDocument(line: string, where: string): RawDocument | InputProblem {
  const doc = parseDocumentLine(line, where);
  return isProblem(doc) ? doc : documentToRaw(doc, where);
}

function tooLarge(where: string, bytes: number, limit: number): InputProblem {
  return { input: where, reason: `document too large (${bytes} bytes; the limit is ${limit})` };
}

/** One line of a file: its text, or only its size when it is longer than the limit (its bytes are skipped, not kept). */
export interface FileLine {
  /** 1-based. */
  number: number;
  text?: string;
  bytes: number;
}

/**
 * The lines of a UTF-8 file, read `chunkBytes` at a time (a newline byte never
 * occurs inside a multi-byte character, so lines can be cut from raw bytes).
 * A byte-order mark at the start is dropped.
 */
export function* fileLines(file: string, maxLineBytes: number, chunkBytes = JSONL_CHUNK_BYTES): Generator<FileLine> {
  const fd = openSync(file, 'r');
  try {
    const buffer = Buffer.allocUnsafe(chunkBytes);
    let parts: Buffer[] = [];
    let bytes = 0;
    let number = 1;
    const line = (): FileLine => {
      const text = bytes > maxLineBytes ? undefined : Buffer.concat(parts).toString('utf8');
      const out = { number, text: number === 1 && text?.startsWith('\uFEFF') ? text.slice(1) : text, bytes };
      parts = [];
      bytes = 0;
      number++;
      return out;
    };
    for (;;) {
      const read = readSync(fd, buffer, 0, chunkBytes, null);
      if (read === 0) break;
      const chunk = buffer.subarray(0, read);
      let start = 0;
      for (;;) {
        const newline = chunk.indexOf(0x0a, start);
        const end = newline === -1 ? read : newline;
        // The chunk buffer is reused: a kept piece is copied. A line over the limit keeps nothing but its size.
        if (bytes + (end - start) <= maxLineBytes) parts.push(Buffer.from(chunk.subarray(start, end)));
        else parts = [];
        bytes += end - start;
        if (newline === -1) break;
        yield line();
        start = newline + 1;
      }
    }
    if (bytes > 0) yield line();
  } finally {
    closeSync(fd);
  }
}

function readJsonDocuments(file: string, bytes: Uint8Array, maxDocumentBytes: number): (RawDocument | InputProblem)[] {
  const text = Buffer.from(bytes).toString('utf8');
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return [{ input: file, reason: 'not valid JSON' }];
  }
  const rows = Array.isArray(value) ? value : [value];
  if (rows.length === 0) return [{ input: file, reason: 'an empty JSON array' }];
  return rows.map((row, i) => {
    const where = Array.isArray(value) ? `${file}[${i}]` : file;
    const withId = typeof row === 'object' && row !== null && !('id' in row) && !Array.isArray(value) ? { id: idFromPath(file), ...row } : row;
    const line = JSON.stringify(withId);
    const size = Buffer.byteLength(line);
    return size > maxDocumentBytes ? tooLarge(where, size, maxDocumentBytes) : lineDocument(line, where);
  });
}
