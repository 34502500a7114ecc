/**
 * Page metadata, each field from its most trusted source first:
 * JSON-LD (NewsArticle/Article and kin) → Open Graph / article:* → other
 * meta tags → the markup (<time>, rel=author) → the URL.
 */
import { normaliseDate } from '../../ingest/dates.js';
import type { PageMeta } from './tree.js';

export interface MetaFields {
  title?: string;
  byline?: string;
  publishedAt?: string;
  siteName?: string;
  url?: string;
  language?: string;
  description?: string;
  /** schema.org articleBody, when the page carries it: a fallback body. */
  articleBody?: string;
}

interface LdArticle {
  headline?: string;
  datePublished?: string;
  author?: string;
  publisher?: string;
  url?: string;
  articleBody?: string;
  inLanguage?: string;
}

const LD_WORTH_PARSING = /Article|Posting|Report|datePublished|headline/;
const ARTICLE_TYPE = /(?:Article|BlogPosting|Report|NewsArticle|LiveBlogPosting|WebPage)$/;

export function readMeta(m: PageMeta, pageUrl?: string, h1?: string): MetaFields {
  const ld = readJsonLd(m.jsonLd);
  const get = (...keys: string[]): string | undefined => {
    for (const k of keys) {
      const v = m.meta.get(k);
      if (v !== undefined && v.trim().length > 0) return v.trim();
    }
    return undefined;
  };

  const siteName = get('og:site_name', 'application-name', 'twitter:site') ?? ld?.publisher;
  const rawTitle = ld?.headline ?? get('og:title', 'twitter:title', 'title', 'headline', 'dc.title') ?? m.title;
  const title = rawTitle ? cleanTitle(decodeLeftovers(rawTitle), siteName, h1) : undefined;

  const dateCandidates = [
    ld?.datePublished,
    get('article:published_time', 'og:published_time', 'article:published', 'datepublished', 'pubdate', 'publishdate', 'publish-date', 'date', 'dc.date', 'dc.date.issued', 'dcterms.date', 'sailthru.date', 'parsely-pub-date', 'article.published', 'og:article:published_time'),
    m.times.find((t) => t.published)?.value,
    m.times[0]?.value,
    urlDate(pageUrl ?? get('og:url') ?? m.canonical),
  ];
  let publishedAt: string | undefined;
  for (const c of dateCandidates) {
    publishedAt = normaliseDate(c, { earliestYear: EARLIEST_WEB_YEAR });
    if (publishedAt !== undefined) break;
  }

  const byline = ld?.author ?? get('author', 'article:author', 'byl', 'dc.creator', 'sailthru.author', 'parsely-author') ?? m.authors[0];

  const url = absolute(m.canonical ?? get('og:url') ?? ld?.url, pageUrl) ?? pageUrl;
  const language = m.lang ?? get('content-language', 'og:locale', 'language', 'dc.language') ?? ld?.inLanguage;
  return {
    title,
    byline: byline ? cleanByline(byline) : undefined,
    publishedAt,
    siteName: siteName?.replace(/^@/, ''),
    url,
    language,
    description: get('og:description', 'description', 'twitter:description'),
    articleBody: ld?.articleBody,
  };
}

function readJsonLd(scripts: string[]): LdArticle | undefined {
  let best: LdArticle | undefined;
  let bestIsPage = false;
  for (const s of scripts) {
    // Most pages carry several JSON-LD blocks (breadcrumbs, organisation, search box); only article-like ones are parsed.
    if (!LD_WORTH_PARSING.test(s)) continue;
    let data: unknown;
    try {
      data = JSON.parse(s.trim().replace(/^<!--|-->$/g, ''));
    } catch {
      continue;
    }
    for (const node of flattenLd(data)) {
      const types = ([] as unknown[]).concat(node['@type'] ?? []).map(String);
      if (!types.some((t) => ARTICLE_TYPE.test(t))) continue;
      const isPage = types.every((t) => t === 'WebPage');
      const a: LdArticle = {
        headline: str(node.headline) ?? str(node.name),
        datePublished: str(node.datePublished) ?? str(node.dateCreated),
        author: personNames(node.author),
        publisher: personNames(node.publisher),
        url: str(node.url) ?? str(node.mainEntityOfPage),
        articleBody: str(node.articleBody),
        inLanguage: str(node.inLanguage),
      };
      // A real article node wins over a WebPage node; among articles the first one.
      if (!best || (bestIsPage && !isPage)) {
        best = a;
        bestIsPage = isPage;
      }
    }
  }
  return best;
}

