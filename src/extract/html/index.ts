/**
 * HTML → article parts, as a chain of small steps with fallbacks:
 * parse (one pass, metadata collected on the way) → blocks → container
 * scoring → block selection → head/tail trimming → attribution. When the
 * main path finds too little, a page-wide paragraph pass is tried, then the
 * page's own schema.org articleBody.
 */
import { attributionOf, endsLikeSentence, isNameLine, wireCreditOf, wireReportOf, wordCount } from '../furniture.js';
import type { ExtractSettings } from '../settings.js';
import { collectBlocks, type Block } from './blocks.js';
import { hintOf } from './hints.js';
import { readMeta, type MetaFields } from './meta.js';
import { chooseRoots, selectBlocks } from './score.js';
import { stripRawText } from './strip.js';
import { parseStripped, textOf, type El } from './tree.js';

/** What the page's metadata says (less what only helps extraction), with the body extraction found. */
export interface HtmlParts extends Omit<MetaFields, 'description' | 'articleBody'> {
  attribution?: string;
  paragraphs: string[];
  headings: number[];
  /** All the text of the page, whitespace collapsed: given only when no paragraph was found (a page of one short line). */
  pageText?: string;
}

/** Page-wide fallback: paragraphs at least this long with at most this link density. */
const FALLBACK_MIN_CHARS = 60;
const FALLBACK_MAX_LINK_DENSITY = 0.3;
/** Tail furniture is a handful of lines; a longer run of short lines is content (a list, a table). */
const TAIL_MAX_TRIM = 3;
/** Lines of at most this many words without final punctuation are labels when they trail the body. */
const TAIL_TINY_WORDS = 4;
/** A contact box is a line or two; longer text that mentions an address is prose. */
const CONTACT_MAX_CHARS = 300;

export function htmlParts(html: string, s: ExtractSettings, pageUrl?: string): HtmlParts {
  return strippedHtmlParts(stripRawText(html), s, pageUrl);
}

/** htmlParts of a page whose markup went through stripRawText already. */
export function strippedHtmlParts(markup: string, s: ExtractSettings, pageUrl?: string): HtmlParts {
  const { root, meta } = parseStripped(markup);
  const blocks = collectBlocks(root);
  const h1 = blocks.find((b) => b.kind === 'h' && b.level === 1)?.text;
  const m = readMeta(meta, pageUrl, h1);
  const roots = chooseRoots(blocks, root, s);
  let chosen = selectBlocks(blocks, roots, s).blocks;
  if (total(chosen) < s.minArticleChars) chosen = fallbackBlocks(blocks);

  const title = m.title ?? h1;
  const trimmed = trim(chosen, title, s);
  let paragraphs = trimmed.blocks.map((b) => b.text);
  let headings = trimmed.blocks.flatMap((b, i) => (b.kind === 'h' ? [i] : []));
  if (total(trimmed.blocks) < s.minArticleChars && m.articleBody && m.articleBody.length >= s.minArticleChars) {
    paragraphs = m.articleBody.split(/\n\s*\n|\r?\n/).map((p) => p.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ').trim()).filter((p) => p.length > 0);
    headings = [];
  }
  const attribution = trimmed.attribution ?? (paragraphs[0] ? wireCreditOf(paragraphs[0]) : undefined) ?? wireReportOf(paragraphs);
  return {
    title: title ?? paragraphs[0]?.slice(0, 120),
    byline: m.byline ?? trimmed.byline,
    publishedAt: m.publishedAt,
    siteName: m.siteName ?? hostOf(m.url ?? pageUrl),
    url: m.url,
    language: m.language,
    attribution,
    paragraphs,
    headings,
    pageText: paragraphs.length === 0 ? textOf(root).replace(/\s+/g, ' ').trim() : undefined,
  };
}

function total(blocks: Block[]): number {
  let n = 0;
  for (const b of blocks) n += b.chars;
  return n;
}

/** Every paragraph of the page that reads like prose, outside obvious furniture. */
function fallbackBlocks(blocks: Block[]): Block[] {
  return blocks.filter((b) => {
    if (b.kind !== 'p' && b.kind !== 'other') return false;
    if (b.chars < FALLBACK_MIN_CHARS || b.linkChars / b.chars > FALLBACK_MAX_LINK_DENSITY) return false;
    for (let e: El | undefined = b.owner; e; e = e.parent) {
      const h = hintOf(e.sig);
      if (h.negative && !h.positive) return false;
      if (e.tag === 'nav' || e.tag === 'footer' || e.tag === 'aside') return false;
    }
    return true;
  });
}

interface Trimmed {
  blocks: Block[];
  byline?: string;
  attribution?: string;
}

/**
 * The head loses a repeated title and a lone author line; the tail loses
 * short unfinished lines after the last real paragraph (author, tags, source),
 * reading the source line as attribution on the way.
 */
function trim(blocks: Block[], title: string | undefined, s: ExtractSettings): Trimmed {
  let start = 0;
  let byline: string | undefined;
  const titleKey = title ? key(title) : undefined;
  while (start < blocks.length) {
    const b = blocks[start] as Block;
    if (b.kind === 'h' && b.level === 1) start++;
    else if (titleKey && key(b.text) === titleKey) start++;
    else if (isPromoLine(b.text)) start++;
    else if (b.chars < 60 && /^(?:by|von|par|por|di|door|av)\s+\p{Lu}/iu.test(b.text)) {
      byline ??= b.text.replace(/^\S+\s+/, '');
      start++;
    } else break;
  }
  let end = blocks.length;
  let attribution: string | undefined;
  while (end > start && blocks.length - end < TAIL_MAX_TRIM) {
    const b = blocks[end - 1] as Block;
    const credit = b.chars <= 80 ? attributionOf(b.text) : undefined;
    if (credit) {
      attribution ??= credit;
      end--;
      continue;
    }
    const tiny = b.chars < s.tailShortChars && !endsLikeSentence(b.text) && wordCount(b.text) <= TAIL_TINY_WORDS;
    if (b.kind !== 'li' && b.kind !== 'cell' && (isNameLine(b.text) || tiny || isContactLine(b.text) || isPromoLine(b.text))) {
      if (isNameLine(b.text)) byline ??= b.text;
      end--;
      continue;
    }
    break;
  }
  // A source line inside the body (before trailing teasers were cut) still counts.
  const kept = blocks.slice(start, end).filter((b) => {
    if (b.chars > 80) return true;
    const credit = attributionOf(b.text);
    if (credit) attribution ??= credit;
    return credit === undefined;
  });
  return { blocks: kept, byline, attribution };
}

/** "Email Jane at jd@example.com or follow her @jd. Follow us on Twitter": the author's contact box after the article. */
function isContactLine(text: string): boolean {
  return text.length <= CONTACT_MAX_CHARS && /\b(?:follow|email|e-mail|contact|reach)\b/i.test(text) && /@\w|[\w.+-]+@[\w-]+\.\w/.test(text);
}

/** Newsletter and subscription pitches that open or close a post: "Sign up for … today", "Click here for more". */
function isPromoLine(text: string): boolean {
  return text.length <= CONTACT_MAX_CHARS && PROMO.test(text);
}
const PROMO = /\b(?:sign up (?:for|to|here|now|today)|subscribe (?:to|now|today|here)|(?:daily|weekly|free) newsletter|click here (?:for|to)|delivered (?:to|through) your (?:inbox|letterbox|door)|powered by)\b/i;

function key(s: string): string {
  return s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
}

function hostOf(url?: string): string | undefined {
  if (!url) return undefined;
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return undefined;
  }
}
