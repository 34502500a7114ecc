/**
 * The Brief as Markdown, for terminals and files. Every string from an
 * article goes through escapeMarkdown (one line, inline syntax escaped), so a
 * title like "# Breaking | *now*" stays text and cannot open a heading,
 * a table or emphasis. ANSI colour only when asked (the CLI asks for a TTY).
 */
import type { OutletDirectory } from '../outlets/index.js';
import type { Brief, Claim, ClaimConflict, ClaimStatus } from '../types.js';
import {
  conflictKind,
  renderLookups,
  type RenderLookups,
  flagText,
  disputeSides,
  ENTITY_TYPES,
  foldedSection,
  outletHeading,
  outletLine,
  plural,
  SINGLE_SOURCE_SHOWN,
  sourceIdentity,
  STATUS_ORDER,
  STATUS_TITLE,
  citations,
  claimSourceIds,
  claimsWithStatus,
  entityTypeTitle,
  formatScore,
  formatWhen,
  overview,
  overviewLine,
  quoteWordings,
  sourceDetails,
  supportLine,
  unique,
} from './common.js';
import { escapeMarkdown, safeHttpUrl } from './escape.js';
import { sanitizeBrief } from './sanitize.js';

export interface MarkdownOptions {
  /** ANSI colours and bold (for a terminal). */
  color?: boolean;
  /** Wrap lines at this many visible characters; no wrapping when absent. */
  width?: number;
  /** The user's outlets file: outlet names and details, and flags on claims whose support shares one owner or country. */
  outlets?: OutletDirectory;
  /** Single-source claims listed before the rest are only counted (default SINGLE_SOURCE_SHOWN; Infinity lists all). */
  singleSourceShown?: number;
}

/** Narrower than this, wrapping hurts more than it helps: one word per line. */
const MIN_WRAP_WIDTH = 20;

const ANSI = {
  reset: '\u001b[0m',
  bold: '\u001b[1m',
  dim: '\u001b[2m',
  red: '\u001b[31m',
  green: '\u001b[32m',
  yellow: '\u001b[33m',
  cyan: '\u001b[36m',
} as const;

const STATUS_COLOR: Record<ClaimStatus, keyof typeof ANSI> = {
  corroborated: 'green',
  'single-source': 'yellow',
  disputed: 'red',
};

