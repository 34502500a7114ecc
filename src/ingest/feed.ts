import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { isDateRefusal, parseDate } from './dates.js';

/** One entry of an RSS or Atom feed: where the article is, and what the feed already says about it. */
export interface FeedItem {
  link?: string;
  title?: string;
  /** ISO 8601 (dates.ts), when the feed's date could be used. */
  publishedAt?: string;
  /** Why the feed's date was dropped, when it was (for a warning). */
  dateProblem?: string;
  guid?: string;
  /** Full content when the feed carries it (content:encoded, Atom content). */
  content?: string;
}

export interface Feed {
  title?: string;
  items: FeedItem[];
}

export class FeedError extends Error {}

/** Tags that can repeat; parsed as arrays even when there is one. */
const REPEATED = new Set(['item', 'entry', 'link']);

type Node = Record<string, unknown>;

function text(value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'string') return value.trim() || undefined;
  if (typeof value === 'number') return String(value);
  if (Array.isArray(value)) return text(value[0]);
  if (typeof value === 'object') return text((value as Node)['#text']);
  return undefined;
}

function asArray(value: unknown): Node[] {
  if (value === undefined || value === null) return [];
  return (Array.isArray(value) ? value : [value]).filter((v): v is Node => typeof v === 'object' && v !== null);
}

/** The item's date as ISO 8601, or why it was dropped. */
function dated(value: string | undefined): Pick<FeedItem, 'publishedAt' | 'dateProblem'> {
  if (!value) return {};
  const parsed = parseDate(value);
  return isDateRefusal(parsed) ? { dateProblem: `date ${JSON.stringify(value.slice(0, 60))} dropped: ${parsed.reason}` } : { publishedAt: parsed.iso };
}

/** Atom links: the rel="alternate" (or unlabelled) href; RSS links: the element's text. */
function linkOf(node: Node): string | undefined {
  for (const l of asArray(node.link)) {
    const rel = text(l['@_rel']);
    const href = text(l['@_href']);
    if (href && (!rel || rel === 'alternate')) return href;
  }
  const plain = Array.isArray(node.link) ? node.link.find((l) => typeof l === 'string') : node.link;
  return text(plain);
}

/** Parses RSS 2.0, RSS 1.0 (RDF) and Atom. Throws FeedError on anything else. */
export function parseFeed(xml: string): Feed {
  const trimmed = xml.replace(/^\uFEFF/, '').trim();
  if (!trimmed.startsWith('<')) throw new FeedError('not XML');
  const valid = XMLValidator.validate(trimmed);
  if (valid !== true) throw new FeedError(`not well-formed XML: ${valid.err.msg} (line ${valid.err.line})`);
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '@_',
    removeNSPrefix: false,
    isArray: (name) => REPEATED.has(name),
    // Entities in a feed are text, never a way to expand a document (billion laughs).
    processEntities: true,
    htmlEntities: true,
  });
  let doc: Node;
  try {
    doc = parser.parse(trimmed) as Node;
  } catch (err) {
    // The validator lets a few shapes through that the parser refuses ("<h1>Headline</h1><?": an unclosed instruction).
    throw new FeedError(`not well-formed XML: ${err instanceof Error ? err.message : String(err)}`);
  }
  const rss = doc.rss as Node | undefined;
  if (rss) {
    const channel = (asArray(rss.channel)[0] ?? {}) as Node;
    return { title: text(channel.title), items: asArray(channel.item).map(rssItem) };
  }
  const rdf = doc['rdf:RDF'] as Node | undefined;
  if (rdf) {
    const channel = (asArray(rdf.channel)[0] ?? {}) as Node;
    return { title: text(channel.title), items: asArray(rdf.item).map(rssItem) };
  }
  const atom = doc.feed as Node | undefined;
  if (atom) {
    return {
      title: text(atom.title),
      items: asArray(atom.entry).map((e) => ({
        link: linkOf(e),
        title: text(e.title),
        ...dated(text(e.published) ?? text(e.updated)),
        guid: text(e.id),
        content: text(e.content),
      })),
    };
  }
  throw new FeedError('XML, but neither an RSS nor an Atom feed');
}

function rssItem(item: Node): FeedItem {
  return {
    link: linkOf(item),
    title: text(item.title),
    ...dated(text(item.pubDate) ?? text(item['dc:date'])),
    guid: text(item.guid),
    content: text(item['content:encoded']),
  };
}

/** Cheap test of whether fetched bytes are a feed rather than a page. */
export function looksLikeFeed(contentType: string, head: string): boolean {
  if (/(rss|atom)\+xml|^application\/xml$|^text\/xml$/.test(contentType)) return !/<html[\s>]/i.test(head.slice(0, 2048));
  const start = head.replace(/^\uFEFF/, '').trimStart().slice(0, 1024);
  return /^(<\?xml[^>]*>\s*)?(<!--[\s\S]*?-->\s*)*<(rss|feed|rdf:RDF)[\s>]/i.test(start);
}
