/**
 * Plain scraped text → article parts. A scrape keeps the page's furniture as
 * lines: a date header, breadcrumbs, the headline (sometimes twice), the
 * body, then an author line, a source line, teasers, "Recent Posts" lists and
 * comment forms. The body is the run of sentence-like lines; what lies before
 * it gives the title, what lies after it gives attribution and byline, and
 * nothing after the first end label (a teaser list or comment form) is kept.
 */
import {
  attributionOf,
  endsLikeSentence,
  endsWithEllipsis,
  isBreadcrumb,
  isDateLine,
  isEndLabel,
  isInterfaceLine,
  isNameLine,
  isTeaser,
  wireCreditOf,
  wireReportOf,
  wordCount,
} from './furniture.js';
import type { ExtractSettings } from './settings.js';

export type LineKind = 'body' | 'short' | 'date' | 'breadcrumb' | 'interface' | 'end' | 'teaser' | 'attribution';

export interface TextParts {
  title?: string;
  byline?: string;
  attribution?: string;
  paragraphs: string[];
  headings: number[];
}

interface Line {
  text: string;
  kind: LineKind;
  credit?: string;
}

/** Hard-wrapped lines (a paragraph broken at ~70 columns) are rejoined when at least this long. */
const WRAP_MIN_CHARS = 50;
/** A line of this many words ending in a full stop is a statement even when short. */
const SHORT_SENTENCE_MIN_WORDS = 4;

/** Whitespace that is not one plain space: runs of blanks, tabs, form feeds, no-break spaces. */
const ODD_SPACE = /[ \t\f\v\u00a0\u2007\u202f]{2,}|[\t\f\v\u00a0\u2007\u202f]/g;

export function splitLines(content: string): string[] {
  // Each pass only when it has something to do: a text of one 16 MiB line must not be copied for nothing.
  const raw = (content.includes('\r') ? content.replace(/\r\n?/g, '\n') : content).split('\n');
  const out: string[] = [];
  let prevBlank = true;
  for (const r of raw) {
    ODD_SPACE.lastIndex = 0;
    const t = (ODD_SPACE.test(r) ? r.replace(ODD_SPACE, ' ') : r).trim();
    if (t === '') {
      prevBlank = true;
      continue;
    }
    const last = out[out.length - 1];
    // A line that continues a sentence (lower-case start, previous line long and unfinished) is a wrap.
    if (!prevBlank && last !== undefined && last.length >= WRAP_MIN_CHARS && !endsLikeSentence(last) && /^\p{Ll}/u.test(t)) {
      out[out.length - 1] = `${last} ${t}`;
    } else {
      out.push(t);
    }
    prevBlank = false;
  }
  return out;
}

/** A bare address ("http://…", or "http: / / www. …" once tokenised) names the page, it does not title it. */
const ADDRESS_LINE = /^(https?\s*:|www\s*\.)/i;

export function classifyLine(text: string, s: ExtractSettings): Line {
  const words = wordCount(text);
  if (words <= s.shortLineWords || text.length <= 80) {
    if (isDateLine(text)) return { text, kind: 'date' };
    if (isEndLabel(text)) return { text, kind: 'end' };
    const credit = attributionOf(text);
    if (credit) return { text, kind: 'attribution', credit };
  }
  // A bare address ("http://…", or "http: / / www. …" once tokenised) names a page; it says nothing.
  if (isBreadcrumb(text)) return { text, kind: 'breadcrumb' };
  if (isTeaser(text)) return { text, kind: 'teaser' };
  if (isInterfaceLine(text, s.shortLineWords)) return { text, kind: 'interface' };
  if (endsWithEllipsis(text)) return { text, kind: words >= s.textBodyLongWords * 2 ? 'body' : 'short' };
  if (words >= s.textBodyLongWords || (words >= s.textBodyMinWords && endsLikeSentence(text))) return { text, kind: 'body' };
  return { text, kind: 'short' };
}