// eslint-disable-next-line no-control-regex
const ANSI_PATTERN = /\u001b\[[0-9;]*m/g;

/** Characters a terminal shows, without colour codes. */
export function visibleLength(text: string): number {
  const plain = text.includes('\u001b') ? text.replace(ANSI_PATTERN, '') : text;
  // Code points, not UTF-16 units: an emoji or a CJK character is one step of the cursor (near enough for wrapping).
  let n = 0;
  for (const _ of plain) n += 1;
  return n;
}

interface Context extends RenderLookups {
  singleSourceShown: number;
  paint: (style: keyof typeof ANSI, text: string) => string;
  width: number | undefined;
}

/** Greedy word wrap with a first-line prefix and a hanging indent; words longer than a line stay whole. */
function wrap(text: string, first: string, rest: string, width: number | undefined): string[] {
  if (width === undefined) return [`${first}${text}`];
  const limit = Math.max(width, MIN_WRAP_WIDTH);
  const lines: string[] = [];
  let line = first;
  // Kept alongside the line: measuring the whole line at every word would make wrapping quadratic.
  let length = visibleLength(first);
  let empty = true;
  for (const word of text.split(' ')) {
    if (word === '') continue;
    const size = visibleLength(word);
    if (!empty && length + 1 + size > limit) {
      lines.push(line);
      line = rest + word;
      length = visibleLength(rest) + size;
    } else {
      line += (empty ? '' : ' ') + word;
      length += (empty ? 0 : 1) + size;
    }
    empty = false;
  }
  lines.push(line);
  return lines;
}

function markers(ids: Iterable<string>, ctx: Context): string {
  const c = citations(ids, ctx.numbering);
  const parts = [...c.numbers.map((n) => `[${n}]`), ...c.unknown.map((id) => `[?${escapeMarkdown(id)}]`)];
  return ctx.paint('cyan', parts.join(''));
}

/** Text followed by its citation markers, if any. */
function cited(text: string, ids: Iterable<string>, ctx: Context): string {
  const m = markers(ids, ctx);
  return m === '' ? text : `${text} ${m}`;
}

function bullet(text: string, ctx: Context, indent = ''): string[] {
  return wrap(text, `${indent}- `, `${indent}  `, ctx.width);
}

function heading(title: string, ctx: Context): string[] {
  return [ctx.paint('bold', `## ${title}`), ''];
}

function claimLine(claim: Claim, ctx: Context): string {
  const text = ctx.paint(STATUS_COLOR[claim.status] ?? 'bold', escapeMarkdown(claim.text));
  const support = supportLine(claim);
  const flags = (ctx.flags.get(claim.id) ?? []).map((f) => ctx.paint('yellow', ` ⚑ ${escapeMarkdown(flagText(f))}`)).join('');
  return `${cited(support === undefined ? text : `${text} ${ctx.paint('dim', `— ${support}`)}`, claimSourceIds(claim), ctx)}${flags}`;
}

/** "[1] Krone · 2023-09-13, [3] example.org": the sources of a sentence, named. */
function namedSources(ids: string[], ctx: Context): string {
  return ids.map((id) => `${markers([id], ctx)} ${escapeMarkdown(outletLine(ctx.identities.get(id) ?? { headline: id }))}`).join(', ');
}

/** "rocket: “Angara” [1][2] vs “Soyuz-2” [4]", or "death toll revised from “12” [1] to “15” [2]", then each side's own sentences. */
function conflictLines(claim: Claim, conflict: ClaimConflict, ctx: Context): string[] {
  const about = ctx.paint('bold', `${escapeMarkdown(conflict.about)}:`);
  const values = conflict.values.map((v) => cited(`“${escapeMarkdown(v.value)}”`, v.sources, ctx));
  const head = conflictKind(conflict) === 'revision' && values.length >= 2 ? `${about} revised from ${values.slice(0, -1).join(', then ')} to ${values[values.length - 1]}` : `${about} ${values.join(' vs ')}`;
  const lines = bullet(head, ctx, '  ');
  for (const side of disputeSides(claim, conflict)) {
    for (const said of side.sentences) {
      lines.push(...bullet(`“${escapeMarkdown(side.value)}”: ${namedSources(said.sources, ctx)} — ${ctx.paint('dim', `“${escapeMarkdown(said.sentence)}”`)}`, ctx, '    '));
    }
  }
  return lines;
}

function claimSection(brief: Brief, status: ClaimStatus, ctx: Context): string[] {
  const claims = claimsWithStatus(brief, status);
  if (claims.length === 0) return [];
  const lines = heading(STATUS_TITLE[status], ctx);
  const { shown, folded } = foldedSection(claims, status, ctx.singleSourceShown);
  for (const claim of shown) {
    lines.push(...bullet(claimLine(claim, ctx), ctx));
    for (const conflict of claim.conflicts) lines.push(...conflictLines(claim, conflict, ctx));
  }
  if (folded.length > 0) {
    lines.push('', ...wrap(ctx.paint('dim', `… and ${plural(folded.length, 'more single-source claim')}, not listed (every claim is in the JSON and HTML forms).`), '', '', ctx.width));
  }
  lines.push('');
  return lines;
}

function summarySection(brief: Brief, ctx: Context): string[] {
  if (brief.summary.length === 0) return [];
  const lines = heading('Summary', ctx);
  // One sentence per line (Markdown hard breaks, two trailing spaces): a reader sees at once which sentence cites which sources.
  brief.summary.forEach((s, index) => {
    const sentence = wrap(cited(escapeMarkdown(s.text), s.sources, ctx), '', '', ctx.width);
    if (index < brief.summary.length - 1) sentence[sentence.length - 1] += '  ';
    lines.push(...sentence);
  });
  lines.push('');
  return lines;
}

function quoteSection(brief: Brief, ctx: Context): string[] {
  if (brief.quotes.length === 0) return [];
  const lines = heading('Quotes', ctx);
  for (const quote of brief.quotes) {
    const { main, variants } = quoteWordings(quote);
    const speaker = quote.speaker ? `${ctx.paint('bold', escapeMarkdown(quote.speaker))}: ` : '';
    lines.push(...bullet(cited(`${speaker}“${escapeMarkdown(main.text)}”`, main.sources, ctx), ctx));
    for (const v of variants) {
      lines.push(...bullet(cited(`${ctx.paint('dim', 'also:')} “${escapeMarkdown(v.text)}”`, v.sources, ctx), ctx, '  '));
    }
  }
  lines.push('');
  return lines;
}

function entitySection(brief: Brief, ctx: Context): string[] {
  if (brief.entities.length === 0) return [];
  const lines = heading('Entities', ctx);
  const types = unique([...ENTITY_TYPES, ...brief.entities.map((e) => e.type)]);
  for (const type of types) {
    const ofType = brief.entities.filter((e) => e.type === type);
    if (ofType.length === 0) continue;
    const names = ofType.map((e) => `${escapeMarkdown(e.name)} (${unique(e.sources).length})`).join(', ');
    const title = escapeMarkdown(entityTypeTitle(type));
    lines.push(...bullet(`${ctx.paint('bold', `${title}:`)} ${names}`, ctx));
  }
  lines.push('');
  return lines;
}

function timelineSection(brief: Brief, ctx: Context): string[] {
  if (brief.timeline.length === 0) return [];
  const lines = heading('Timeline', ctx);
  for (const event of brief.timeline) {
    const when = ctx.paint('bold', escapeMarkdown(formatWhen(event.when)));
    lines.push(...bullet(cited(`${when} — ${escapeMarkdown(event.text)}`, event.sources, ctx), ctx));
  }
  lines.push('');
  return lines;
}

function sourceSection(brief: Brief, ctx: Context): string[] {
  if (brief.sources.length === 0) return [];
  const lines = heading('Sources', ctx);
  brief.sources.forEach((source, index) => {
    const id = ctx.identities.get(source.id) ?? sourceIdentity(source);
    const details = sourceDetails(source, id, ctx.labels).map(escapeMarkdown).join(' · ');
    const title = ctx.paint('bold', escapeMarkdown(outletHeading(id)));
    const warning = id.warning ? ctx.paint('red', ` ⚠ ${escapeMarkdown(id.warning)}`) : '';
    const headline = `“${escapeMarkdown(source.title) || '(untitled)'}”`;
    lines.push(...wrap(`${ctx.paint('cyan', `[${index + 1}]`)} ${title}${warning} — ${headline} — ${details}`, '- ', '  ', ctx.width));
    if (source.url) {
      // An autolink's content is literal (no escapes to spoil copying); only http(s) gets one.
      const href = safeHttpUrl(source.url);
      lines.push(...wrap(ctx.paint('dim', href ? `<${href}>` : escapeMarkdown(source.url)), '  ', '  ', ctx.width));
    }
    if (source.derivedFrom.length > 0) {
      const derived = source.derivedFrom
        .map((d) => `${markers([d.source], ctx)} (${escapeMarkdown(d.kind)}, ${formatScore(d.score)})`)
        .join('; ');
      lines.push(...wrap(`derived from ${derived}`, '  ', '  ', ctx.width));
    }
  });
  lines.push('');
  return lines;
}

export function renderMarkdown(input: Brief, options: MarkdownOptions = {}): string {
  const brief = sanitizeBrief(input);
  const ctx: Context = {
    ...renderLookups(brief, options.outlets),
    singleSourceShown: options.singleSourceShown ?? SINGLE_SOURCE_SHOWN,
    paint: options.color ? (style, text) => (text === '' ? text : `${ANSI[style]}${text}${ANSI.reset}`) : (_style, text) => text,
    width: options.width !== undefined && options.width > 0 ? Math.floor(options.width) : undefined,
  };
  const span = [brief.story.firstSeen, brief.story.lastSeen].filter((d): d is string => Boolean(d)).map(formatWhen);
  const lines = [
    // Never wrapped: a heading is one line in Markdown.
    ctx.paint('bold', `# ${escapeMarkdown(brief.story.headline) || '(untitled story)'}`),
    '',
    ...wrap(ctx.paint('dim', overviewLine(overview(brief))), '', '', ctx.width),
    ...(span.length > 0 ? ['', ctx.paint('dim', escapeMarkdown(unique(span).join(' – ')))] : []),
    '',
    ...summarySection(brief, ctx),
    ...STATUS_ORDER.flatMap((status) => claimSection(brief, status, ctx)),
    ...quoteSection(brief, ctx),
    ...entitySection(brief, ctx),
    ...timelineSection(brief, ctx),
    ...sourceSection(brief, ctx),
  ];
  while (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  return `${lines.join('\n')}\n`;
}
