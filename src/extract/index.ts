/**
 * The extract stage: RawDocument → Article. HTML goes through block scoring
 * (./html), scraped text through line classification (./text); both end in
 * the same Article shape, with language checked against the body.
 */
import type { Article, RawDocument } from '../types.js';
import { extractHtml } from './html/index.js';
import { detectLanguage } from './language.js';
import { resolveSettings, type ExtractSettings } from './settings.js';
import { extractText } from './text.js';

export { DEFAULT_SETTINGS, type ExtractSettings } from './settings.js';

/** Thrown when a document holds nothing usable: empty, binary, or only navigation. */
export class ExtractError extends Error {
  override name = 'ExtractError';
}

/** Share of control or replacement characters above which the input is binary, not text. */
const MAX_JUNK_SHARE = 0.02;
/** Binary input shows itself in the first few kilobytes. */
const JUNK_SAMPLE_CHARS = 2048;

export function extract(raw: RawDocument, settings?: Partial<ExtractSettings>): Article {
  const s = resolveSettings(settings);
  const content = raw.content;
  if (content.trim().length === 0) throw new ExtractError('empty document');
  if (junkShare(content) > MAX_JUNK_SHARE) throw new ExtractError('binary or undecodable content');

  if (raw.format === 'html') {
    const h = extractHtml(content, s, raw.url);
    if (h.paragraphs.length === 0) throw new ExtractError('no article text found (only navigation or boilerplate)');
    const text = h.paragraphs.join('\n\n');
    return clean({
      id: raw.id,
      url: h.url ?? raw.url,
      title: raw.title?.trim() || h.title || h.paragraphs[0]?.slice(0, 120) || raw.id,
      byline: h.byline,
      publishedAt: raw.publishedAt ?? h.publishedAt,
      siteName: h.siteName ?? raw.source,
      language: detectLanguage(text, h.language),
      attribution: h.attribution,
      text,
      paragraphs: h.paragraphs,
      headings: h.headings,
    });
  }

  const t = extractText(content, s, raw.title);
  if (t.paragraphs.length === 0) throw new ExtractError('no article text found (only short lines, dates or navigation)');
  const text = t.paragraphs.join('\n\n');
  return clean({
    id: raw.id,
    url: raw.url,
    title: t.title ?? raw.id,
    byline: t.byline,
    publishedAt: raw.publishedAt,
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

function junkShare(content: string): number {
  const n = Math.min(content.length, JUNK_SAMPLE_CHARS);
  let junk = 0;
  for (let i = 0; i < n; i++) {
    const c = content.charCodeAt(i);
    if ((c < 32 && c !== 9 && c !== 10 && c !== 13 && c !== 12) || c === 0xfffd) junk++;
  }
  return n === 0 ? 0 : junk / n;
}
