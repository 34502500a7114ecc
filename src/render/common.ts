/**
 * What every renderer derives from a Brief the same way, so that JSON,
 * Markdown and HTML agree: citation numbers, group labels, the overview
 * counts, the section order and the small formatting of dates and scores.
 */
import { hostOf, outletSupport, type ClaimFlag, type OutletDirectory } from '../outlets/index.js';
import type { Brief, BriefQuote, BriefSource, Claim, ClaimConflict, ClaimStatus, OutletRecord } from '../types.js';
import { lookalikeWarning, unicodeHost } from './sanitize.js';

/** Sections in the order every renderer shows claims: what is cross-checked, what is contested, then the long tail. */
export const STATUS_ORDER: readonly ClaimStatus[] = ['corroborated', 'disputed', 'single-source'];

/** Claim counts in the order the story list shows them (and scripts reading the overview line expect). */
const COUNT_ORDER: readonly ClaimStatus[] = ['corroborated', 'single-source', 'disputed'];

/** Single-source claims listed before the rest are folded away (a big story has hundreds; they cross-check nothing). */
export const SINGLE_SOURCE_SHOWN = 10;

export const STATUS_TITLE: Record<ClaimStatus, string> = {
  corroborated: 'Corroborated',
  'single-source': 'Single-source',
  disputed: 'Disputed',
};

/** Derivation scores are shown with two decimals: finer digits are noise to a reader. */
const SCORE_DIGITS = 2;

/**
 * Source id → citation number (1-based, in the order of `brief.sources`).
 * A source listed twice keeps its first number.
 */
export function sourceNumbering(brief: Brief): Map<string, number> {
  const numbers = new Map<string, number>();
  brief.sources.forEach((source, index) => {
    if (!numbers.has(source.id)) numbers.set(source.id, index + 1);
  });
  return numbers;
}

/** 0 → A, 25 → Z, 26 → AA: spreadsheet-style, so any number of groups gets a short label. */
export function letterLabel(index: number): string {
  let label = '';
  let n = index;
  do {
    label = String.fromCharCode(65 + (n % 26)) + label;
    n = Math.floor(n / 26) - 1;
  } while (n >= 0);
  return label;
}

/** Independence group id → readable label (A, B, C…) in order of first appearance among the sources. */
export function groupLabels(brief: Brief): Map<string, string> {
  const labels = new Map<string, string>();
  for (const source of brief.sources) {
    if (!labels.has(source.group)) labels.set(source.group, letterLabel(labels.size));
  }
  return labels;
}

export interface Overview {
  sources: number;
  groups: number;
  counts: Record<ClaimStatus, number>;
}

export function overview(brief: Brief): Overview {
  const counts: Record<ClaimStatus, number> = { corroborated: 0, 'single-source': 0, disputed: 0 };
  for (const claim of brief.claims) if (Object.hasOwn(counts, claim.status)) counts[claim.status] += 1;
  return { sources: brief.sources.length, groups: groupLabels(brief).size, counts };
}

/** Plural with the count: plural(1, 'source') = "1 source". */
export function plural(n: number, word: string, many = `${word}s`): string {
  return `${n} ${n === 1 ? word : many}`;
}

/** "5 sources, 4 independent groups; claims: 6 corroborated, 5 single-source, 2 disputed" */
export function overviewLine(o: Overview): string {
  const claims = COUNT_ORDER.map((s) => `${o.counts[s]} ${s}`).join(', ');
  return `${plural(o.sources, 'source')}, ${plural(o.groups, 'independent group')}; claims: ${claims}`;
}

/** Claims of one status, in the brief's own order (consolidate ranks them). */
export function claimsWithStatus(brief: Brief, status: ClaimStatus): Claim[] {
  return brief.claims.filter((c) => c.status === status);
}

/** Claims in display order: by section, then the brief's order; unknown statuses last. */
export function claimsInDisplayOrder(brief: Brief): Claim[] {
  const known = STATUS_ORDER.flatMap((s) => claimsWithStatus(brief, s));
  const rest = brief.claims.filter((c) => !STATUS_ORDER.includes(c.status));
  return [...known, ...rest];
}

/**
 * "3 outlets, 2 independent", or undefined for the plain single-outlet claim,
 * where "1 outlet, 1 independent" would only repeat what its section says.
 */
export function supportLine(claim: Claim): string | undefined {
  if (claim.status === 'single-source' && claim.support <= 1) return undefined;
  return `${plural(claim.support, 'outlet')}, ${claim.independentSupport} independent`;
}

/** Distinct ids, first occurrence first. */
export function unique(ids: Iterable<string>): string[] {
  return [...new Set(ids)];
}

export function claimSourceIds(claim: Claim): string[] {
  return unique(claim.sources.map((s) => s.source));
}

