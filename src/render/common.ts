/**
 * What every renderer derives from a Brief the same way, so that JSON,
 * Markdown and HTML agree: citation numbers, group labels, the overview
 * counts, the section order and the small formatting of dates and scores.
 */
import type { Brief, BriefQuote, BriefSource, Claim, ClaimStatus } from '../types.js';

/** Sections in the order every renderer shows claims. */
export const STATUS_ORDER: readonly ClaimStatus[] = ['corroborated', 'single-source', 'disputed'];

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
  const claims = STATUS_ORDER.map((s) => `${o.counts[s]} ${s}`).join(', ');
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

/** "Krone / source: Krone · de · 2023-09-13 · group A" */
export function sourceDetails(source: BriefSource, labels: Map<string, string>): string[] {
  const origin = [source.siteName, source.attribution ? `source: ${source.attribution}` : undefined].filter(
    (p): p is string => Boolean(p),
  );
  return [
    origin.join(' / '),
    source.language,
    source.publishedAt ? formatWhen(source.publishedAt) : '',
    `group ${labels.get(source.group) ?? '?'}`,
  ].filter((p) => p !== '');
}

