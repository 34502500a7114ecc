import type * as Crypto from 'node:crypto';
import { createRequire } from 'node:module';
import type { Document, InputProblem, RawDocument } from '../types.js';
import { isDateRefusal, parseDate } from './dates.js';
import { MAX_ID_CHARS, safeId } from './ids.js';

/** The contract fields of a Document row, in the order they are read. */
export const DOCUMENT_FIELDS = ['id', 'text', 'html', 'title', 'url', 'publishedAt', 'source'] as const;

const nonBlank = (s: string | undefined): boolean => s !== undefined && s.trim() !== '';

/**
 * node:crypto loads the first time something is hashed: reading documents
 * for `newsfuse extract`, which hashes none of its pages, is spared its
 * start-up (some 5 ms).
 */
const requireLazily = createRequire(import.meta.url);
let cryptoModule: typeof Crypto | undefined;

export function sha256Hex(data: string | Uint8Array): string {
  cryptoModule ??= requireLazily('node:crypto') as typeof Crypto;
  return cryptoModule.createHash('sha256').update(data).digest('hex');
}

/** One thing wrong with a Document value: where (`id`, `[2].text`) and what. */
export interface DocumentIssue {
  path: (string | number)[];
  message: string;
}

/**
 * What is wrong with a value as the JSONL `Document` row of DESIGN.md (none:
 * it is one). A row needs an id and some words: a body (`text` or `html`) or,
 * for a headline-only item, a `title`; every contract field is a string.
 * Unknown keys are let through (and dropped). Written by hand rather than with
 * zod so that reading inputs loads no schema library (the CLI starts faster);
 * the API's zod schema (server/schemas.ts) is tested to agree with it.
 */
export function documentIssues(value: unknown): DocumentIssue[] {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return [{ path: [], message: `expected a JSON object, got ${Array.isArray(value) ? 'an array' : value === null ? 'null' : typeof value}` }];
  const row = value as Record<string, unknown>;
  const issues: DocumentIssue[] = [];
  for (const key of DOCUMENT_FIELDS) {
    const v = row[key];
    if (v === undefined && key !== 'id') continue;
    if (typeof v !== 'string') issues.push({ path: [key], message: v === undefined ? 'required, a non-empty string' : `expected a string, got ${v === null ? 'null' : Array.isArray(v) ? 'an array' : typeof v}` });
  }
  if (issues.length > 0) return issues;
  const id = (row.id as string).trim();
  if (id === '') issues.push({ path: ['id'], message: 'must not be empty' });
  else if (id.length > MAX_ID_CHARS) issues.push({ path: ['id'], message: `longer than ${MAX_ID_CHARS} characters` });
  if (![row.text, row.html, row.title].some((v) => nonBlank(v as string | undefined))) issues.push({ path: [], message: 'needs a non-empty "text", "html" or "title"' });
  return issues;
}

/** "not a Document: "id": must not be empty" — the first issue, with its path. */
export function describeDocumentIssue(issue: DocumentIssue | undefined): string {
  const path = issue && issue.path.length > 0 ? `"${issue.path.join('.')}": ` : '';
  return `not a Document: ${path}${issue?.message ?? 'invalid'}`;
}

/**
 * A parsed JSON value as a Document. Only the contract fields are looked at
 * (one level deep, no recursion), so a row that carries a deeply nested extra
 * value is read like any other.
 */
export function documentFromValue(value: unknown, where: string): Document | InputProblem {
  const issues = documentIssues(value);
  const row = value as Record<string, unknown>;
  if (issues.length > 0) {
    const id = typeof row === 'object' && row !== null && typeof row.id === 'string' && row.id.trim() !== '' ? { id: safeId(row.id.trim()) } : {};
    return { input: where, reason: describeDocumentIssue(issues[0]), ...id };
  }
  const doc: Document = { id: (row.id as string).trim() };
  for (const key of DOCUMENT_FIELDS) if (key !== 'id' && typeof row[key] === 'string') doc[key] = row[key] as string;
  return doc;
}

/** Parses one JSONL line; problems name the line so a batch can report and go on. */
export function parseDocumentLine(line: string, where: string): Document | InputProblem {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return { input: where, reason: 'not valid JSON' };
  }
  return documentFromValue(value, where);
}

export function isProblem(x: unknown): x is InputProblem {
  return typeof x === 'object' && x !== null && 'reason' in x && 'input' in x;
}

/**
 * A Document row as the extract stage wants it: html wins over text, and a
 * headline-only row is its title as text. The id is kept to the safe set
 * (ids.ts) and the date parsed (dates.ts); a date that cannot be used is
 * dropped with a warning naming the row.
 */
export function documentToRaw(doc: Document, origin: string): RawDocument {
  const html = nonBlank(doc.html);
  const content = html ? (doc.html as string) : nonBlank(doc.text) ? (doc.text as string) : (doc.title ?? '');
  const raw: RawDocument = {
    id: safeId(doc.id),
    origin,
    format: html ? 'html' : 'text',
    content,
    url: doc.url,
    title: doc.title,
    source: doc.source,
    contentHash: sha256Hex(content),
  };
  return withPublishedAt(raw, doc.publishedAt);
}

/** The raw document with its publication date parsed, or dropped with a warning. */
export function withPublishedAt(raw: RawDocument, value: string | undefined): RawDocument {
  if (value === undefined || value.trim() === '') return raw;
  const parsed = parseDate(value);
  if (!isDateRefusal(parsed)) return { ...raw, publishedAt: parsed.iso };
  return { ...raw, warnings: [...(raw.warnings ?? []), `publishedAt ${JSON.stringify(value.slice(0, 60))} dropped: ${parsed.reason}`] };
}
