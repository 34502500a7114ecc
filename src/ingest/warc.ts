import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { brotliDecompressSync, gunzipSync, inflateSync } from 'node:zlib';
import type { InputProblem, RawDocument } from '../types.js';
import { ByteReader } from './byte-reader.js';
import { decodeBytes } from './decode.js';
import { sha256Hex } from './document.js';
import { canonicalUrl } from './fetch.js';
import { idFromPath } from './files.js';
import { gzipMembers, isGzip, type Piece } from './gzip-members.js';
import { urlId } from './url-id.js';

/** Records with larger payloads are skipped (a news page is far smaller). */
export const DEFAULT_WARC_MAX_RECORD_BYTES = 8 * 2 ** 20;

/** A compressed body may expand to this much (a compression bomb stops here). */
const MAX_EXPANDED_BYTES = 32 * 2 ** 20;
/** A record's header block (WARC headers) is never longer than this. */
const MAX_HEADER_BYTES = 64 * 1024;
/** Bytes looked at a time when skipping a record too large to hold, or looking for the next record. */
const SCAN_BYTES = 1024 * 1024;

/** Media types of article pages; other responses (images, scripts, robots.txt) are skipped silently. */
const HTML_TYPES = /^(text\/html|application\/xhtml\+xml)$/;
/** Where a record starts: its version line, at the start of a line. */
const RECORD_START = /(?:^|\n)(WARC\/1\.[01]\r?\n)/;
/** The end of one record and the start of the next. */
const RECORD_SEAM = Buffer.from('\r\n\r\nWARC/1.');
const BLOCK_END = Buffer.from('\r\n\r\n');

interface RecordHeader {
  type: string;
  length: number;
  uri?: string;
  contentType?: string;
}

/**
 * The HTML responses of a WARC archive (plain, or gzipped per record as in
 * CC-NEWS, or gzipped whole), as RawDocuments. Damage costs only what it
 * touches: a record with a bad, negative or huge Content-Length, a record cut
 * short, or a corrupt or truncated gzip member is reported with its number
 * (`archive.warc.gz#7`) and reading goes on at the next record found.
 */
export async function* readWarc(file: string, options: { maxRecordBytes?: number } = {}): AsyncGenerator<RawDocument | InputProblem> {
  const max = options.maxRecordBytes ?? DEFAULT_WARC_MAX_RECORD_BYTES;
  let source: AsyncGenerator<Piece>;
  try {
    source = (await startsWithGzip(file)) ? gzipMembers(file) : fileChunks(file);
  } catch (err) {
    yield { input: file, reason: `cannot read: ${(err as NodeJS.ErrnoException).code ?? String(err)}` };
    return;
  }
  const reader = new ByteReader(source);
  let index = 0;
  let yielded = 0;
  const where = (): string => `${file}#${index}`;
  try {
    for (;;) {
      const gap = await nextRecord(reader);
      if (gap.broken !== undefined) yield { input: index === 0 ? file : `${file} after #${index}`, reason: `${gap.broken}; reading goes on at the next record found` };
      if (gap.skipped > 0) yield { input: index === 0 ? file : `${file} after #${index}`, reason: `${gap.skipped} bytes that are not a WARC record skipped` };
      if (reader.ended) break;
      index++;
      const header = await readHeader(reader);
      if ('problem' in header) {
        yield { input: where(), reason: header.problem };
        continue;
      }
      const wanted = header.type === 'response' || header.type === 'resource';
      if (header.length > max) {
        const end = await skipBlock(reader, header.length);
        yield { input: where(), reason: `record too large (${header.length} bytes; the limit is ${max})${end}` };
        continue;
      }
      const block = await readBlock(reader, header.length);
      if ('problem' in block) {
        yield { input: where(), reason: block.problem };
        continue;
      }
      if (!wanted) continue;
      const doc = recordDocument(file, index, header, block.bytes);
      if (doc === undefined) continue;
      if (!('reason' in doc)) yielded++;
      yield doc;
    }
  } catch (err) {
    yield { input: where(), reason: `cannot read: ${err instanceof Error ? err.message : String(err)}` };
    return;
  }
  if (index === 0) yield { input: file, reason: 'no WARC records (not a WARC file?)' };
  else if (yielded === 0) yield { input: file, reason: 'no HTML responses in this archive' };
}

async function startsWithGzip(file: string): Promise<boolean> {
  const fh = await open(file, 'r');
  try {
    const head = Buffer.alloc(2);
    await fh.read(head, 0, 2, 0);
    return isGzip(head);
  } finally {
    await fh.close();
  }
}

