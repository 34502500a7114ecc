/** Shared by the render tests: the fixture Brief, the schema validator, and readers of each rendered form. */
import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import type { ValidateFunction } from 'ajv';
import { parseDocument } from 'htmlparser2';
import type { Document, Element } from 'domhandler';
import { findAll, textContent } from 'domutils';
import MarkdownIt from 'markdown-it';
import type { Brief } from '../../src/types.js';
import { unescapeMarkdown } from '../../src/render/escape.js';

export const FIXTURE = 'test/fixtures/render/brief.json';
export const SCHEMA = 'schema/brief.schema.json';

export function loadBrief(): Brief {
  return JSON.parse(readFileSync(FIXTURE, 'utf8')) as Brief;
}

export function loadSchema(): Record<string, unknown> {
  return JSON.parse(readFileSync(SCHEMA, 'utf8')) as Record<string, unknown>;
}

let validator: ValidateFunction | undefined;
export function validateBrief(value: unknown): { ok: boolean; errors: string } {
  validator ??= new Ajv2020({ allErrors: true, strict: true }).compile(loadSchema());
  const ok = validator(value) as boolean;
  return { ok, errors: JSON.stringify(validator.errors ?? []) };
}

export function parseHtml(html: string): Document {
  return parseDocument(html, { decodeEntities: true });
}

export function elements(doc: Document, test: (el: Element) => boolean): Element[] {
  return findAll(test, doc.children);
}

/** The visible text of a page, entities decoded, whitespace collapsed. */
export function htmlText(html: string): string {
  const doc = parseHtml(html);
  const body = elements(doc, (el) => el.name === 'body')[0];
  return squash(textContent(body ?? doc));
}

/** Markdown as a reader sees it: escapes undone, whitespace (and wrapping) collapsed. */
export function markdownText(md: string): string {
  return squash(unescapeMarkdown(md));
}

export function squash(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** A CommonMark parser: how any Markdown viewer will read our output. */
export const markdownParser = new MarkdownIt('commonmark');
