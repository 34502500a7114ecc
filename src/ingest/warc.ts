import { createReadStream } from 'node:fs';
import { brotliDecompressSync, gunzipSync, inflateSync } from 'node:zlib';
import { WARCParser } from 'warcio';
import type { InputProblem, RawDocument } from '../types.js';
import { decodeBytes } from './decode.js';
import { sha256Hex } from './document.js';
import { canonicalUrl } from './fetch.js';
import { urlId } from './url-id.js';

/** Records with larger payloads are skipped (a news page is far smaller). */
export const DEFAULT_WARC_MAX_RECORD_BYTES = 8 * 2 ** 20;

/** A compressed body may expand to this much (a compression bomb stops here). */
const MAX_EXPANDED_BYTES = 32 * 2 ** 20;

/** Media types of article pages; other responses (images, scripts, robots.txt) are skipped silently. */
const HTML_TYPES = /^(text\/html|application\/xhtml\+xml)$/;

/**
 * The HTML responses of a WARC archive (plain or gzipped per record, as in
 * CC-NEWS), as RawDocuments. A broken record ends the file: what came before
 * is kept, the break is reported.
 */
export async function* readWarc(file: string, options: { maxRecordBytes?: number } = {}): AsyncGenerator<RawDocument | InputProblem> {
  const max = options.maxRecordBytes ?? DEFAULT_WARC_MAX_RECORD_BYTES;
  let index = 0;
  let yielded = 0;
  try {
    // HTTP is parsed here, not by warcio, so that a record cut short can be told by its length.
    for await (const record of WARCParser.iterRecords(createReadStream(file), { parseHttp: false })) {
      index++;
      const where = `${file}#${index}`;
      const type = record.warcType;
      if (type !== 'response' && type !== 'resource') {
        await record.skipFully();
        continue;
      }
      const declared = record.warcContentLength;
      if (declared > max) {
        await record.skipFully();
        yield { input: where, reason: `record too large (${declared} bytes; the limit is ${max})` };
        continue;
      }
      const block = await record.readFully(false);
      if (block.length < declared) throw new Error(`record ${index} is truncated (${block.length} of ${declared} bytes)`);
      const uri = record.warcTargetURI ?? undefined;
      const http = type === 'response' ? parseHttpResponse(block) : { status: 200, headers: new Map<string, string>(), body: block };
      if (!http) {
        yield { input: where, reason: 'response record without a valid HTTP header' };
        continue;
      }
      const contentType = http.headers.get('content-type') ?? (type === 'resource' ? record.warcContentType ?? '' : '');
      const mediaType = contentType.split(';')[0]?.trim().toLowerCase() ?? '';
      if (!HTML_TYPES.test(mediaType) || http.status < 200 || http.status >= 300) continue;
      const bytes = decodeBody(http.body, http.headers);
      if (typeof bytes === 'string') {
        yield { input: where, reason: bytes };
        continue;
      }
      const charset = contentType.match(/charset\s*=\s*"?([\w.:-]+)/i)?.[1];
      const content = decodeBytes(bytes, { declaredCharset: charset, format: 'html' });
      if (content.trim() === '') {
        yield { input: where, reason: 'empty HTML payload' };
        continue;
      }
      const url = uri ? canonicalUrl(uri) : undefined;
      yield {
        id: url ? urlId(url) : `${file}#${index}`,
        origin: uri ? `${where} ${uri}` : where,
        format: 'html',
        content,
        url,
        declaredCharset: charset,
        contentHash: sha256Hex(bytes),
      };
      yielded++;
    }
  } catch (err) {
    yield { input: `${file}#${index}`, reason: `broken WARC record: ${err instanceof Error ? err.message : String(err)}` };
    return;
  }
  if (index === 0) yield { input: file, reason: 'no WARC records (not a WARC file?)' };
  else if (yielded === 0) yield { input: file, reason: 'no HTML responses in this archive' };
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
