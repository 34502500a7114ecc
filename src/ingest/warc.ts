import { createReadStream } from 'node:fs';
import { WARCParser } from 'warcio';
import type { InputProblem, RawDocument } from '../types.js';
import { decodeBytes } from './decode.js';
import { sha256Hex } from './document.js';
import { canonicalUrl } from './fetch.js';
import { urlId } from './url-id.js';

/** Records with larger payloads are skipped (a news page is far smaller). */
export const DEFAULT_WARC_MAX_RECORD_BYTES = 8 * 2 ** 20;

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
    for await (const record of WARCParser.iterRecords(createReadStream(file))) {
      index++;
      const where = `${file}#${index}`;
      if (record.warcType !== 'response' && record.warcType !== 'resource') {
        await record.skipFully();
        continue;
      }
      const uri = record.warcTargetURI ?? undefined;
      const info = record.getResponseInfo();
      const contentType = (record.warcType === 'response' ? info?.headers.get('content-type') : record.warcContentType) ?? '';
      const mediaType = contentType.split(';')[0]?.trim().toLowerCase() ?? '';
      const status = Number(info?.status ?? 200);
      if (!HTML_TYPES.test(mediaType) || status < 200 || status >= 300) {
        await record.skipFully();
        continue;
      }
      if (record.warcContentLength > max) {
        await record.skipFully();
        yield { input: where, reason: `record too large (${record.warcContentLength} bytes; the limit is ${max})` };
        continue;
      }
      const bytes = await record.readFully(true);
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
        publishedAt: record.warcDate ?? undefined,
        declaredCharset: charset,
        contentHash: sha256Hex(bytes),
      };
      yielded++;
    }
  } catch (err) {
    yield { input: `${file}#${index + 1}`, reason: `broken WARC record: ${err instanceof Error ? err.message : String(err)}` };
    return;
  }
  if (index === 0) yield { input: file, reason: 'no WARC records (not a WARC file?)' };
  else if (yielded === 0) yield { input: file, reason: 'no HTML responses in this archive' };
}

export function isWarcPath(p: string): boolean {
  return /\.warc(\.gz)?$/i.test(p);
}
