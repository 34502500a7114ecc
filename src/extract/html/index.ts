import type { ExtractSettings } from '../settings.js';

export interface HtmlParts {
  title?: string;
  byline?: string;
  publishedAt?: string;
  siteName?: string;
  url?: string;
  language?: string;
  attribution?: string;
  paragraphs: string[];
  headings: number[];
}

/** Placeholder while the block scorer lands: the text of <p> elements. */
export function extractHtml(html: string, _s: ExtractSettings, _url?: string): HtmlParts {
  const paragraphs = [...html.matchAll(/<p[^>]*>([\s\S]*?)<\/p>/gi)].map((m) => (m[1] ?? '').replace(/<[^>]+>/g, '').trim()).filter((p) => p.length > 0);
  return { paragraphs, headings: [] };
}