async function* fileChunks(file: string): AsyncGenerator<Piece> {
  for await (const chunk of createReadStream(file, { highWaterMark: SCAN_BYTES })) yield chunk as Buffer;
}

/**
 * Moves the reader to the start of the next record: the blank lines between
 * records are passed over, and so is anything else until a WARC version line
 * (a break in the stream, or bytes that are not a record, are said so).
 */
async function nextRecord(reader: ByteReader): Promise<{ skipped: number; broken?: string }> {
  let skipped = 0;
  let broken: string | undefined;
  for (;;) {
    await reader.fill(SCAN_BYTES);
    const cut = reader.takeBreak();
    if (cut !== undefined) {
      broken ??= cut;
      continue;
    }
    const window = reader.bytes.subarray(0, SCAN_BYTES);
    if (window.length === 0) return { skipped, broken };
    const text = window.toString('latin1');
    const lead = /^[\r\n]*/.exec(text)![0].length;
    if (text.startsWith('WARC/', lead)) {
      reader.consume(lead);
      return { skipped, broken };
    }
    const m = RECORD_START.exec(text.slice(lead));
    if (m) {
      const at = lead + m.index + (m[0].length - m[1]!.length);
      skipped += at - lead;
      reader.consume(at);
      continue;
    }
    // No version line here: drop the window, but for its last bytes when more may follow (a line cut by the window's end).
    const more = !reader.atBreak && (await reader.fill(window.length + 1)) > window.length;
    const drop = more ? Math.max(lead + 1, window.length - RECORD_SEAM.length) : reader.bytes.length;
    skipped += drop - lead;
    reader.consume(drop);
  }
}

/** The WARC header block at the reader, consumed; or why it is not one (the reader then stands after it). */
async function readHeader(reader: ByteReader): Promise<RecordHeader | { problem: string }> {
  await reader.fill(MAX_HEADER_BYTES);
  const bytes = reader.bytes;
  const end = bytes.indexOf(BLOCK_END);
  if (end < 0 || end > MAX_HEADER_BYTES) {
    // Skip the version line so that the search for the next record moves on.
    reader.consume(Math.max(1, bytes.indexOf(0x0a) + 1));
    return { problem: reader.atBreak ? `record cut short in its header (${reader.dropToBreak()})` : 'record header without an end (no blank line within 64 KiB)' };
  }
  const lines = bytes.toString('latin1', 0, end).split(/\r\n/);
  reader.consume(end + BLOCK_END.length);
  const fields = new Map<string, string>();
  for (const line of lines.slice(1)) {
    const colon = line.indexOf(':');
    if (colon > 0) fields.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
  }
  const declared = fields.get('content-length');
  if (declared === undefined) return { problem: 'record without a Content-Length' };
  if (!/^\d{1,15}$/.test(declared)) return { problem: `record with a Content-Length that is not a byte count ("${declared.slice(0, 40)}")` };
  return { type: (fields.get('warc-type') ?? '').toLowerCase(), length: Number(declared), uri: fields.get('warc-target-uri')?.replace(/^<|>$/g, ''), contentType: fields.get('content-type') };
}

/**
 * A record's block of `length` bytes, consumed with the blank lines after it.
 * A block that runs into the next record's header (its Content-Length is too
 * large) is cut there and reported; one cut by the end or a break is reported.
 */
async function readBlock(reader: ByteReader, length: number): Promise<{ bytes: Buffer } | { problem: string }> {
  const have = await reader.fill(length + BLOCK_END.length);
  const bytes = reader.bytes;
  const seam = bytes.subarray(0, Math.min(have, length + BLOCK_END.length - 1)).indexOf(RECORD_SEAM);
  if (seam >= 0 && seam < length) {
    reader.consume(seam + BLOCK_END.length);
    return { problem: `record's Content-Length (${length} bytes) runs into the next record, which starts after ${seam} bytes` };
  }
  if (have < length) {
    const got = have;
    const why = reader.atBreak ? reader.dropToBreak() : 'the archive ends';
    reader.consume(got);
    return { problem: `record is truncated (${got} of ${length} bytes; ${why})` };
  }
  const block = Buffer.from(bytes.subarray(0, length));
  reader.consume(length);
  return { bytes: block };
}

