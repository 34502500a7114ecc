/**
 * The extract stage: RawDocument → Article. HTML goes through block scoring
 * (./html), scraped text through line classification (./text); both end in
 * the same Article shape, with language checked against the body. Any input
 * with words in it is an article: a headline alone becomes its own text.
 */
import { normaliseDate } from '../ingest/dates.js';
import type { Article, ExtractInput } from '../types.js';
import { strippedHtmlParts } from './html/index.js';
import { detectLanguage } from './language.js';
import { describe, prepareInput, type PreparedInput } from './prepare.js';
import { resolveSettings, type ExtractSettings } from './settings.js';
import { textParts } from './text.js';

export { DEFAULT_SETTINGS, type ExtractSettings } from './settings.js';
export { prepareInput, type PreparedInput } from './prepare.js';

/** Thrown when a document holds nothing usable: empty, or binary. */
export class ExtractError extends Error {
  override name = 'ExtractError';
}

/** A title made of the body's first words stops after this many characters. */
const TITLE_FROM_BODY_CHARS = 120;

/** What the caller knows of a page or a text besides its content (all optional). */
export interface ExtractOptions {
  /** The article's id (default "html" or "text"). */
  id?: string;
  url?: string;
  title?: string;
  publishedAt?: string;
  source?: string;
  settings?: Partial<ExtractSettings>;
}

/** The article of a page's HTML: `extractHtml(html, { url })`. */
export function extractHtml(html: string, options: ExtractOptions = {}): Article {
  if (typeof html !== 'string') throw new TypeError(`extractHtml: the page must be a string of HTML (got ${describe(html)})`);
  return extract({ ...options, id: options.id ?? 'html', format: 'html', content: html }, options.settings);
}

/** The article of a scraped text: `extractText(text, { title })`. */
export function extractText(text: string, options: ExtractOptions = {}): Article {
  if (typeof text !== 'string') throw new TypeError(`extractText: the text must be a string (got ${describe(text)})`);
  return extract({ ...options, id: options.id ?? 'text', format: 'text', content: text }, options.settings);
}

export function extract(raw: ExtractInput, settings?: Partial<ExtractSettings>): Article {
  return extractPrepared(prepareInput(raw), settings);
}

/** extract() of a document that went through prepareInput (perhaps on another thread). */
export function extractPrepared(raw: PreparedInput, settings?: Partial<ExtractSettings>): Article {
  const s = resolveSettings(settings);
  if (raw.refused !== undefined) throw new ExtractError(raw.refused);
  const content = raw.body;
  const publishedAt = normaliseDate(raw.publishedAt);

  if (raw.format === 'html') {
    const h = strippedHtmlParts(content, s, raw.url);
    const title = raw.title?.trim() || h.title?.replace(/\s+/g, ' ').trim() || undefined;
    // A page without a body (a headline, a teaser page) is its headline, or else its one short text.
    const paragraphs = h.paragraphs.length > 0 ? h.paragraphs : title ? [title] : h.pageText ? [h.pageText] : [];
    if (paragraphs.length === 0) throw new ExtractError('no text in this page');
    const text = paragraphs.join('\n\n');
    return clean({
      id: raw.id,
      url: h.url ?? raw.url,
      title: title || paragraphs[0]!.slice(0, TITLE_FROM_BODY_CHARS),
      byline: h.byline,
      publishedAt: publishedAt ?? h.publishedAt,
      siteName: h.siteName ?? raw.source,
      language: detectLanguage(text, h.language),
      attribution: h.attribution,
      text,
      paragraphs,
      headings: h.paragraphs.length > 0 ? h.headings : [],
    });
  }

  const t = textParts(content, s, raw.title);
  if (t.paragraphs.length === 0) throw new ExtractError('no text in this document');
  const text = t.paragraphs.join('\n\n');
  return clean({
    id: raw.id,
    url: raw.url,
    title: t.title ?? raw.id,
    byline: t.byline,
    publishedAt,
    siteName: raw.source,
    language: detectLanguage(text),
    attribution: t.attribution,
    text,
    paragraphs: t.paragraphs,
    headings: t.headings,
  });
}

/** Drops undefined optionals (and empty heading lists) so JSON output stays tidy. */
function clean(a: Article): Article {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(a)) {
    if (v === undefined) continue;
    if (k === 'headings' && Array.isArray(v) && v.length === 0) continue;
    out[k] = v;
  }
  return out as unknown as Article;
}