/**
 * Citation list for ids: known sources as numbers in ascending order, unknown
 * ids (a brief referring to a source it does not list) kept as text so that
 * nothing is silently dropped.
 */
export interface Citations {
  numbers: number[];
  unknown: string[];
}

export function citations(ids: Iterable<string>, numbering: Map<string, number>): Citations {
  const numbers = new Set<number>();
  const unknown: string[] = [];
  for (const id of ids) {
    const n = numbering.get(id);
    if (n === undefined) {
      if (!unknown.includes(id)) unknown.push(id);
    } else numbers.add(n);
  }
  return { numbers: [...numbers].sort((a, b) => a - b), unknown };
}

/** One wording of a quote and the sources that use it. */
export interface QuoteWording {
  text: string;
  sources: string[];
}

/** Whitespace, quotation-mark and edge-punctuation differences do not make a different wording. */
function wordingKey(text: string): string {
  return text
    .replace(/[\u2018\u2019\u201a\u201b\u2032`]/g, "'")
    .replace(/[\u201c\u201d\u201e\u201f\u00ab\u00bb\u2033]/g, '"')
    .replace(/\s+/g, ' ')
    .replace(/^[\s"'.,;:!?\u2026-]+|[\s"'.,;:!?\u2026-]+$/g, '')
    .toLowerCase();
}

/**
 * A quote's main wording (its `text`) with the sources that use it, and the
 * other wordings with theirs. A source may use several wordings. When no
 * source uses the main wording as such, the main line cites every source of
 * the quote, so that no quote is ever shown without its sources.
 */
export function quoteWordings(quote: BriefQuote): { main: QuoteWording; variants: QuoteWording[] } {
  const mainKey = wordingKey(quote.text);
  const main: QuoteWording = { text: quote.text, sources: [] };
  const byKey = new Map<string, QuoteWording>();
  for (const s of quote.sources) {
    const key = wordingKey(s.text);
    const target = key === mainKey ? main : key === '' ? undefined : byKey.get(key);
    if (target) {
      if (!target.sources.includes(s.source)) target.sources.push(s.source);
    } else if (key !== '') byKey.set(key, { text: s.text, sources: [s.source] });
  }
  if (main.sources.length === 0) main.sources = unique(quote.sources.map((s) => s.source));
  return { main, variants: [...byKey.values()] };
}

export function formatScore(score: number): string {
  return Number.isFinite(score) ? score.toFixed(SCORE_DIGITS) : String(score);
}

/** Midnight-UTC timestamps are dates in disguise: show them as dates; anything else as given. */
export function formatWhen(value: string): string {
  const midnight = /^(\d{4}-\d{2}-\d{2})T00:00(?::00(?:\.0+)?)?(?:Z|[+-]00:?00)?$/.exec(value);
  if (midnight) return midnight[1] as string;
  const minutes = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})(?::00(?:\.0+)?)?(Z|[+-]\d{2}:?\d{2})$/.exec(value);
  if (minutes) return `${minutes[1]} ${minutes[2]}${minutes[3] === 'Z' ? ' UTC' : ` ${minutes[3]}`}`;
  return value;
}

/** One line of text: article text may carry newlines and tabs that would break a line-based layout. */
export function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

const ENTITY_TYPE_TITLES = new Map<string, string>([
  ['person', 'People'],
  ['organization', 'Organizations'],
  ['place', 'Places'],
  ['other', 'Other'],
]);

/** Entity types in display order. */
export const ENTITY_TYPES: readonly string[] = [...ENTITY_TYPE_TITLES.keys()];

/** "People" for person; an unknown type is shown as itself (the caller escapes it). */
export function entityTypeTitle(type: string): string {
  return ENTITY_TYPE_TITLES.get(type) ?? type;
}

/** Who a source is, as every renderer names it: outlet, address, date, headline. */
export interface SourceIdentity {
  /** The site name the article gives, else the name the user's outlets file gives its host, else the host. */
  outlet?: string;
  /** Host name as a reader reads it (punycode decoded). */
  host?: string;
  /** Publication time, formatted. */
  date?: string;
  headline: string;
  /** The user's record for this outlet, when the outlets file has one. */
  record?: OutletRecord;
  /** Set when the outlet name or host mixes look-alike scripts. */
  warning?: string;
}

export function sourceIdentity(source: BriefSource, outlets?: OutletDirectory): SourceIdentity {
  const record = outlets?.find(source);
  const rawHost = hostOf(source.url);
  const host = rawHost ? unicodeHost(rawHost) : undefined;
  const outlet = source.siteName || record?.name || host;
  const id: SourceIdentity = { headline: source.title };
  if (outlet) id.outlet = outlet;
  if (host) id.host = host;
  if (source.publishedAt) id.date = formatWhen(source.publishedAt);
  if (record) id.record = record;
  const warning = lookalikeWarning(outlet) ?? lookalikeWarning(host);
  if (warning) id.warning = warning;
  return id;
}

/** A headline standing in for an unnamed outlet is cut to this many characters. */
const HEADLINE_AS_NAME_CHARS = 40;

/** "Krone · 2023-09-13", or for a source with no outlet known its headline's start: how a source is named beside a citation. */
export function outletLine(id: SourceIdentity): string {
  const chars = [...id.headline];
  const headline = chars.length > HEADLINE_AS_NAME_CHARS ? `${chars.slice(0, HEADLINE_AS_NAME_CHARS - 1).join('').trimEnd()}…` : id.headline;
  return [id.outlet ?? `“${headline}”`, id.date].filter(Boolean).join(' · ');
}

/** "Krone · 2023-09-13", or "outlet not named": the heading of a source in the sources list, before its headline. */
export function outletHeading(id: SourceIdentity): string {
  return [id.outlet ?? 'outlet not named', id.date].filter(Boolean).join(' · ');
}

/** "de · group A · credit: Krone · country RU, owner X, kind wire": what else the source list says of a source. */
export function sourceDetails(source: BriefSource, id: SourceIdentity, labels: Map<string, string>): string[] {
  const record = id.record;
  const described = record ? (['country', 'owner', 'kind'] as const).flatMap((f) => (record[f] ? [`${f} ${record[f]}`] : [])).join(', ') : '';
  return [
    source.language,
    `group ${labels.get(source.group) ?? '?'}`,
    source.attribution ? `credit: ${source.attribution}` : '',
    id.host && id.host !== id.outlet ? id.host : '',
    described,
  ].filter((p) => p !== '');
}

/** A conflict's kind; briefs written before kinds existed have none, and read as contradictions. */
export function conflictKind(conflict: ClaimConflict): 'contradiction' | 'revision' {
  return (conflict as { kind?: string }).kind === 'revision' ? 'revision' : 'contradiction';
}

/** One side of a dispute: a value, and each distinct sentence that gives it with the sources that wrote it. */
export interface DisputeSide {
  value: string;
  sources: string[];
  sentences: { sentence: string; sources: string[] }[];
}

/** The sides of a conflict, each with its sources' own sentences (from the claim's sources). */
export function disputeSides(claim: Claim, conflict: ClaimConflict): DisputeSide[] {
  return conflict.values.map((v) => {
    const sentences: DisputeSide['sentences'] = [];
    for (const id of unique(v.sources)) {
      for (const cs of claim.sources.filter((x) => x.source === id)) {
        const same = sentences.find((x) => x.sentence === cs.sentence);
        if (same) {
          if (!same.sources.includes(id)) same.sources.push(id);
        } else sentences.push({ sentence: cs.sentence, sources: [id] });
      }
    }
    return { value: v.value, sources: unique(v.sources), sentences };
  });
}

/** The claims of a section split into those shown and those folded away (single-source claims past SINGLE_SOURCE_SHOWN). */
export function foldedSection(claims: Claim[], status: ClaimStatus, shown = SINGLE_SOURCE_SHOWN): { shown: Claim[]; folded: Claim[] } {
  if (status !== 'single-source' || claims.length <= shown) return { shown: claims, folded: [] };
  return { shown: claims.slice(0, shown), folded: claims.slice(shown) };
}

/** Claim id → the flags the outlets file raises on it (none without a file). */
export function claimFlags(brief: Brief, outlets: OutletDirectory | undefined): Map<string, ClaimFlag[]> {
  const flags = new Map<string, ClaimFlag[]>();
  if (outlets) for (const f of outletSupport(brief, outlets).flags) flags.set(f.claim, [...(flags.get(f.claim) ?? []), f]);
  return flags;
}

/** "all its independent support shares one owner: X" */
export function flagText(flag: ClaimFlag): string {
  return `all its independent support shares one ${flag.field}: ${flag.value}`;
}

/** What the Markdown and HTML renderers look up while writing: citation numbers, group letters, who each source is, the flags of each claim. */
export interface RenderLookups {
  numbering: Map<string, number>;
  labels: Map<string, string>;
  identities: Map<string, SourceIdentity>;
  flags: Map<string, ClaimFlag[]>;
}

export function renderLookups(brief: Brief, outlets: OutletDirectory | undefined): RenderLookups {
  return {
    numbering: sourceNumbering(brief),
    labels: groupLabels(brief),
    identities: new Map(brief.sources.map((s) => [s.id, sourceIdentity(s, outlets)])),
    flags: claimFlags(brief, outlets),
  };
}
