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
import { renderHtml, renderJson, renderMarkdown } from '../../src/render/index.js';
import assert from 'node:assert/strict';

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

/** Every string a reader must find in each form, with what it is. */
function contentStrings(brief: Brief): [string, string][] {
  const pairs: [string, string][] = [];
  for (const c of brief.claims) pairs.push(['claim', c.text]);
  for (const s of brief.sources) pairs.push(['source title', s.title]);
  for (const q of brief.quotes) {
    pairs.push(['quote', q.text]);
    // A wording that differs from the main text only by edge punctuation is merged into it.
    for (const s of q.sources) pairs.push(['quote wording', s.text.replace(/[.,;:!?]+$/, '')]);
  }
  for (const c of brief.claims) for (const k of c.conflicts) for (const v of k.values) pairs.push(['conflict value', v.value]);
  for (const s of brief.summary) pairs.push(['summary', s.text]);
  for (const e of brief.entities) pairs.push(['entity', e.name]);
  for (const t of brief.timeline) pairs.push(['timeline', t.text]);
  return pairs;
}

/** Renders the brief three ways and checks each carries every content string; returns how many were checked. */
export function assertSameContent(brief: Brief): number {
  const json = renderJson(brief);
  const md = markdownText(renderMarkdown(brief, { singleSourceShown: Infinity }));
  const page = htmlText(renderHtml(brief));
  const strings = contentStrings(brief);
  for (const [kind, value] of strings) {
    assert.ok(json.includes(JSON.stringify(value).slice(1, -1)), `JSON lacks ${kind}: ${value}`);
    assert.ok(md.includes(squash(value)), `Markdown lacks ${kind}: ${value}`);
    assert.ok(page.includes(squash(value)), `HTML lacks ${kind}: ${value}`);
  }
  return strings.length;
}

export const HOSTILE_URLS = [
  'javascript:alert(1)',
  'JaVaScRiPt:alert(1)',
  ' javascript:alert(1)',
  'java\tscript:alert(1)',
  'data:text/html,<script>alert(1)</script>',
  'vbscript:msgbox(1)',
  '//evil.example/x',
  'https://user:pw@evil.example/',
  'https://ok.example/a"onclick="alert(1)',
];

/** Replace every string of the brief (ids, enums and URLs included) by `pick(i)`. */
export function poison(brief: Brief, pick: (i: number) => string): Brief {
  let i = 0;
  const walk = (value: unknown, key: string): unknown => {
    if (typeof value === 'string') return key === 'url' ? HOSTILE_URLS[i++ % HOSTILE_URLS.length] : pick(i++);
    if (Array.isArray(value)) return value.map((v) => walk(v, key));
    if (value && typeof value === 'object') {
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, walk(v, k)]));
    }
    return value;
  };
  const out = walk(brief, '') as Brief;
  // A URL on every source, so every hostile scheme is tried.
  out.sources.forEach((s, k) => (s.url = HOSTILE_URLS[k % HOSTILE_URLS.length]));
  return out;
}


const ENUM_KEYS = new Set(['status', 'kind', 'type']);

/**
 * Replace every free-text and id string of the brief by one of `strings`,
 * chosen by the original value, so that equal ids stay equal and citations
 * still resolve; enums are kept, so every section stays populated.
 */
export function scramble(brief: Brief, strings: string[]): Brief {
  const pick = (original: string): string => {
    let h = 0;
    for (const ch of original) h = (h * 31 + (ch.codePointAt(0) as number)) >>> 0;
    return strings[h % strings.length] as string;
  };
  const walk = (value: unknown, key: string): unknown => {
    if (typeof value === 'string') return ENUM_KEYS.has(key) ? value : pick(value);
    if (Array.isArray(value)) return value.map((v) => walk(v, key));
    if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, walk(v, k)]));
    return value;
  };
  return walk(brief, '') as Brief;
}
