import type { OutletRecord } from '../types.js';
import { parseCsv } from './csv.js';

/**
 * The user's outlets file, CSV or JSON, into records. Accepted shapes:
 *
 * - CSV with a header row naming a `domain` column; `name`, `country`,
 *   `owner`, `kind` are known, any other column is kept as an extra;
 * - JSON: an array of objects with a `domain` key, or an object mapping each
 *   domain to an object of the other fields.
 *
 * A row without a usable domain is reported, not fatal; a later row of the
 * same domain replaces an earlier one (and is reported).
 */

export interface OutletsParse {
  outlets: OutletRecord[];
  problems: string[];
}

/** Longest field kept: an outlets file holds names, not articles. */
const MAX_FIELD_CHARS = 500;
/** More outlets than this is not a list of outlets a reader curates. */
export const MAX_OUTLETS = 100_000;

const KNOWN = ['name', 'country', 'owner', 'kind'] as const;

/** "https://www.BBC.co.uk/news" → "bbc.co.uk"; undefined when it is not a host name. */
export function normaliseDomain(value: string): string | undefined {
  let v = value.trim().toLowerCase();
  if (v === '') return undefined;
  if (/^[a-z][a-z0-9+.-]*:\/\//.test(v)) {
    try {
      v = new URL(v).hostname;
    } catch {
      return undefined;
    }
  }
  v = v.replace(/\/.*$/, '').replace(/:\d+$/, '').replace(/^www\./, '').replace(/\.$/, '');
  // Host names as URL parsers keep them: punycode for non-ASCII labels.
  try {
    v = new URL(`http://${v}`).hostname;
  } catch {
    return undefined;
  }
  return /^[a-z0-9-]+(\.[a-z0-9-]+)*$/.test(v) ? v : undefined;
}

function text(value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  const s = (typeof value === 'string' ? value : typeof value === 'number' || typeof value === 'boolean' ? String(value) : '').trim();
  return s === '' ? undefined : s.slice(0, MAX_FIELD_CHARS);
}

/** One record from a domain and a bag of fields; undefined (with a problem) when the domain is unusable. */
function record(rawDomain: unknown, fields: Record<string, unknown>, where: string, problems: string[]): OutletRecord | undefined {
  const domain = normaliseDomain(text(rawDomain) ?? '');
  if (!domain) {
    problems.push(`${where}: no usable domain (${JSON.stringify(text(rawDomain) ?? '')})`);
    return undefined;
  }
  const out: OutletRecord = { domain, extra: {} };
  for (const [key, value] of Object.entries(fields)) {
    const k = key.trim();
    const v = text(value);
    if (k === '' || k.toLowerCase() === 'domain' || v === undefined) continue;
    const known = KNOWN.find((name) => name === k.toLowerCase());
    if (known) out[known] = v;
    else out.extra[k.slice(0, MAX_FIELD_CHARS)] = v;
  }
  return out;
}

function fromCsv(content: string, problems: string[]): OutletRecord[] {
  const [header, ...rows] = parseCsv(content);
  if (!header) return [];
  const domainAt = header.findIndex((h) => h.trim().toLowerCase() === 'domain');
  if (domainAt < 0) {
    problems.push('line 1: the header names no "domain" column');
    return [];
  }
  return rows.flatMap((cells, i) => {
    const fields = Object.fromEntries(header.map((h, j) => [h, cells[j]]));
    return record(cells[domainAt], fields, `line ${i + 2}`, problems) ?? [];
  });
}

function fromJson(content: string, problems: string[]): OutletRecord[] {
  let data: unknown;
  try {
    data = JSON.parse(content.replace(/^\ufeff/, ''));
  } catch (err) {
    problems.push(`not JSON: ${(err as Error).message}`);
    return [];
  }
  const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);
  if (Array.isArray(data)) {
    return data.flatMap((item, i) => (isObject(item) ? (record(item.domain, item, `item ${i + 1}`, problems) ?? []) : (problems.push(`item ${i + 1}: not an object`), [])));
  }
  if (isObject(data)) {
    return Object.entries(data).flatMap(([domain, fields]) =>
      isObject(fields) ? (record(domain, fields, `"${domain}"`, problems) ?? []) : (problems.push(`"${domain}": not an object`), []),
    );
  }
  problems.push('expected an array of outlets or an object of domain → outlet');
  return [];
}

/** The records of a file's content; `format` comes from the file's extension (the caller decides). */
export function parseOutlets(content: string, format: 'csv' | 'json'): OutletsParse {
  const problems: string[] = [];
  const parsed = format === 'json' ? fromJson(content, problems) : fromCsv(content, problems);
  const byDomain = new Map<string, OutletRecord>();
  for (const r of parsed) {
    if (byDomain.has(r.domain)) problems.push(`${r.domain}: listed twice, the later entry kept`);
    byDomain.set(r.domain, r);
  }
  const outlets = [...byDomain.values()];
  if (outlets.length > MAX_OUTLETS) problems.push(`${outlets.length} outlets: only the first ${MAX_OUTLETS} kept`);
  return { outlets: outlets.slice(0, MAX_OUTLETS), problems };
}
