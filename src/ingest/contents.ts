import type { InputProblem, RawDocument } from '../types.js';
import { decodeBytes } from './decode.js';
import { documentFromValue, documentToRaw, isProblem, parseDocumentLine, sha256Hex } from './document.js';
import type { FileLine } from './lines.js';

/**
 * What the bytes of an input hold: one page or text, one or many Documents
 * (a .json value, the lines of a JSONL). Shared by files, standard input and
 * archives; each refusal names its input (`file.jsonl:12`, `file.json[3]`).
 */

/** Bytes sniffed for binary content: NUL bytes do not occur in text or HTML. */
const SNIFF_BYTES = 8192;

/** One page or text as a RawDocument; only a file with no text at all is refused. */
export function articleDocument(origin: string, id: string, bytes: Uint8Array, isHtml: boolean): RawDocument | InputProblem {
  const doc = articleContent(origin, id, bytes, isHtml || sniffHtml(bytes) ? 'html' : 'text');
  return isProblem(doc) ? doc : { ...doc, contentHash: sha256Hex(bytes) };
}

/** articleDocument of bytes whose format is known, without the content hash (which only ingest's idempotence needs). */
export function articleContent(origin: string, id: string, bytes: Uint8Array, format: 'html' | 'text'): Omit<RawDocument, 'contentHash'> | InputProblem {
  const content = decodeBytes(bytes, { format });
  if (content.trim() === '') return { input: origin, id, reason: 'no text in this file' };
  return { id, origin, format, content };
}


export function looksBinary(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, SNIFF_BYTES);
  // UTF-16 text has NULs too, but announces itself with a BOM.
  if (n >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))) return false;
  // Native search (memchr): a byte loop runs interpreted over the first pages of a short process.
  return bytes.subarray(0, n).indexOf(0) >= 0;
}

export function sniffHtml(bytes: Uint8Array): boolean {
  const head = Buffer.from(bytes.subarray(0, 512)).toString('latin1').trimStart().toLowerCase();
  return head.startsWith('<!doctype html') || head.startsWith('<html') || head.startsWith('<?xml') && head.includes('<html');
}

/** One Document per non-blank line; a line over the limit is reported by its size. */
export function* jsonLineDocuments(name: string, lines: Iterable<FileLine>, maxDocumentBytes: number): Generator<RawDocument | InputProblem> {
  let any = false;
  for (const line of lines) {
    const item = jsonLineDocument(name, line, maxDocumentBytes);
    if (item === undefined) continue;
    any = true;
    yield item;
  }
  if (!any) yield { input: name, reason: 'no JSON lines in this file' };
}

/** The Document of one line of a JSONL input; undefined for a blank line. */
export function jsonLineDocument(name: string, line: FileLine, maxDocumentBytes: number): RawDocument | InputProblem | undefined {
  const where = `${name}:${line.number}`;
  if (line.text === undefined || line.bytes > maxDocumentBytes) return tooLarge(where, line.bytes, maxDocumentBytes);
  if (line.text.trim() === '') return undefined;
  const doc = parseDocumentLine(line.text, where);
  return isProblem(doc) ? doc : documentToRaw(doc, where);
}

function tooLarge(where: string, bytes: number, limit: number): InputProblem {
  return { input: where, reason: `document too large (${bytes} bytes; the limit is ${limit})` };
}


/**
 * A .json file: one Document, or an array of them. A Document without an id
 * takes the file's. Nothing is walked or re-serialised beyond the contract
 * fields, so a value nested thousands deep is refused, not a crash.
 */
export function jsonDocuments(name: string, bytes: Uint8Array, maxDocumentBytes: number, defaultId: string): (RawDocument | InputProblem)[] {
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(bytes).toString('utf8').replace(/^\uFEFF/, ''));
  } catch (err) {
    return [{ input: name, reason: err instanceof RangeError ? 'JSON nested too deeply' : 'not valid JSON' }];
  }
  const rows = Array.isArray(value) ? value : [value];
  if (rows.length === 0) return [{ input: name, reason: 'an empty JSON array' }];
  return rows.map((row, i) => {
    const where = Array.isArray(value) ? `${name}[${i}]` : name;
    const withId = !Array.isArray(value) && typeof row === 'object' && row !== null && !Object.hasOwn(row, 'id') ? { ...row, id: defaultId } : row;
    const doc = documentFromValue(withId, where);
    if (isProblem(doc)) return doc;
    const size = documentBytes(doc);
    return size > maxDocumentBytes ? { ...tooLarge(where, size, maxDocumentBytes), id: doc.id } : documentToRaw(doc, where);
  });
}

/** Bytes of a Document's text fields, as a JSON line would count them (near enough). */
function documentBytes(doc: { text?: string; html?: string; title?: string }): number {
  return Buffer.byteLength(doc.text ?? '') + Buffer.byteLength(doc.html ?? '') + Buffer.byteLength(doc.title ?? '');
}
