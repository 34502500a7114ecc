import { gunzipSync } from 'node:zlib';
import type { InputProblem, RawDocument } from '../types.js';
import { articleDocument, jsonDocuments, jsonLineDocument, looksBinary } from './contents.js';
import { streamLines } from './lines.js';

/** How standard input is named in messages and ids. */
export const STDIN_NAME = 'stdin';

/** What `readStdin` needs of the read limits (files.ts). */
interface StdinLimits {
  maxBytes: number;
  maxExpandedBytes: number;
  maxCollectionBytes: number;
}

/**
 * Standard input (`-`) as documents, told apart by its first bytes: JSON
 * lines of Documents (a `{` first) are read line by line, each capped like a
 * file; a JSON array of Documents is read whole within the collection limit;
 * anything else is one page (a `<` first) or one text, gzipped or not, with
 * the id `stdin`.
 */
export async function* readStdin(lim: StdinLimits, stream: AsyncIterable<Uint8Array | string> = process.stdin): AsyncGenerator<RawDocument | InputProblem> {
  const chunks = stream[Symbol.asyncIterator]();
  const first = await firstChunk(chunks);
  if (first === undefined) {
    yield { input: STDIN_NAME, id: STDIN_NAME, reason: 'empty input' };
    return;
  }
  const rest = { [Symbol.asyncIterator]: () => chunks };
  const lead = Buffer.from(first.subarray(0, 64)).toString('latin1').replace(/^\uFEFF|^\xEF\xBB\xBF/, '').trimStart();
  if (lead.startsWith('{')) {
    yield* jsonLinesOf(prepend(first, rest), lim.maxBytes);
    return;
  }
  const limit = lead.startsWith('[') ? lim.maxCollectionBytes : lim.maxBytes;
  const bytes = await readUpTo(prepend(first, rest), limit);
  if (bytes === undefined) {
    yield { input: STDIN_NAME, id: STDIN_NAME, reason: `too large (more than ${limit} bytes)` };
    return;
  }
  yield* wholeInput(bytes, lim);
}

function wholeInput(input: Buffer, lim: StdinLimits): (RawDocument | InputProblem)[] {
  let bytes = input;
  if (bytes[0] === 0x1f && bytes[1] === 0x8b) {
    try {
      bytes = gunzipSync(bytes, { maxOutputLength: lim.maxExpandedBytes });
    } catch {
      return [{ input: STDIN_NAME, id: STDIN_NAME, reason: 'corrupt, truncated or too large gzip data' }];
    }
  }
  if (looksBinary(bytes)) return [{ input: STDIN_NAME, id: STDIN_NAME, reason: 'binary data, not text, HTML or JSON' }];
  if (bytes.toString('latin1', 0, 64).trimStart().startsWith('[')) return jsonDocuments(STDIN_NAME, bytes, lim.maxBytes, STDIN_NAME);
  return [articleDocument(STDIN_NAME, STDIN_NAME, bytes, bytes.toString('latin1', 0, 64).trimStart().startsWith('<'))];
}

/** JSON lines of Documents from a stream, each line capped; binary data (a NUL byte at the start) stops the reading at once. */
export async function* jsonLinesOf(stream: AsyncIterable<Uint8Array | string>, maxDocumentBytes: number, name = STDIN_NAME): AsyncGenerator<RawDocument | InputProblem> {
  const chunks = stream[Symbol.asyncIterator]();
  const first = await firstChunk(chunks);
  if (first !== undefined && looksBinary(first)) {
    yield { input: name, reason: 'binary data, not JSON lines' };
    return;
  }
  let any = false;
  const lines = first === undefined ? [] : streamLines(prepend(first, { [Symbol.asyncIterator]: () => chunks }), maxDocumentBytes);
  for await (const line of lines) {
    const item = jsonLineDocument(name, line, maxDocumentBytes);
    if (item === undefined) continue;
    any = true;
    yield item;
  }
  if (!any) yield { input: name, reason: 'no JSON lines in the input' };
}

async function firstChunk(chunks: AsyncIterator<Uint8Array | string>): Promise<Buffer | undefined> {
  for (;;) {
    const next = await chunks.next();
    if (next.done) return undefined;
    const b = typeof next.value === 'string' ? Buffer.from(next.value) : Buffer.from(next.value.buffer, next.value.byteOffset, next.value.byteLength);
    if (b.length > 0) return b;
  }
}

async function* prepend(first: Buffer, rest: AsyncIterable<Uint8Array | string>): AsyncGenerator<Uint8Array | string> {
  yield first;
  yield* rest;
}

/** The whole stream, or undefined as soon as it passes `limit` bytes (the rest is not read). */
async function readUpTo(stream: AsyncIterable<Uint8Array | string>, limit: number): Promise<Buffer | undefined> {
  const parts: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    const b = typeof chunk === 'string' ? Buffer.from(chunk) : Buffer.from(chunk);
    size += b.length;
    if (size > limit) return undefined;
    parts.push(b);
  }
  return Buffer.concat(parts);
}
