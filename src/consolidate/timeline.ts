import type { AnalyzedArticle, Brief } from '../types.js';
import type { BuiltClaim } from './claims.js';

/**
 * Dated statements in time order: each resolved date in a claim's member
 * sentence dates that claim (the analyzer resolved relative dates against
 * publishedAt). Sources are the claim's sources that carry the date.
 */
export function buildTimeline(articles: AnalyzedArticle[], built: BuiltClaim[]): Brief['timeline'] {
  const claimsOf = new Map<string, { b: BuiltClaim; start: number; end: number }[]>();
  for (const b of built) for (const u of b.units) {
    const k = `${u.article}#${u.sentence}`;
    (claimsOf.get(k) ?? claimsOf.set(k, []).get(k) ?? []).push({ b, start: u.start, end: u.end });
  }
  const entries = new Map<string, { when: string; text: string; sources: Set<string> }>();
  for (const a of articles) {
    for (const d of a.dates) {
      if (d.iso === undefined) continue;
      // The claim of the clause the date stands in.
      const options = claimsOf.get(`${a.article.id}#${d.sentence}`) ?? [];
      const b = (options.find((o) => d.start !== undefined && d.start >= o.start && d.start < o.end) ?? options[0])?.b;
      if (b === undefined) continue;
      const key = `${d.iso}|${b.claim.id}`;
      const e = entries.get(key) ?? { when: d.iso, text: b.claim.text, sources: new Set<string>() };
      e.sources.add(a.article.id);
      entries.set(key, e);
    }
  }
  return [...entries.values()]
    .sort((x, y) => x.when.localeCompare(y.when) || x.text.localeCompare(y.text))
    .map((e) => ({ when: e.when, text: e.text, sources: [...e.sources].sort() }));
}
