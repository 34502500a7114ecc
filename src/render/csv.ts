/**
 * The claims of a brief as CSV (RFC 4180: comma-separated, double-quoted when
 * needed, CRLF line ends), one row per claim, for spreadsheets and scripts.
 */
import type { OutletDirectory } from '../outlets/index.js';
import type { Brief } from '../types.js';
import { claimFlags, claimSourceIds, claimsInDisplayOrder, conflictKind, flagText, outletLine, sourceIdentity, sourceNumbering } from './common.js';
import { sanitizeBrief } from './sanitize.js';

export const CLAIMS_CSV_COLUMNS = ['claim_id', 'status', 'claim', 'support', 'independent_support', 'outlets', 'source_ids', 'conflicts', 'flags'] as const;

/**
 * Text a spreadsheet would run as a formula ("=HYPERLINK(…)", "+1+cmd|…",
 * "@SUM(…)") is prefixed with an apostrophe, which spreadsheets show as text:
 * article text must not become a formula on a journalist's machine.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

/** One CSV field: numbers as they are, text quoted when it holds a comma, a quote or a line break. */
export function csvField(value: string | number): string {
  if (typeof value === 'number') return String(value);
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvLine(values: (string | number)[]): string {
  return `${values.map(csvField).join(',')}\r\n`;
}

export interface ClaimsCsvOptions {
  outlets?: OutletDirectory;
}

/** claim_id, status, claim, support, independent_support, outlets ("[n] name · date; …"), source_ids, conflicts, flags. */
export function renderClaimsCsv(input: Brief, options: ClaimsCsvOptions = {}): string {
  const brief = sanitizeBrief(input);
  const numbering = sourceNumbering(brief);
  const names = new Map(brief.sources.map((s) => [s.id, outletLine(sourceIdentity(s, options.outlets))]));
  const flags = claimFlags(brief, options.outlets);
  const named = (ids: string[]) => ids.map((id) => `[${numbering.get(id) ?? '?'}] ${names.get(id) ?? id}`).join('; ');
  const rows = claimsInDisplayOrder(brief).map((claim) => {
    const ids = claimSourceIds(claim);
    const conflicts = claim.conflicts
      .map((c) => `${c.about}${conflictKind(c) === 'revision' ? ' (revised)' : ''}: ${c.values.map((v) => `${v.value} (${named(v.sources)})`).join(' | ')}`)
      .join('; ');
    return csvLine([claim.id, claim.status, claim.text, claim.support, claim.independentSupport, named(ids), ids.join(' '), conflicts, (flags.get(claim.id) ?? []).map(flagText).join('; ')]);
  });
  return csvLine([...CLAIMS_CSV_COLUMNS]) + rows.join('');
}
