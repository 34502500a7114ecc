import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { Document, InputProblem, RawDocument } from '../types.js';
import { isDateRefusal, parseDate } from './dates.js';
import { MAX_ID_CHARS, safeId } from './ids.js';

/** The contract fields of a Document row, in the order they are read. */
const DOCUMENT_FIELDS = ['id', 'text', 'html', 'title', 'url', 'publishedAt', 'source'] as const;

const nonBlank = (s: string | undefined): boolean => s !== undefined && s.trim() !== '';

/**
 * The JSONL `Document` row of DESIGN.md, validated at the boundary. A row
 * needs an id and some words: a body (`text` or `html`) or, for a
 * headline-only item, a `title`. Unknown keys are let through (and dropped).
 */
export const DocumentSchema = z
  .object({
    id: z.string().trim().min(1, 'must not be empty').max(MAX_ID_CHARS),
    text: z.string().optional(),
    html: z.string().optional(),
    title: z.string().optional(),
    url: z.string().optional(),
    publishedAt: z.string().optional(),
    source: z.string().optional(),
  })
  .passthrough()
  .refine((d) => nonBlank(d.text) || nonBlank(d.html) || nonBlank(d.title), {
    message: 'needs a non-empty "text", "html" or "title"',
  });

export function sha256Hex(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

/** "not a Document: "id": must not be empty" — the first problem zod found, with its path. */
export function schemaProblem(error: z.ZodError): string {
  const issue = error.issues[0];
  const path = issue && issue.path.length > 0 ? `"${issue.path.join('.')}": ` : '';
  return `not a Document: ${path}${issue?.message ?? 'invalid'}`;
}

/**
 * A parsed JSON value as a Document. Only the contract fields are looked at
 * (one level deep, no recursion), so a row that carries a deeply nested extra
 * value is read like any other.
 */
export function documentFromValue(value: unknown, where: string): Document | InputProblem {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return { input: where, reason: 'not a Document: a JSON object is needed' };
  const fields: Record<string, unknown> = {};
  for (const key of DOCUMENT_FIELDS) if (Object.hasOwn(value, key)) fields[key] = (value as Record<string, unknown>)[key];
  const parsed = DocumentSchema.safeParse(fields);
  if (!parsed.success) return { input: where, reason: schemaProblem(parsed.error), ...(typeof fields.id === 'string' && fields.id.trim() !== '' ? { id: safeId(fields.id.trim()) } : {}) };
  const doc: Document = { id: parsed.data.id };
  for (const key of DOCUMENT_FIELDS) {
    const v = parsed.data[key];
    if (key !== 'id' && typeof v === 'string') doc[key] = v;
  }
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
    id: safeId(doc.id.trim()),
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
