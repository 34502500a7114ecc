import type { AnalyzedArticle, Brief } from '../types.js';
import type { BuiltClaim } from './claims.js';
import { outerBoundDate } from './units.js';

/**
 * Dated statements in time order: each resolved date in a claim's member
 * sentence dates that claim (the analyzer resolved relative dates against
 * publishedAt). Sources are the claim's sources that carry the date. An
 * entry reads as the claim where the claim's wording gives the date as one
 * of its clauses writes it; otherwise as the first clause that gives
 * it ("1967" is not the date of "Police announced Ann Lee was arrested
 * Friday", the wording of a claim whose other source says the killings
 * were in 1967).
 */
export function buildTimeline(articles: AnalyzedArticle[], built: BuiltClaim[]): Brief['timeline'] {
  const claimsOf = new Map<string, { b: BuiltClaim; start: number; end: number; text: string }[]>();
  for (const b of built) for (const u of b.units) {
    const k = `${u.article}#${u.sentence}`;
    (claimsOf.get(k) ?? claimsOf.set(k, []).get(k) ?? []).push({ b, start: u.start, end: u.end, text: u.text });
  }
  // One entry per date and claim, whatever words each source dates it by ("on Friday", "on October 4").
  const entries = new Map<string, { when: string; claim: string; dated: string[]; clause: string; sources: Set<string> }>();
  for (const a of articles) {
    for (const d of a.dates) {
      // (A bound dates no event: "made the playoffs for the first time since 2005" happened this year.)
      if (d.iso === undefined || outerBoundDate(d, a.article.text)) continue;
      // The claim of the clause the date stands in, the one most sources give where several do.
      const options = claimsOf.get(`${a.article.id}#${d.sentence}`) ?? [];
      const holding = options.filter((o) => d.start !== undefined && d.start >= o.start && d.start < o.end);
      const at = [...(holding.length > 0 ? holding : options.slice(0, 1))].sort((x, y) => y.b.claim.independentSupport - x.b.claim.independentSupport)[0];
      if (at === undefined) continue;
      const key = `${d.iso}|${at.b.claim.id}`;
      // (The first clause that gives the date, not its whole sentence: "… on Monday; her brother was jailed in 1998" dates
      // no arrest in 1998.)
      const e = entries.get(key) ?? { when: d.iso, claim: at.b.claim.text, dated: [], clause: at.text, sources: new Set<string>() };
      e.dated.push(d.text);
      e.sources.add(a.article.id);
      entries.set(key, e);
    }
  }
  return [...entries.values()]
    .map((e) => ({ when: e.when, text: e.dated.some((t) => givesDate(e.claim, t)) ? e.claim : e.clause, sources: [...e.sources].sort() }))
    .sort((x, y) => x.when.localeCompare(y.when) || x.text.localeCompare(y.text));
}

/**
 * Whether a wording writes a date as a sentence did, its preposition and
 * part of the day aside ("early Tuesday" is given by "on Tuesday"; "on
 * March 11, 2005" by "March 11, 2005" and by "March 11"), case, commas and
 * spacing aside.
 */
function givesDate(text: string, written: string): boolean {
  const squeeze = (x: string): string => ` ${x.toLowerCase().replace(/[,.]/g, ' ').replace(/\s+/g, ' ').trim()} `;
  const date = squeeze(written)
    .replace(/^ (?:(?:on|in|at|by|since|from|early|late|this|last|next) )+/, ' ')
    .replace(/ (?:morning|afternoon|evening|night) $/, ' ');
  // ("October 5" gives "October 5, 2013": the year is the entry's own.)
  const withoutYear = date.replace(/ \d{4} $/, ' ');
  const wording = squeeze(text);
  return date.trim() !== '' && (wording.includes(date) || (withoutYear !== date && /\d/.test(withoutYear) && wording.includes(withoutYear)));
}