export function textParts(content: string, s: ExtractSettings, knownTitle?: string): TextParts {
  const lines = splitLines(content).map((t) => classifyLine(t, s));
  let start = lines.findIndex((l) => l.kind === 'body');
  // A brief of one or two short sentences has no long line: its sentences are the body.
  if (start < 0) start = lines.findIndex((l) => l.kind === 'short' && isShortSentence(l.text));
  if (start < 0) return shortArticle(lines, s, knownTitle);
  // Short sentences between the headline and the first long line open the body ("And it's a man.").
  const headlineAt = lines.slice(0, start).findIndex((l) => l.kind === 'short' && isHeadlineLike(l.text, s));
  if (headlineAt >= 0) while (start - 1 > headlineAt && closesBody(lines[start - 1] as Line)) start--;
  let stop = lines.length;
  for (let i = start + 1; i < lines.length; i++) {
    if (lines[i]?.kind === 'end') {
      stop = i;
      break;
    }
  }
  let end = start;
  for (let i = stop - 1; i >= start; i--) {
    if (lines[i]?.kind === 'body') {
      end = i;
      break;
    }
  }
  // Short sentences right after the last long line end the article ("The crash is still under investigation."):
  // they are its body, up to the first line that is not one (a byline, a source line, a teaser).
  while (end + 1 < stop && closesBody(lines[end + 1] as Line)) end++;

  let attribution: string | undefined;
  const paragraphs: string[] = [];
  const headings: number[] = [];
  for (let i = start; i <= end; i++) {
    const l = lines[i] as Line;
    if (l.kind === 'attribution') attribution ??= l.credit;
    if (l.kind === 'body' || (l.kind === 'short' && isShortSentence(l.text))) paragraphs.push(l.text);
    else if (l.kind === 'short' && !isNameLine(l.text)) {
      headings.push(paragraphs.length);
      paragraphs.push(l.text);
    }
  }

  // The tail between the body's end and the first end label: source line, author line, teasers.
  let byline: string | undefined;
  for (let i = end + 1; i < stop; i++) {
    const l = lines[i] as Line;
    if (l.kind === 'attribution') attribution ??= l.credit;
    else if (l.kind === 'short' && byline === undefined && isNameLine(l.text)) byline = l.text.replace(/^by\s+/i, '');
  }
  const first = paragraphs[0];
  if (attribution === undefined && first !== undefined) attribution = wireCreditOf(first) ?? wireReportOf(paragraphs);

  let title = knownTitle?.trim() || undefined;
  const head = lines.slice(0, start);
  const headline = head.find((l) => l.kind === 'short' && isHeadlineLike(l.text, s));
  if (title === undefined && headline) title = unquote(headline.text);
  if (title === undefined && first !== undefined) {
    const split = splitRunInTitle(first, s);
    if (split) {
      title = split.title;
      paragraphs[0] = split.rest;
    } else {
      title = firstWords(paragraphs.find((p) => !ADDRESS_LINE.test(p)) ?? first, s.titleMaxWords / 2);
    }
  }
  return { title, byline, attribution, paragraphs, headings };
}

/**
 * "Russian Defence Minister Sergei Shoigu is in attendance.": a short
 * statement, not a subheading (those end without a full stop or with "?").
 * Closing quotes may stand a space off, as tokenised text leaves them
 * ("… the true definition. ”").
 */
function isShortSentence(text: string): boolean {
  return wordCount(text) >= SHORT_SENTENCE_MIN_WORDS && /[.!](?:\s?["'”’»)])*$/.test(text) && !endsWithEllipsis(text);
}

/** A line after the body's last long line that still belongs to it: a short sentence, not a name. */
function closesBody(line: Line): boolean {
  return line.kind === 'short' && isShortSentence(line.text) && !isNameLine(line.text);
}

function isHeadlineLike(text: string, s: ExtractSettings): boolean {
  const w = wordCount(text);
  return w >= s.titleMinWords && w <= s.titleMaxWords && !endsWithEllipsis(text) && !ADDRESS_LINE.test(text);
}

function unquote(text: string): string {
  const m = /^["“„«'‘](.*)["”“»'’]$/u.exec(text.trim());
  return (m?.[1] ?? text).trim();
}

/**
 * "Vladimir Putin and Kim Jong : The leaders of Russia and North Korea met …":
 * scrapes sometimes run the headline into the lead with a colon. A prefix of
 * several words with no sentence punctuation, before a long capitalised rest,
 * is taken as the title.
 */
function splitRunInTitle(paragraph: string, s: ExtractSettings): { title: string; rest: string } | undefined {
  const m = /^([^.!?:]{8,160}?)\s*:\s+(\p{Lu}.*)$/su.exec(paragraph);
  if (!m || !m[1] || !m[2]) return undefined;
  const words = wordCount(m[1]);
  if (words < s.titleMinWords || words > s.shortLineWords || wordCount(m[2]) < s.textBodyMinWords) return undefined;
  return { title: m[1].trim(), rest: m[2].trim() };
}

function firstWords(text: string, n: number): string {
  const sentence = /^.*?[.!?](?=\s|$)/su.exec(text)?.[0] ?? text;
  const words = sentence.split(/\s+/);
  return words.length <= n ? sentence : `${words.slice(0, n).join(' ')}…`;
}

/** Kinds of line that say something when nothing reads like a body: a headline, a lead cut short, a teaser. */
const SHORT_CONTENT: ReadonlySet<LineKind> = new Set(['short', 'teaser', 'interface', 'attribution']);

/**
 * A text without a body-like line is still an article (a headline alone, URL +
 * date + headline, a lead cut short with "…"): its title is its headline, its
 * text the lines after it, or the headline itself when nothing follows.
 * Addresses and date lines are dropped while anything else is left.
 */
function shortArticle(lines: Line[], s: ExtractSettings, knownTitle?: string): TextParts {
  const said = lines.filter((l) => !ADDRESS_LINE.test(l.text));
  const content = said.filter((l) => SHORT_CONTENT.has(l.kind));
  const kept = (content.length > 0 ? content : said.length > 0 ? said : lines).map((l) => l.text);
  if (kept.length === 0) return { paragraphs: [], headings: [] };
  const known = knownTitle?.trim() || undefined;
  const headline = known === undefined ? kept.find((t) => isHeadlineLike(t, s)) ?? kept[0]! : undefined;
  const rest = headline === undefined ? kept : kept.filter((t) => t !== headline);
  const paragraphs = rest.length > 0 ? rest : [known ?? headline!];
  return { title: known ?? unquote(headline!), paragraphs, headings: [] };
}
