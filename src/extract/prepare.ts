/**
 * What extract() does to a document before it needs the extractor: the
 * checks that refuse one (empty, binary) and, for a page, stripping what
 * never holds article text (html/strip.ts). Apart from the extractor so that
 * the thread that reads the inputs of `newsfuse extract` (cli/read-thread.ts)
 * can do it beside the extraction, loading only this, and send on a third of
 * each page instead of all of it.
 */
import { articleContent, sniffHtml } from '../ingest/contents.js';
import { isProblem } from '../ingest/document.js';
import { utf8Content } from '../ingest/decode.js';
import type { ExtractInput, InputProblem, RawDocument } from '../types.js';
import { stripRawText, stripRawTextOfUtf8 } from './html/strip.js';

/** What prepareInput puts in place of a document's content. */
export interface PreparedBody {
  /** A text's content; a page's markup through stripRawText; "" when refused. */
  body: string;
  /** Why extraction refuses the document (the ExtractError's message), when it does. */
  refused?: string;
}

/** A document made ready for extractPrepared (./index.ts): what it was given, less its content. */
export type PreparedInput = Omit<ExtractInput, 'content'> & PreparedBody;

/** Share of control or replacement characters above which the input is binary, not text. */
const MAX_JUNK_SHARE = 0.02;
/** Binary input shows itself in the first few kilobytes. */
const JUNK_SAMPLE_CHARS = 2048;

/** Throws TypeError on a malformed input (library misuse); a document extraction refuses comes back with `refused`. */
export function prepareInput<T extends ExtractInput>(raw: T): Omit<T, 'content'> & PreparedBody {
  checkInput(raw);
  const { content, ...rest } = raw;
  const refused = refusal(content.trim().length === 0, content);
  if (refused !== undefined) return { ...rest, body: '', refused };
  return { ...rest, body: raw.format === 'html' ? stripRawText(content) : content };
}

/** Why extraction refuses a document: blank, or binary judging by `head`, its content's first characters (JUNK_SAMPLE_CHARS or all). */
function refusal(blank: boolean, head: string): string | undefined {
  if (blank) return 'empty document';
  if (junkShare(head) > MAX_JUNK_SHARE) return 'binary or undecodable content';
  return undefined;
}

/** A page or text file's document prepared for extraction (extractPrepared), with no content hash: extraction has no use for one. */
export type PreparedDocument = Omit<RawDocument, 'content' | 'contentHash'> & PreparedBody;

/**
 * Bytes decoded for the binary check of a UTF-8 page. UTF-8 takes at most
 * three bytes per UTF-16 code unit, so these hold more than
 * JUNK_SAMPLE_CHARS whole code units: a character the cut splits (decoded as
 * U+FFFD, a junk character) falls after the ones the check reads.
 */
const JUNK_SAMPLE_BYTES = 4 * JUNK_SAMPLE_CHARS;

/**
 * What reading a page or text file (ingest/contents.ts articleDocument) and
 * then prepareInput make of its bytes, less the content hash: the same
 * document, problem or refusal. A page in well-formed UTF-8 (most of the web)
 * is stripped before it is decoded (stripRawTextOfUtf8), so that only the
 * third of it that is kept is ever decoded; its bytes are used up.
 */
export function preparePage(origin: string, id: string, bytes: Uint8Array, isHtml: boolean): PreparedDocument | InputProblem {
  const format = isHtml || sniffHtml(bytes) ? 'html' : 'text';
  const page = format === 'html' ? utf8Content(bytes, { format }) : undefined;
  if (page === undefined) {
    const doc = articleContent(origin, id, bytes, format);
    return isProblem(doc) ? doc : prepareInput(doc);
  }
  if (isBlankUtf8(page)) return { input: origin, id, reason: 'no text in this file' };
  const doc = { id, origin, format } as const;
  checkInput({ ...doc, content: '' });
  const refused = refusal(false, page.toString('utf8', 0, Math.min(page.length, JUNK_SAMPLE_BYTES)));
  if (refused !== undefined) return { ...doc, body: '', refused };
  return { ...doc, body: stripRawTextOfUtf8(page) };
}

/** Whether UTF-8 bytes decode to whitespace alone (String#trim's): decoded only when a character beyond ASCII comes before anything else. */
function isBlankUtf8(page: Buffer): boolean {
  for (let k = 0; k < page.length; k++) {
    const b = page[k] as number;
    if (b >= 0x80) return page.toString('utf8').trim().length === 0;
    if (b !== 0x20 && (b < 0x09 || b > 0x0d)) return false;
  }
  return true;
}

/** Misuse of the library says what was wrong, not "cannot read properties of undefined". */
function checkInput(raw: ExtractInput): void {
  if (typeof raw !== 'object' || raw === null) {
    throw new TypeError(`extract: expected a document { id, format: "html" | "text", content } (got ${describe(raw)}); for a page's HTML use extractHtml(html, { url })`);
  }
  if (typeof raw.content !== 'string') throw new TypeError(`extract: "content" must be a string (got ${describe(raw.content)})`);
  if (raw.format !== 'html' && raw.format !== 'text') throw new TypeError(`extract: "format" must be "html" or "text" (got ${describe(raw.format)})`);
  if (typeof raw.id !== 'string' || raw.id === '') throw new TypeError(`extract: "id" must be a non-empty string (got ${describe(raw.id)})`);
  for (const key of ['url', 'title', 'publishedAt', 'source'] as const) {
    if (raw[key] !== undefined && typeof raw[key] !== 'string') throw new TypeError(`extract: "${key}" must be a string when given (got ${describe(raw[key])})`);
  }
}

export function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string') return `the string ${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)}`;
  return typeof value === 'object' ? 'an object' : `${typeof value} ${String(value)}`;
}

/** The characters junkShare counts: controls other than tab, line feed, form feed and carriage return; U+FFFD. */
const JUNK = /[\x00-\x08\x0b\x0e-\x1f\ufffd]/;

function junkShare(content: string): number {
  const n = Math.min(content.length, JUNK_SAMPLE_CHARS);
  // Text has none: one native search settles it, before a character loop that would run interpreted in a short process.
  if (!JUNK.test(content.slice(0, n))) return 0;
  let junk = 0;
  for (let i = 0; i < n; i++) {
    const c = content.charCodeAt(i);
    if ((c < 32 && c !== 9 && c !== 10 && c !== 13 && c !== 12) || c === 0xfffd) junk++;
  }
  return n === 0 ? 0 : junk / n;
}