type LdNode = Record<string, unknown>;

function flattenLd(data: unknown, out: LdNode[] = [], depth = 0): LdNode[] {
  if (depth > 6 || data === null || typeof data !== 'object') return out;
  if (Array.isArray(data)) {
    for (const d of data) flattenLd(d, out, depth + 1);
    return out;
  }
  const node = data as LdNode;
  out.push(node);
  if (node['@graph']) flattenLd(node['@graph'], out, depth + 1);
  if (node.mainEntity) flattenLd(node.mainEntity, out, depth + 1);
  return out;
}

function str(v: unknown): string | undefined {
  if (typeof v === 'string') return v.trim() || undefined;
  if (v && typeof v === 'object' && !Array.isArray(v)) return str((v as LdNode)['@id'] ?? (v as LdNode).url);
  return undefined;
}

function personNames(v: unknown): string | undefined {
  const list = ([] as unknown[]).concat(v ?? []);
  const names = list
    .map((p) => (typeof p === 'string' ? p : p && typeof p === 'object' ? (p as LdNode).name : undefined))
    .filter((n): n is string => typeof n === 'string' && n.trim().length > 0 && !/^https?:/.test(n));
  return names.length > 0 ? names.map((n) => n.trim()).join(', ') : undefined;
}

/**
 * "Headline | Site", "Headline - Site", "Section | Headline", "Site: Headline" → "Headline".
 * The part that repeats the page's <h1> wins; else the part naming the site
 * is dropped; else, for "|" titles, the longest part is the headline.
 */
export function cleanTitle(title: string, siteName?: string, h1?: string): string {
  const t = title.replace(/\s+/g, ' ').trim();
  const parts = t.split(/\s+[|–—·•»:-]\s+/);
  if (parts.length < 2) return t;
  if (h1) {
    const k = titleKey(h1);
    const same = parts.find((p) => titleKey(p) === k);
    if (same) return same.trim();
    if (k.length > 10 && titleKey(t).includes(k)) return h1.replace(/\s+/g, ' ').trim();
  }
  const site = siteName?.toLowerCase().replace(/^@/, '');
  const first = parts[0] ?? '';
  const last = parts[parts.length - 1] ?? '';
  if (site && last.toLowerCase().includes(site)) return parts.slice(0, -1).join(' - ').trim();
  if (site && first.toLowerCase().includes(site)) return parts.slice(1).join(' - ').trim();
  if (/\s[|]\s/.test(t)) {
    const pipeParts = t.split(/\s[|]\s/);
    return pipeParts.reduce((a, b) => (b.split(' ').length > a.split(' ').length ? b : a)).trim();
  }
  if (last.split(' ').length <= 3 && first.split(' ').length >= 4 && /\s[-–—]\s/.test(t)) return parts.slice(0, -1).join(' - ').trim();
  return t;
}

function titleKey(s: string): string {
  return s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
}

function cleanByline(b: string): string {
  return b.replace(/\s+/g, ' ').replace(/^(?:by|von|par|por|di|door|av)\s+/i, '').trim();
}

function decodeLeftovers(s: string): string {
  return s.replace(/&amp;/g, '&').replace(/&quot;/g, '"').replace(/&#39;|&apos;/g, "'").replace(/&#(\d+);/g, (_m, d: string) => String.fromCodePoint(Number(d)));
}

function absolute(href: string | undefined, base?: string): string | undefined {
  if (!href) return undefined;
  try {
    return new URL(href, base).toString();
  } catch {
    return undefined;
  }
}

/** Dates in URLs: /2019/11/19/, /2019-11-19/, /20191119/. */
export function urlDate(url?: string): string | undefined {
  if (!url) return undefined;
  const m = /[/_-]((?:19|20)\d{2})[/_-]?(0[1-9]|1[0-2])[/_-]?(0[1-9]|[12]\d|3[01])(?=[/_.-]|$)/.exec(url);
  if (m) return `${m[1]}-${m[2]}-${m[3]}`;
  return undefined;
}

/** Placeholder dates ("0001-01-01") and typos are not publication dates: the web press starts in the 1990s. */
const EARLIEST_WEB_YEAR = 1990;