/** Skips a block too large to hold, stopping early at the next record's header if it comes first; says where it ended when not where declared. */
async function skipBlock(reader: ByteReader, length: number): Promise<string> {
  let left = length;
  while (left > 0) {
    const have = await reader.fill(Math.min(left, SCAN_BYTES) + RECORD_SEAM.length);
    if (have === 0) return reader.atBreak ? `; cut short (${reader.dropToBreak()})` : `; the archive ends ${left} bytes before the record would`;
    const window = reader.bytes.subarray(0, Math.min(have, left + RECORD_SEAM.length));
    const seam = window.indexOf(RECORD_SEAM);
    if (seam >= 0 && seam < left) {
      reader.consume(seam + BLOCK_END.length);
      return left - seam > BLOCK_END.length ? `; the next record starts ${left - seam} bytes before its declared end` : '';
    }
    const step = Math.min(left, Math.max(1, window.length - RECORD_SEAM.length));
    reader.consume(step);
    left -= step;
  }
  return '';
}

/** The RawDocument of an HTML response or resource; undefined for a record that is not a page; a problem for a page that cannot be read. */
function recordDocument(file: string, index: number, header: RecordHeader, block: Buffer): RawDocument | InputProblem | undefined {
  const where = `${file}#${index}`;
  const http = header.type === 'response' ? parseHttpResponse(block) : { status: 200, headers: new Map<string, string>(), body: block };
  if (!http) return { input: where, reason: 'response record without a valid HTTP header' };
  const contentType = http.headers.get('content-type') ?? (header.type === 'resource' ? header.contentType ?? '' : '');
  const mediaType = contentType.split(';')[0]?.trim().toLowerCase() ?? '';
  if (!HTML_TYPES.test(mediaType) || http.status < 200 || http.status >= 300) return undefined;
  const bytes = decodeBody(http.body, http.headers);
  if (typeof bytes === 'string') return { input: where, reason: bytes };
  const charset = contentType.match(/charset\s*=\s*"?([\w.:-]+)/i)?.[1];
  const content = decodeBytes(bytes, { declaredCharset: charset, format: 'html' });
  if (content.trim() === '') return { input: where, reason: 'empty HTML payload' };
  const url = header.uri ? canonicalUrl(header.uri) : undefined;
  return {
    id: url ? urlId(url) : `${idFromPath(file)}-${index}`,
    origin: header.uri ? `${where} ${header.uri}` : where,
    format: 'html',
    content,
    url,
    declaredCharset: charset,
    contentHash: sha256Hex(bytes),
  };
}

const CRLFCRLF = Buffer.from('\r\n\r\n');

/** Status line and headers of a stored HTTP response, and its body as stored. */
function parseHttpResponse(block: Uint8Array): { status: number; headers: Map<string, string>; body: Uint8Array } | undefined {
  const buf = Buffer.from(block.buffer, block.byteOffset, block.length);
  const end = buf.indexOf(CRLFCRLF);
  if (end < 0) return undefined;
  const lines = buf.subarray(0, end).toString('latin1').split('\r\n');
  const status = Number(lines[0]?.match(/^HTTP\/\d(?:\.\d)?\s+(\d{3})/)?.[1]);
  if (!status) return undefined;
  const headers = new Map<string, string>();
  for (const line of lines.slice(1)) {
    const colon = line.indexOf(':');
    if (colon > 0) headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
  }
  return { status, headers, body: buf.subarray(end + CRLFCRLF.length) };
}

/** Undoes chunked transfer and gzip/deflate/br content coding when the archive kept them (CC-NEWS stores bodies decoded). */
function decodeBody(body: Uint8Array, headers: Map<string, string>): Uint8Array | string {
  let out = Buffer.from(body);
  if (/chunked/i.test(headers.get('transfer-encoding') ?? '')) {
    const parts: Buffer[] = [];
    let pos = 0;
    for (;;) {
      const eol = out.indexOf('\r\n', pos);
      if (eol < 0) return 'broken chunked body';
      const size = parseInt(out.subarray(pos, eol).toString('latin1'), 16);
      if (Number.isNaN(size)) return 'broken chunked body';
      if (size === 0) break;
      parts.push(out.subarray(eol + 2, eol + 2 + size));
      pos = eol + 2 + size + 2;
    }
    out = Buffer.concat(parts);
  }
  const coding = (headers.get('content-encoding') ?? '').toLowerCase();
  try {
    if (coding === 'gzip' || coding === 'x-gzip') out = gunzipSync(out, { maxOutputLength: MAX_EXPANDED_BYTES });
    else if (coding === 'deflate') out = inflateSync(out, { maxOutputLength: MAX_EXPANDED_BYTES });
    else if (coding === 'br') out = brotliDecompressSync(out, { maxOutputLength: MAX_EXPANDED_BYTES });
  } catch {
    return `corrupt ${coding} body`;
  }
  return out;
}

export function isWarcPath(p: string): boolean {
  return /\.warc(\.gz)?$/i.test(p);
}
