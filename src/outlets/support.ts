import type { Brief, Claim, OutletRecord } from '../types.js';
import type { OutletDirectory } from './directory.js';

/**
 * Who the support of a story comes from, by the fields of the user's outlets
 * file: how many independent groups (and outlets) each country, owner and kind
 * accounts for, and the claims whose independent support all shares one owner
 * or one country — corroboration that is less independent than it looks.
 */

export type OutletField = 'country' | 'owner' | 'kind';
export const OUTLET_FIELDS: readonly OutletField[] = ['country', 'owner', 'kind'];

/** One value of a field ("RU", "Axel Springer", "wire") and what of the story carries it. */
export interface SupportShare {
  value: string;
  /** Independence groups with at least one outlet of this value. */
  groups: number;
  /** Sources (articles) of this value. */
  sources: string[];
}

export interface ClaimFlag {
  claim: string;
  field: 'owner' | 'country';
  value: string;
}

export interface OutletSupport {
  /** The user's record for each source found in the file. */
  sources: Record<string, OutletRecord>;
  /** Per field, the shares in decreasing order of groups; sources the file does not describe are under "unknown". */
  by: Record<OutletField, SupportShare[]>;
  flags: ClaimFlag[];
}

export const UNKNOWN_VALUE = 'unknown';

function shares(brief: Brief, records: Map<string, OutletRecord>, field: OutletField): SupportShare[] {
  const byValue = new Map<string, { groups: Set<string>; sources: string[] }>();
  for (const s of brief.sources) {
    const value = records.get(s.id)?.[field] ?? UNKNOWN_VALUE;
    const entry = byValue.get(value) ?? { groups: new Set<string>(), sources: [] };
    entry.groups.add(s.group);
    entry.sources.push(s.id);
    byValue.set(value, entry);
  }
  return [...byValue.entries()]
    .map(([value, e]) => ({ value, groups: e.groups.size, sources: e.sources }))
    .sort((a, b) => Number(a.value === UNKNOWN_VALUE) - Number(b.value === UNKNOWN_VALUE) || b.groups - a.groups || (a.value < b.value ? -1 : 1));
}

/** The one value every carrier of the claim has for the field, when all are known and agree. */
function sharedValue(claim: Claim, records: Map<string, OutletRecord>, field: 'owner' | 'country'): string | undefined {
  const values = new Set<string | undefined>(claim.sources.map((s) => records.get(s.source)?.[field]));
  if (values.size !== 1) return undefined;
  return [...values][0];
}

export function outletSupport(brief: Brief, directory: OutletDirectory): OutletSupport {
  const records = new Map<string, OutletRecord>();
  for (const s of brief.sources) {
    const r = directory.find(s);
    if (r) records.set(s.id, r);
  }
  const flags: ClaimFlag[] = [];
  for (const claim of brief.claims) {
    // Only support that looks independent can be less independent than it looks.
    if (claim.independentSupport < 2) continue;
    for (const field of ['owner', 'country'] as const) {
      const value = sharedValue(claim, records, field);
      if (value !== undefined) flags.push({ claim: claim.id, field, value });
    }
  }
  return {
    sources: Object.fromEntries(records),
    by: { country: shares(brief, records, 'country'), owner: shares(brief, records, 'owner'), kind: shares(brief, records, 'kind') },
    flags,
  };
}
