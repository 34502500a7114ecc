import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { Document, InputProblem, RawDocument } from '../types.js';

/** The JSONL `Document` row of DESIGN.md, validated at the boundary. */
export const DocumentSchema = z
  .object({
    id: z.string().min(1).max(512),
    text: z.string().optional(),
    html: z.string().optional(),
    title: z.string().optional(),
    url: z.string().optional(),
    publishedAt: z.string().optional(),
    source: z.string().optional(),
  })
  .passthrough()
  .refine((d) => (d.text !== undefined && d.text.trim() !== '') || (d.html !== undefined && d.html.trim() !== ''), {
    message: 'needs a non-empty "text" or "html"',
  });

export function sha256Hex(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

/** Parses one JSONL line; problems name the line so a batch can report and go on. */
export function parseDocumentLine(line: string, where: string): Document | InputProblem {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return { input: where, reason: 'not valid JSON' };
  }
  const parsed = DocumentSchema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const path = issue && issue.path.length > 0 ? `"${issue.path.join('.')}": ` : '';
    return { input: where, reason: `not a Document: ${path}${issue?.message ?? 'invalid'}` };
  }
  const d = parsed.data;
  return {
    id: d.id,
    text: d.text,
    html: d.html,
    title: d.title,
    url: d.url,
    publishedAt: d.publishedAt,
    source: d.source,
  };
}

export function isProblem(x: unknown): x is InputProblem {
  return typeof x === 'object' && x !== null && 'reason' in x && 'input' in x;
}

/** A Document row as the extract stage wants it: html wins over text when both are given. */
export function documentToRaw(doc: Document, origin: string): RawDocument {
  const html = doc.html !== undefined && doc.html.trim() !== '';
  const content = html ? (doc.html as string) : (doc.text ?? '');
  return {
    id: doc.id,
    origin,
    format: html ? 'html' : 'text',
    content,
    url: doc.url,
    title: doc.title,
    publishedAt: doc.publishedAt,
    source: doc.source,
    contentHash: sha256Hex(content),
  };
}
