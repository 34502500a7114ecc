import { readdirSync, readFileSync, statSync } from 'node:fs';
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
   * Largest .json / .jsonl file of many Documents, compressed or expanded
   * (each of its documents must still fit maxBytes): a JSONL export is many
   * pages in one file. Kept well below V8's longest string (~512 MiB).
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
  const lim = { ...DEFAULT_READ_LIMITS, ...limits };
  const result: ReadResult = { docs: [], problems: [] };
  const seen = new Set<string>();
  const add = (doc: RawDocument): void => {
    if (seen.has(doc.id)) {
      result.problems.push({ input: doc.origin, reason: `duplicate id "${doc.id}" (already read from another input)` });
      return;
    }
    seen.add(doc.id);
    result.docs.push(doc);
  };
  for (const input of inputs) {
    for (const file of expandInput(input, lim, result.problems)) {
      for (const item of readArticleFile(file, lim)) {
        if (isProblem(item)) result.problems.push(item);
        else add(item);
      }
    }
  }
  return result;
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
function readArticleFile(file: string, lim: ReadLimits): (RawDocument | InputProblem)[] {
  const ext = (articleExtension(path.basename(file)) ?? '').replace(/\.gz$/, '');
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

function readJsonLines(file: string, bytes: Uint8Array, maxDocumentBytes: number): (RawDocument | InputProblem)[] {
  const out: (RawDocument | InputProblem)[] = [];
  const lines = Buffer.from(bytes).toString('utf8').split('\n');
  lines.forEach((line, i) => {
    if (line.trim() === '') return;
    const where = `${file}:${i + 1}`;
    // Counted in characters (UTF-16 units), close enough to bytes for a safety bound, and free to compute.
    if (line.length > maxDocumentBytes) {
      out.push({ input: where, reason: `document too large (${line.length} characters; the limit is ${maxDocumentBytes})` });
      return;
    }
    const doc = parseDocumentLine(line, where);
    out.push(isProblem(doc) ? doc : documentToRaw(doc, where));
  });
  if (out.length === 0) out.push({ input: file, reason: 'no JSON lines in this file' });
  return out;
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
    if (line.length > maxDocumentBytes) return { input: where, reason: `document too large (${line.length} characters; the limit is ${maxDocumentBytes})` };
    const doc = parseDocumentLine(line, where);
    return isProblem(doc) ? doc : documentToRaw(doc, where);
  });
}
