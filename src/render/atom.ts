/**
 * Atom (RFC 4287) feeds: the stories of a store, and the updates of one story
 * (the reports that joined it). The server fills in the addresses; this file
 * only writes well-formed, valid XML from untrusted text.
 */
import type { OutletDirectory } from '../outlets/index.js';
import type { Brief, StorySummary } from '../types.js';
import { plural, sourceIdentity, sourceNumbering } from './common.js';
import { cleanText, sanitizeBrief } from './sanitize.js';

export interface AtomEntry {
  /** A permanent IRI: the entry's page address. */
  id: string;
  title: string;
  /** ISO 8601. */
  updated: string;
  published?: string;
  /** The page a reader opens (rel="alternate"). */
  url: string;
  summary: string;
  /** The outlet, for an entry that is one report. */
  author?: string;
}

export interface AtomFeed {
  id: string;
  title: string;
  subtitle?: string;
  /** The feed's own address (rel="self") and the page it mirrors (rel="alternate"). */
  selfUrl: string;
  pageUrl: string;
  /** ISO 8601; the newest entry's time when absent (now for an empty feed). */
  updated?: string;
  entries: AtomEntry[];
}

/** Characters XML 1.0 forbids even escaped (beyond the controls cleanText drops): U+FFFE, U+FFFF. */
const NOT_XML = /[\ufffe\uffff]/g;

export function escapeXml(value: string): string {
  return cleanText(value)
    .replace(NOT_XML, '')
    .replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c] as string);
}

/** A time the feed can carry (RFC 3339, UTC), or undefined. */
function atomTime(value: string | undefined): string | undefined {
  if (!value) return undefined;
  const t = Date.parse(value);
  return Number.isNaN(t) ? undefined : new Date(t).toISOString();
}

function entryXml(e: AtomEntry, fallbackTime: string): string {
  const published = atomTime(e.published);
  return [
    '  <entry>',
    `    <id>${escapeXml(e.id)}</id>`,
    `    <title type="text">${escapeXml(e.title || '(untitled)')}</title>`,
    `    <updated>${atomTime(e.updated) ?? fallbackTime}</updated>`,
    ...(published ? [`    <published>${published}</published>`] : []),
    ...(e.author ? [`    <author><name>${escapeXml(e.author)}</name></author>`] : []),
    `    <link rel="alternate" type="text/html" href="${escapeXml(e.url)}"/>`,
    `    <summary type="text">${escapeXml(e.summary)}</summary>`,
    '  </entry>',
  ].join('\n');
}

export function renderAtom(feed: AtomFeed): string {
  const times = feed.entries.map((e) => atomTime(e.updated)).filter((t): t is string => t !== undefined).sort();
  const updated = atomTime(feed.updated) ?? times[times.length - 1] ?? new Date().toISOString();
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom">',
    `  <id>${escapeXml(feed.id)}</id>`,
    `  <title type="text">${escapeXml(feed.title || '(untitled)')}</title>`,
    ...(feed.subtitle ? [`  <subtitle type="text">${escapeXml(feed.subtitle)}</subtitle>`] : []),
    `  <updated>${updated}</updated>`,
    // Entries without an author of their own inherit the feed's: RFC 4287 needs one or the other.
    '  <author><name>newsfuse</name></author>',
    '  <generator>newsfuse</generator>',
    `  <link rel="self" type="application/atom+xml" href="${escapeXml(feed.selfUrl)}"/>`,
    `  <link rel="alternate" type="text/html" href="${escapeXml(feed.pageUrl)}"/>`,
    ...feed.entries.map((e) => entryXml(e, updated)),
    '</feed>',
    '',
  ].join('\n');
}

/** One entry per story: headline, time span, counts. */
export function storyEntries(stories: StorySummary[], storyUrl: (id: string) => string): AtomEntry[] {
  return stories.map((s) => ({
    id: storyUrl(s.id),
    title: s.headline,
    updated: s.lastSeen ?? s.firstSeen ?? '',
    ...(s.firstSeen ? { published: s.firstSeen } : {}),
    url: storyUrl(s.id),
    summary:
      `${plural(s.articles, 'report')} from ${plural(s.independentSources, 'independent source')}; claims: ` +
      `${s.claims.corroborated} corroborated, ${s.claims.disputed} disputed, ${s.claims.singleSource} single-source.`,
  }));
}

/**
 * A story's updates: one entry per report it holds (newest first), with the
 * claims it carries and what it derives from. Reports without a publication
 * time are dated by the story's last sighting.
 */
export function storyUpdateEntries(input: Brief, articleUrl: (id: string) => string, outlets?: OutletDirectory): AtomEntry[] {
  const brief = sanitizeBrief(input);
  const numbering = sourceNumbering(brief);
  const fallback = brief.story.lastSeen ?? brief.story.firstSeen ?? '';
  const entries = brief.sources.map((s) => {
    const id = sourceIdentity(s, outlets);
    const carried = brief.claims.filter((c) => c.sources.some((x) => x.source === s.id));
    const count = (status: string) => carried.filter((c) => c.status === status).length;
    const derived = s.derivedFrom.map((d) => `${d.kind} of [${numbering.get(d.source) ?? '?'}]`).join(', ');
    return {
      id: articleUrl(s.id),
      title: `${id.outlet ?? 'Report'}: ${s.title}`,
      updated: s.publishedAt ?? fallback,
      ...(s.publishedAt ? { published: s.publishedAt } : {}),
      url: articleUrl(s.id),
      ...(id.outlet ? { author: id.outlet } : {}),
      summary:
        `[${numbering.get(s.id)}] carries ${plural(carried.length, 'claim')} (${count('corroborated')} corroborated, ${count('disputed')} disputed, ` +
        `${count('single-source')} single-source)${derived ? `; ${derived}` : ''}.`,
    };
  });
  return entries.sort((a, b) => (a.updated < b.updated ? 1 : a.updated > b.updated ? -1 : 0));
}
